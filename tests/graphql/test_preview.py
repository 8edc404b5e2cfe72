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


def editor_of(django_user_model, abbreviation):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(f"editor-{abbreviation}", password="x")
    user.groups.add(Group.objects.get(name=f"Editor {abbreviation}"))
    return user


def test_admin_issues_token_to_page_editor(
    gql, client, django_user_model, never_published
):
    client.force_login(editor_of(django_user_model, "Disdukcapil"))
    response = client.get(f"/admin/graphql-preview/{never_published.pk}/")
    assert response.status_code == 200
    token = response.json()["token"]
    data = gql.data(PREVIEW, {"token": token})
    assert data["preview"]["title"] == "Belum terbit"


def test_admin_token_refused_to_other_opd(client, django_user_model, never_published):
    client.force_login(editor_of(django_user_model, "Dinkes"))
    response = client.get(f"/admin/graphql-preview/{never_published.pk}/")
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_admin_token_needs_login(client, never_published):
    response = client.get(f"/admin/graphql-preview/{never_published.pk}/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_admin_token_redirects_to_frontend(
    client, settings, django_user_model, never_published
):
    settings.GRAPHQL_PREVIEW_URL = (
        "https://app.bekasikota.go.id/pratinjau?token={token}"
    )
    client.force_login(editor_of(django_user_model, "Disdukcapil"))
    response = client.get(f"/admin/graphql-preview/{never_published.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith(
        "https://app.bekasikota.go.id/pratinjau?token="
    )
