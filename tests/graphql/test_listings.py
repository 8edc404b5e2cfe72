"""Listings: pagination, tag filters, every filter narrowing, constant query counts."""

import datetime

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from opd_pages.models import NewsPageTag, OPDPage

NEWS_LISTING = """
query ($first: Int, $after: String, $tag: String, $opd: String) {
  news(first: $first, after: $after, tag: $tag, opd: $opd) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id title date urlPath
      opd { slug abbreviation }
      tags { name slug }
      heroImage { altText rendition(size: CARD) { url width height } }
    } }
  }
}
"""


def count_queries(gql, query, variables=None):
    with CaptureQueriesContext(connection) as queries:
        data = gql.data(query, variables)
    return len(queries), data


def test_first_above_maximum_rejected(gql):
    result = gql.post("{ news(first: 51) { totalCount } }")
    message = result["errors"][0]["message"]
    assert "Invalid `first` 51" in message
    assert "1 to 50" in message


def test_malformed_cursor_rejected(gql):
    result = gql.post('{ news(after: "nonsense") { totalCount } }')
    assert "Invalid cursor 'nonsense'" in result["errors"][0]["message"]


def test_news_listing_constant_queries(gql, disdukcapil, make_news, make_image):
    image = make_image()
    make_news(disdukcapil, 50, tags=["kependudukan", "layanan"], image=image)
    # The first request generates the renditions; count the steady state.
    gql.data(NEWS_LISTING, {"first": 50})
    one, data_one = count_queries(gql, NEWS_LISTING, {"first": 1})
    fifty, data_fifty = count_queries(gql, NEWS_LISTING, {"first": 50})
    assert len(data_one["news"]["edges"]) == 1
    assert len(data_fifty["news"]["edges"]) == 50
    assert one == fifty
    node = data_fifty["news"]["edges"][0]["node"]
    assert node["opd"]["slug"] == "disdukcapil"
    assert {tag["slug"] for tag in node["tags"]} == {"kependudukan", "layanan"}
    assert node["heroImage"]["rendition"]["width"] == 640


NESTED = """
query ($opds: Int, $first: Int) {
  opds(first: $opds) {
    nodes {
      slug
      news(first: $first) {
        totalCount
        nodes { title tags { slug } heroImage { rendition(size: THUMBNAIL) { url } } }
      }
    }
  }
}
"""


def test_nested_connections_constant_queries(gql, make_news, make_image):
    image = make_image()
    listed = list(OPDPage.objects.order_by("title", "pk")[:40])
    # News in the first two OPDs and in two that only the long listing reaches.
    with_news = [listed[0], listed[1], listed[20], listed[39]]
    for index, opd in enumerate(with_news):
        make_news(opd, 3, tags=["agenda"], image=image, prefix=f"Kabar {index}")
    gql.data(NESTED, {"opds": 40, "first": 3})
    counts = {}
    for opd_count in (2, 40):
        for news_count in (1, 3):
            variables = {"opds": opd_count, "first": news_count}
            counts[opd_count, news_count], data = count_queries(gql, NESTED, variables)
            assert len(data["opds"]["nodes"]) == opd_count
    assert counts[2, 1] == counts[40, 1]
    assert counts[2, 3] == counts[40, 3]
    assert counts[2, 1] == counts[2, 3]

    by_slug = {node["slug"]: node["news"] for node in data["opds"]["nodes"]}
    assert set(by_slug) == {opd.slug for opd in listed}
    for opd in listed:
        news = by_slug[opd.slug]
        if opd in with_news:
            assert news["totalCount"] == 3
            assert len(news["nodes"]) == 3
            first = news["nodes"][0]
            assert first["tags"] == [{"slug": "agenda"}]
            assert first["heroImage"]["rendition"]["url"].startswith("http")
        else:
            assert news["totalCount"] == 0
            assert news["nodes"] == []


def test_tag_filter_no_duplicates(gql, disdukcapil, make_news):
    # Two tags per page match "ktp": "KTP" by slug and "Ktp" (slug "ktp_1")
    # by name, so a join on tags would return each page twice.
    make_news(disdukcapil, 5, tags=["KTP", "Ktp"], prefix="Tagged")
    make_news(disdukcapil, 3, tags=["lain"], prefix="Other")
    seen = []
    after = None
    while True:
        data = gql.data(NEWS_LISTING, {"first": 2, "after": after, "tag": "ktp"})
        news = data["news"]
        assert news["totalCount"] == 5
        seen.extend(edge["node"]["id"] for edge in news["edges"])
        if not news["pageInfo"]["hasNextPage"]:
            break
        after = news["pageInfo"]["endCursor"]
    assert len(seen) == 5
    assert len(set(seen)) == 5
    matching_rows = NewsPageTag.objects.filter(
        Q(tag__slug="ktp") | Q(tag__name__iexact="ktp")
    )
    assert matching_rows.count() == 10


def test_cursors_never_skip_or_repeat(gql, disdukcapil, make_news):
    # Same date for all pages, so only the id tie-break orders them.
    make_news(disdukcapil, 7, start=datetime.date(2026, 2, 1), prefix="Sama")
    full = gql.data(NEWS_LISTING, {"first": 50, "opd": "disdukcapil"})["news"]
    expected = [edge["node"]["id"] for edge in full["edges"]]
    paged, after = [], None
    for _ in range(10):
        news = gql.data(
            NEWS_LISTING, {"first": 3, "after": after, "opd": "disdukcapil"}
        )["news"]
        paged.extend(edge["node"]["id"] for edge in news["edges"])
        after = news["pageInfo"]["endCursor"]
        if not news["pageInfo"]["hasNextPage"]:
            break
    assert paged == expected


def _args_of(gql, field_name):
    schema = gql.data('{ __type(name: "Query") { fields { name args { name } } } }')[
        "__type"
    ]["fields"]
    field = next(field for field in schema if field["name"] == field_name)
    return {arg["name"] for arg in field["args"]}


PAGINATION_ARGS = {"first", "after", "order"}

DUKCAPIL_NEWS = {"Dukcapil 0", "Dukcapil 1", "Dukcapil 2"}
DINKES_NEWS = {"Dinkes 0", "Dinkes 1"}


def _titles(pages) -> set[str]:
    return {page.title for page in pages}


def _disdukcapil_pages() -> set[str]:
    from wagtail.models import Page

    disdukcapil = OPDPage.objects.get(slug="disdukcapil")
    return _titles(Page.objects.filter(path__startswith=disdukcapil.path, live=True))


def _disdukcapil_services() -> set[str]:
    from opd_pages.models import ServicePage

    disdukcapil = OPDPage.objects.get(slug="disdukcapil")
    return _titles(ServicePage.objects.filter(path__startswith=disdukcapil.path))


def _ktp_el_title() -> set[str]:
    from opd_pages.models import ServicePage

    return {ServicePage.objects.get(slug="ktp-el").title}


def _kecamatan_opds() -> set[str]:
    return _titles(OPDPage.objects.filter(kind="kecamatan"))


def _disdukcapil_title() -> set[str]:
    return {OPDPage.objects.get(slug="disdukcapil").title}


# For each listing, a value per filter argument and the titles that filter
# must leave from the data of the bootstrap plus the ``filter_data`` fixture.
# An expected value is a set of titles, or a function of the unfiltered
# titles (for results read from the bootstrapped data).
FILTER_CASES = {
    "news": {
        "opd": ('"disdukcapil"', DUKCAPIL_NEWS),
        "tag": ('"penting"', DUKCAPIL_NEWS),
        "dateFrom": ('"2026-01-03"', {"Dukcapil 2"}),
        "dateTo": ('"2026-01-02"', {"Dukcapil 0", "Dukcapil 1"} | DINKES_NEWS),
    },
    "pages": {
        "opd": ('"disdukcapil"', lambda everything: _disdukcapil_pages()),
        "type": ("NEWS_PAGE", DUKCAPIL_NEWS | DINKES_NEWS),
        "tag": ('"penting"', lambda everything: DUKCAPIL_NEWS | _ktp_el_title()),
        # The fixture dates the Dinkes news in 2020; every other page is new.
        "dateFrom": ('"2021-01-01"', lambda everything: everything - DINKES_NEWS),
        "dateTo": ('"2020-12-31"', DINKES_NEWS),
    },
    "services": {
        "opd": ('"disdukcapil"', lambda everything: _disdukcapil_services()),
        "tag": ('"penting"', lambda everything: _ktp_el_title()),
    },
    "opds": {
        "kind": ("KECAMATAN", lambda everything: _kecamatan_opds()),
        "search": ('"kependudukan"', lambda everything: _disdukcapil_title()),
    },
    "latestNews": {"opd": ('"disdukcapil"', DUKCAPIL_NEWS)},
    "activeAnnouncements": {"opd": ('"disdukcapil"', {"Pengumuman disdukcapil"})},
    "publicInformation": {
        "opd": ('"disdukcapil"', {"Info disdukcapil", "Rahasia"}),
        "category": ("DIKECUALIKAN", {"Rahasia"}),
    },
    "upcomingEvents": {"opd": ('"disdukcapil"', {"Agenda disdukcapil"})},
}


@pytest.fixture
def filter_data(disdukcapil, dinkes, make_news, add_page):
    from django.utils import timezone
    from wagtail.models import Page

    from opd_pages.models import (
        AnnouncementPage,
        EventPage,
        PublicInformationPage,
        ServicePage,
    )

    make_news(disdukcapil, 3, tags=["penting"], prefix="Dukcapil")
    dinkes_news = make_news(dinkes, 2, prefix="Dinkes")
    published_2020 = datetime.datetime(2020, 6, 1, 10, tzinfo=datetime.UTC)
    Page.objects.filter(pk__in=[page.pk for page in dinkes_news]).update(
        first_published_at=published_2020
    )
    service = ServicePage.objects.get(slug="ktp-el")
    service.tags.add("penting")
    service.save()
    today = timezone.localdate()
    now = timezone.now()
    for opd in (disdukcapil, dinkes):
        add_page(
            opd,
            AnnouncementPage(title=f"Pengumuman {opd.slug}", valid_from=today),
        )
        add_page(
            opd,
            EventPage(
                title=f"Agenda {opd.slug}", start=now + datetime.timedelta(days=3)
            ),
        )
        add_page(
            opd,
            PublicInformationPage(title=f"Info {opd.slug}", category="berkala"),
        )
    add_page(
        disdukcapil,
        PublicInformationPage(
            title="Rahasia",
            category="dikecualikan",
            exemption_reason="Pasal 17",
            exemption_ends_on=today,
        ),
    )


def listed_titles(gql, field: str, arguments: str = "") -> list[str]:
    """Return the titles of every node of ``field``, following the cursors."""
    titles = []
    after = None
    while True:
        paging = "first: 50" + (f', after: "{after}"' if after else "")
        if field == "latestNews":
            paging = "first: 50"
        args = f"{arguments}, {paging}" if arguments else paging
        query = (
            f"{{ {field}({args}) "
            "{ totalCount pageInfo { hasNextPage endCursor } nodes { title } } }"
        )
        result = gql.post(query)
        assert "errors" not in result, f"{field}({arguments}): {result['errors']}"
        connection = result["data"][field]
        titles.extend(node["title"] for node in connection["nodes"])
        if field == "latestNews" or not connection["pageInfo"]["hasNextPage"]:
            assert len(titles) == connection["totalCount"]
            return titles
        after = connection["pageInfo"]["endCursor"]


def test_every_filter_narrows(gql, filter_data):
    for field, cases in FILTER_CASES.items():
        declared = _args_of(gql, field) - PAGINATION_ARGS
        assert declared == set(cases), f"{field}: add a case for every filter"
        everything = set(listed_titles(gql, field))
        for argument, (value, expected) in cases.items():
            if callable(expected):
                expected = expected(everything)
            titles = listed_titles(gql, field, f"{argument}: {value}")
            case = f"{field}({argument}: {value})"
            assert len(titles) == len(set(titles)), f"{case} repeated nodes"
            assert set(titles) == expected, case
            assert expected < everything, f"{case} did not narrow"


def test_unknown_opd_filter_rejected(gql):
    result = gql.post('{ news(opd: "tidak-ada") { totalCount } }')
    message = result["errors"][0]["message"]
    assert "No OPD has slug or abbreviation 'tidak-ada'" in message


def test_tag_on_untagged_type_rejected(gql):
    result = gql.post('{ pages(type: OPD_PAGE, tag: "x") { totalCount } }')
    assert "have no tags" in result["errors"][0]["message"]


def test_reversed_date_range_rejected(gql):
    result = gql.post(
        '{ news(dateFrom: "2026-02-01", dateTo: "2026-01-01") { totalCount } }'
    )
    assert "Invalid date range" in result["errors"][0]["message"]


def test_active_announcements_today_in_jakarta(gql, disdukcapil, add_page):
    from django.utils import timezone

    from opd_pages.models import AnnouncementPage

    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    add_page(disdukcapil, AnnouncementPage(title="Aktif", valid_from=today))
    add_page(
        disdukcapil,
        AnnouncementPage(
            title="Kedaluwarsa", valid_from=today - 3 * day, valid_until=today - day
        ),
    )
    add_page(disdukcapil, AnnouncementPage(title="Nanti", valid_from=today + day))
    data = gql.data("{ activeAnnouncements { nodes { title isActive } } }")
    assert data["activeAnnouncements"]["nodes"] == [
        {"title": "Aktif", "isActive": True}
    ]


MIXED_PAGES = """
query ($first: Int) {
  pages(first: $first, opd: "disdukcapil", order: TITLE) {
    totalCount
    nodes {
      __typename title urlPath opd { slug }
      ... on NewsPage { tags { slug } heroImage { rendition(size: CARD) { url } } }
      ... on ServicePage { relatedOpds { slug } tags { slug } }
    }
  }
}
"""


def test_mixed_listing_constant_queries(gql, disdukcapil, make_news, make_image):
    image = make_image()
    make_news(disdukcapil, 5, tags=["adminduk"], image=image, prefix="Awal")
    gql.data(MIXED_PAGES, {"first": 50})
    few, _ = count_queries(gql, MIXED_PAGES, {"first": 50})
    make_news(disdukcapil, 25, tags=["adminduk"], image=image, prefix="Tambahan")
    many, data = count_queries(gql, MIXED_PAGES, {"first": 50})
    types = {node["__typename"] for node in data["pages"]["nodes"]}
    assert types == {"NewsPage", "ServicePage", "OPDPage"}
    assert data["pages"]["totalCount"] == 1 + 5 + 30
    # The same page types cost the same queries, however many pages each has.
    assert few == many


def test_opd_profile_constant_queries(gql, disdukcapil, make_news, make_image):
    from frontend_contract.views import build_operation_documents

    profile = build_operation_documents()["OpdProfile"]
    make_news(disdukcapil, 10, tags=["adminduk"], image=make_image())
    gql.data(profile, {"slug": "disdukcapil", "newsCount": 10})
    one, _ = count_queries(gql, profile, {"slug": "disdukcapil", "newsCount": 1})
    ten, data = count_queries(gql, profile, {"slug": "disdukcapil", "newsCount": 10})
    assert len(data["opd"]["news"]["nodes"]) == 10
    assert one == ten
