"""Image URLs on the media host; documents that are not public resolve to null."""

import json

import pytest

from opd_pages.models import (
    AnnouncementPage,
    NewsPage,
    PublicInformationAttachment,
    PublicInformationPage,
)

IMAGE_QUERY = """
query ($path: String!) {
  page(urlPath: $path) {
    ... on NewsPage {
      heroImage {
        url width height altText
        focalPoint { x y width height }
        thumbnail: rendition(size: THUMBNAIL) { url width height }
        hero: rendition(size: HERO) { url width }
      }
      body { ... on ImageBlock { caption image { altText url } } }
    }
  }
}
"""


@pytest.fixture
def news_with_image(disdukcapil, add_page, make_image):
    image = make_image(
        "Pelayanan keliling",
        focal_point_x=400,
        focal_point_y=300,
        focal_point_width=100,
        focal_point_height=80,
    )
    body = [
        {
            "type": "image",
            "value": {"image": image.pk, "caption": "Mobil", "alt_text": "Mobil"},
        }
    ]
    page = NewsPage(
        title="Keliling", slug="keliling", hero_image=image, body=json.dumps(body)
    )
    return add_page(disdukcapil, page)


def test_rendition_urls_on_media_host(gql, settings, news_with_image):
    settings.MEDIA_BASE_URL = "https://media.bekasikota.go.id"
    gql.client.defaults["HTTP_HOST"] = "attacker.example"
    data = gql.data(IMAGE_QUERY, {"path": "/disdukcapil/keliling/"})
    hero = data["page"]["heroImage"]
    for url in (hero["url"], hero["thumbnail"]["url"], hero["hero"]["url"]):
        assert url.startswith("https://media.bekasikota.go.id/"), url
        assert "attacker.example" not in url
    assert hero["thumbnail"]["width"] == 160
    assert hero["thumbnail"]["height"] == 160
    assert hero["focalPoint"] == {"x": 400, "y": 300, "width": 100, "height": 80}
    assert hero["altText"] == "Pelayanan keliling"
    block_image = data["page"]["body"][0]["image"]
    assert block_image["altText"] == "Mobil"
    assert block_image["url"].startswith("https://media.bekasikota.go.id/")


def test_arbitrary_filter_spec_rejected(gql, news_with_image):
    result = gql.post(
        '{ page(urlPath: "/disdukcapil/keliling/") { ... on NewsPage '
        '{ heroImage { rendition(size: "fill-9999x9999") { url } } } } }'
    )
    assert result["errors"]
    assert gql.last_response.status_code == 400


DOCUMENT_FIELDS = "document { title url fileType size } title"


def test_private_documents_null_on_every_path(
    gql, disdukcapil, add_page, make_document, private_collection
):
    public = make_document("Jadwal pelayanan")
    private = make_document("Memo internal", private_collection)
    exempt_public_collection = make_document("Hasil uji konsekuensi")

    blocks = [
        {"type": "document", "value": {"document": public.pk, "title": ""}},
        {"type": "document", "value": {"document": private.pk, "title": ""}},
    ]
    add_page(disdukcapil, NewsPage(title="Dok", slug="dok", body=json.dumps(blocks)))
    listed = [
        {"document": public.pk, "title": ""},
        {"document": private.pk, "title": "Memo"},
    ]
    add_page(
        disdukcapil,
        AnnouncementPage(
            title="Lampiran",
            slug="lampiran",
            body=json.dumps([{"type": "documents", "value": listed}]),
        ),
    )
    open_item = PublicInformationPage(
        title="Terbuka", slug="terbuka", category="berkala"
    )
    open_item.attachments = [
        PublicInformationAttachment(document=public, title="Jadwal"),
        PublicInformationAttachment(document=private, title="Memo"),
    ]
    add_page(disdukcapil, open_item)
    exempt = PublicInformationPage(
        title="Dikecualikan",
        slug="dikecualikan",
        category="dikecualikan",
        exemption_reason="Pasal 17 huruf a",
        exemption_ends_on="2030-01-01",
    )
    exempt.attachments = [
        PublicInformationAttachment(document=exempt_public_collection, title="Uji")
    ]
    add_page(disdukcapil, exempt)

    data = gql.data(
        f"""{{
          news: page(urlPath: "/disdukcapil/dok/") {{
            ... on NewsPage {{ body {{ ... on DocumentBlock {{ {DOCUMENT_FIELDS} }} }} }}
          }}
          announcement: page(urlPath: "/disdukcapil/lampiran/") {{
            ... on AnnouncementPage {{
              body {{ ... on DocumentListBlock {{ items {{ {DOCUMENT_FIELDS} }} }} }}
            }}
          }}
          publicInformation(opd: "disdukcapil") {{
            nodes {{ slug attachments {{ {DOCUMENT_FIELDS} }} }}
          }}
        }}"""
    )
    news_blocks = data["news"]["body"]
    assert news_blocks[0]["document"]["title"] == "Jadwal pelayanan"
    assert news_blocks[0]["document"]["fileType"] == "pdf"
    assert news_blocks[0]["document"]["url"].startswith("http://localhost/documents/")
    assert news_blocks[1]["document"] is None
    assert news_blocks[1]["title"] == ""

    items = data["announcement"]["body"][0]["items"]
    assert items[0]["document"]["title"] == "Jadwal pelayanan"
    assert items[1]["document"] is None
    assert items[1]["title"] == "Memo"

    by_slug = {
        node["slug"]: node["attachments"] for node in data["publicInformation"]["nodes"]
    }
    assert by_slug["terbuka"][0]["document"]["title"] == "Jadwal pelayanan"
    assert by_slug["terbuka"][1]["document"] is None
    assert by_slug["dikecualikan"][0]["document"] is None
    assert "Hasil uji" not in json.dumps(data)
    assert "Memo internal" not in json.dumps(data)
