"""StreamFields as per-field unions of exactly the allowed block types."""

import json

import pytest
from wagtail.fields import StreamField

from graphql_api.schema import schema
from graphql_api.types.blocks import BLOCK_TYPES
from opd_pages.models import (
    AnnouncementPage,
    EventPage,
    NewsPage,
    PublicInformationPage,
    ServicePage,
    StandardPage,
)

BODY_UNIONS = {
    NewsPage: "ContentBlock",
    EventPage: "ContentBlock",
    PublicInformationPage: "ContentBlock",
    StandardPage: "ContentBlock",
    AnnouncementPage: "AnnouncementBlock",
    ServicePage: "ServiceBlock",
}


def graphql_type(name):
    return schema._schema.get_type(name)


def unwrap(field_type):
    while hasattr(field_type, "of_type"):
        field_type = field_type.of_type
    return field_type


def test_body_unions_match_allowed_blocks():
    for model, union_name in BODY_UNIONS.items():
        field = graphql_type(model.__name__).fields["body"]
        assert unwrap(field.type).name == union_name, model.__name__
        stream_block = model._meta.get_field("body").stream_block
        expected = {
            BLOCK_TYPES[type(child)][0].__strawberry_definition__.name
            for child in stream_block.child_blocks.values()
        }
        members = {member.name for member in graphql_type(union_name).types}
        assert members == expected, model.__name__


def test_announcement_union_is_narrow():
    members = {member.name for member in graphql_type("AnnouncementBlock").types}
    assert members == {"ParagraphBlock", "ImageBlock", "DocumentListBlock"}
    service = {member.name for member in graphql_type("ServiceBlock").types}
    assert "FAQBlock" in service
    content = {member.name for member in graphql_type("ContentBlock").types}
    assert "FAQBlock" not in content


def test_every_stream_field_is_typed():
    for model in BODY_UNIONS:
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                camel = "".join(
                    part.capitalize() if index else part
                    for index, part in enumerate(field.name.split("_"))
                )
                assert camel in graphql_type(model.__name__).fields, (
                    f"{model.__name__}.{field.name} has no GraphQL field"
                )


def test_nested_blocks_typed():
    faq_items = graphql_type("FAQBlock").fields["items"]
    assert unwrap(faq_items.type).name == "FAQItem"
    assert set(graphql_type("FAQItem").fields) == {"question", "answerHtml"}
    document_items = graphql_type("DocumentListBlock").fields["items"]
    assert unwrap(document_items.type).name == "DocumentBlock"


def test_service_body_blocks_resolve(gql, disdukcapil, add_page):
    body = [
        {"type": "paragraph", "value": "<p>Datang ke loket.</p>"},
        {
            "type": "faq",
            "value": [
                {"question": "Berapa biayanya?", "answer": "<p><b>Gratis</b>.</p>"}
            ],
        },
        {
            "type": "table",
            "value": {
                "data": [["Hari", "Jam"], ["Senin", None]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Jadwal",
            },
        },
    ]
    add_page(
        disdukcapil,
        ServicePage(title="Uji blok", slug="uji-blok", body=json.dumps(body)),
    )
    data = gql.data(
        """{ page(urlPath: "/disdukcapil/uji-blok/") { ... on ServicePage { body {
          __typename
          ... on StreamFieldBlock { blockType id }
          ... on ParagraphBlock { html }
          ... on FAQBlock { items { question answerHtml } }
          ... on TableBlock { rows firstRowIsHeader firstColumnIsHeader caption }
        } } } }"""
    )
    paragraph, faq, table = data["page"]["body"]
    assert paragraph["__typename"] == "ParagraphBlock"
    assert paragraph["blockType"] == "paragraph"
    assert paragraph["html"] == "<p>Datang ke loket.</p>"
    assert faq["items"] == [
        {"question": "Berapa biayanya?", "answerHtml": "<p><b>Gratis</b>.</p>"}
    ]
    assert table["rows"] == [["Hari", "Jam"], ["Senin", None]]
    assert table["firstRowIsHeader"] is True
    assert table["caption"] == "Jadwal"


def test_new_block_widens_only_its_union():
    from graphql_api.types.blocks import stream_union
    from opd_pages import blocks as page_blocks

    class WiderStreamBlock(page_blocks.ContentStreamBlock):
        faq = page_blocks.FAQBlock()

    wider = stream_union(WiderStreamBlock, "WiderBlock")
    wider_members = {
        member.__strawberry_definition__.name for member in wider.__args__[0].__args__
    }
    assert "FAQBlock" in wider_members
    content = {member.name for member in graphql_type("ContentBlock").types}
    assert "FAQBlock" not in content


def test_block_without_graphql_type_fails():
    from wagtail import blocks

    from graphql_api.types.blocks import stream_union
    from opd_pages import blocks as page_blocks

    class UnknownStreamBlock(page_blocks.ContentStreamBlock):
        quote = blocks.BlockQuoteBlock()

    with pytest.raises(TypeError, match="BlockQuoteBlock has no GraphQL type"):
        stream_union(UnknownStreamBlock, "UnknownBlock")
