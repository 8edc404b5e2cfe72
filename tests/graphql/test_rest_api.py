"""Wagtail's REST API v2 serves the same public pages as GraphQL."""

from wagtail.models import PageViewRestriction

from opd_pages.models import NewsPage

NEWS_URL = (
    "/api/v2/pages/?type=opd_pages.NewsPage"
    "&fields=date,summary,opd,hero_image_card,tags&limit=20"
)


def test_rest_news_listing_fields(gql, disdukcapil, make_news, make_image):
    make_news(disdukcapil, 2, tags=["ktp"], image=make_image())
    response = gql.client.get(NEWS_URL)
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 2
    item = items[0]
    assert item["opd"]["abbreviation"] == "Disdukcapil"
    assert item["tags"] == ["ktp"]
    assert item["hero_image_card"]["width"] == 640


def test_rest_hides_private_pages(gql, disdukcapil, make_news):
    hidden, visible = make_news(disdukcapil, 2)
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.LOGIN
    )
    NewsPage.objects.filter(pk=visible.pk).update(title="Terlihat")
    items = gql.client.get(NEWS_URL).json()["items"]
    assert [item["title"] for item in items] == ["Terlihat"]
