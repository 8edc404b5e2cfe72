"""Rich text reaches clients as browser-ready HTML with dead links degraded."""

import json

import pytest
from wagtail.models import PageViewRestriction

from opd_pages.models import NewsPage, OPDPage, ServicePage, StandardPage

from .conftest import UNSUPPORTED_EMBED_URL

RICH_TEXT_QUERY = """
query ($path: String!) {
  page(urlPath: $path) {
    ... on NewsPage { body { ... on ParagraphBlock { html } } }
  }
  opd(slug: "disdukcapil") { mandateHtml }
}
"""


@pytest.fixture
def link_targets(disdukcapil, add_page, make_document, private_collection):
    draft = add_page(
        disdukcapil, StandardPage(title="Draf", slug="draf"), publish=False
    )
    private = add_page(disdukcapil, StandardPage(title="Privat", slug="privat"))
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    deleted = add_page(disdukcapil, StandardPage(title="Hapus", slug="hapus"))
    deleted_id = deleted.pk
    deleted.delete()
    return {
        "public": ServicePage.objects.get(slug="ktp-el"),
        "draft": draft,
        "private": private,
        "deleted_id": deleted_id,
        "document": make_document("Formulir F-1.01"),
        "private_document": make_document("Memo internal", private_collection),
    }


def stored_html(targets, embed_url):
    return (
        f'<p><a linktype="page" id="{targets["public"].pk}">KTP-el</a> '
        f'<a linktype="page" id="{targets["draft"].pk}">draf</a> '
        f'<a linktype="page" id="{targets["private"].pk}">privat</a> '
        f'<a linktype="page" id="{targets["deleted_id"]}">hapus</a> '
        f'<a linktype="document" id="{targets["document"].pk}">formulir</a> '
        f'<a linktype="document" id="{targets["private_document"].pk}">memo</a> '
        '<a href="https://www.lapor.go.id">LAPOR!</a></p>'
        f'<embed embedtype="media" url="{embed_url}"/>'
    )


def test_links_rewritten_in_field_and_block(
    gql, disdukcapil, add_page, link_targets, cached_embed
):
    html = stored_html(link_targets, cached_embed.url)
    news = NewsPage(
        title="Tautan",
        slug="tautan",
        body=json.dumps([{"type": "paragraph", "value": html}]),
    )
    add_page(disdukcapil, news)
    OPDPage.objects.filter(pk=disdukcapil.pk).update(mandate=html)

    data = gql.data(RICH_TEXT_QUERY, {"path": "/disdukcapil/tautan/"})
    block_html = data["page"]["body"][0]["html"]
    field_html = data["opd"]["mandateHtml"]

    assert block_html == field_html
    assert 'href="http://localhost/disdukcapil/ktp-el/"' in block_html
    document = link_targets["document"]
    assert f'href="http://localhost/documents/{document.pk}/' in block_html
    assert 'href="https://www.lapor.go.id"' in block_html
    assert "youtube.com/embed/bekasi-test" in block_html
    for text in ("draf", "privat", "hapus", "memo"):
        assert f">{text}</a>" not in block_html
        assert text in block_html
    assert "linktype" not in block_html
    assert "embedtype" not in block_html
    assert "<embed" not in block_html


def test_unavailable_embed_removed(gql, disdukcapil, add_page):
    html = f'<p>Video:</p><embed embedtype="media" url="{UNSUPPORTED_EMBED_URL}"/>'
    add_page(
        disdukcapil,
        NewsPage(
            title="Video",
            slug="video",
            body=json.dumps([{"type": "paragraph", "value": html}]),
        ),
    )
    data = gql.data(RICH_TEXT_QUERY, {"path": "/disdukcapil/video/"})
    assert data["page"]["body"][0]["html"] == "<p>Video:</p>"
