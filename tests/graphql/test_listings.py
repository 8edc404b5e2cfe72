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
query ($first: Int) {
  opds(first: 50) {
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
    opds = list(OPDPage.objects.order_by("title")[:3])
    for index, opd in enumerate(opds):
        make_news(opd, 3, tags=["agenda"], image=image, prefix=f"Kabar {index}")
    gql.data(NESTED, {"first": 3})
    one, _ = count_queries(gql, NESTED, {"first": 1})
    three, data = count_queries(gql, NESTED, {"first": 3})
    assert one == three
    by_slug = {node["slug"]: node["news"] for node in data["opds"]["nodes"]}
    for opd in opds:
        assert by_slug[opd.slug]["totalCount"] == 3
        assert len(by_slug[opd.slug]["nodes"]) == 3
        first = by_slug[opd.slug]["nodes"][0]
        assert first["tags"] == [{"slug": "agenda"}]
        assert first["heroImage"]["rendition"]["url"].startswith("http")


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

# For each listing, a value per filter argument that must narrow the data of
# the bootstrap plus the ``filter_data`` fixture.
FILTER_CASES = {
    "news": {
        "opd": '"disdukcapil"',
        "tag": '"penting"',
        "dateFrom": '"2026-01-03"',
        "dateTo": '"2026-01-02"',
    },
    "pages": {
        "opd": '"disdukcapil"',
        "type": "NEWS_PAGE",
        "tag": '"penting"',
        "dateFrom": '"2999-01-01"',
        "dateTo": '"2000-01-01"',
    },
    "services": {"opd": '"disdukcapil"', "tag": '"penting"'},
    "opds": {"kind": "KECAMATAN", "search": '"kependudukan"'},
    "latestNews": {"opd": '"disdukcapil"'},
    "activeAnnouncements": {"opd": '"disdukcapil"'},
    "publicInformation": {"opd": '"disdukcapil"', "category": "DIKECUALIKAN"},
    "upcomingEvents": {"opd": '"disdukcapil"'},
}


@pytest.fixture
def filter_data(disdukcapil, dinkes, make_news, add_page):
    from django.utils import timezone

    from opd_pages.models import AnnouncementPage, EventPage, PublicInformationPage

    make_news(disdukcapil, 3, tags=["penting"], prefix="Dukcapil")
    make_news(dinkes, 2, prefix="Dinkes")
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


def test_every_filter_narrows(gql, filter_data):
    for field, cases in FILTER_CASES.items():
        declared = _args_of(gql, field) - PAGINATION_ARGS
        assert declared == set(cases), f"{field}: add a case for every filter"
        baseline = gql.data(f"{{ {field}(first: 50) {{ totalCount }} }}")
        total = baseline[field]["totalCount"]
        for argument, value in cases.items():
            result = gql.post(
                f"{{ {field}({argument}: {value}, first: 50) {{ totalCount }} }}"
            )
            if "errors" in result:
                continue
            narrowed = result["data"][field]["totalCount"]
            assert narrowed < total, f"{field}({argument}: {value}) did not narrow"


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
