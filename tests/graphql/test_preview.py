"""Headless preview of draft revisions through signed tokens."""

import pytest

from graphql_api.preview import make_preview_token
from opd_pages.models import NewsPage

PREVIEW = """
query ($token: String!) {
  preview(token: $token) { __typename title urlPath ... on NewsPage { summary } }
}
"""


@pytest.fixture
def never_published(disdukcapil, add_page):
    page = add_page(
        disdukcapil,
        NewsPage(title="Belum terbit", slug="belum-terbit", summary="Draf pertama"),
        publish=False,
    )
    return page


def test_preview_never_published_page(gql, never_published):
    token = make_preview_token(never_published.latest_revision)
    data = gql.data(PREVIEW, {"token": token})
    assert data["preview"] == {
        "__typename": "NewsPage",
        "title": "Belum terbit",
        "urlPath": "/disdukcapil/belum-terbit/",
        "summary": "Draf pertama",
    }
    public = gql.data('{ page(urlPath: "/disdukcapil/belum-terbit/") { title } }')
    assert public["page"] is None
    listing = gql.data('{ news(opd: "disdukcapil") { totalCount } }')
    assert listing["news"]["totalCount"] == 0


def test_preview_token_tied_to_revision(gql, never_published):
    first_token = make_preview_token(never_published.latest_revision)
    never_published.summary = "Draf kedua"
    second = never_published.save_revision(log_action=False)
    data = gql.data(PREVIEW, {"token": first_token})
    assert data["preview"]["summary"] == "Draf pertama"
    data = gql.data(PREVIEW, {"token": make_preview_token(second)})
    assert data["preview"]["summary"] == "Draf kedua"


def test_forged_preview_token_rejected(gql, never_published):
    token = make_preview_token(never_published.latest_revision)
    result = gql.post(PREVIEW, {"token": token[:-2] + "xx"})
    assert "Invalid preview token" in result["errors"][0]["message"]


def test_expired_preview_token_rejected(gql, settings, never_published):
    token = make_preview_token(never_published.latest_revision)
    settings.GRAPHQL_PREVIEW_MAX_AGE = -1
    result = gql.post(PREVIEW, {"token": token})
    assert "expired" in result["errors"][0]["message"]
