"""No field that returns pages shows a draft or a private page."""

import datetime
import json

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from graphql_api.queries import ContentQuery
from graphql_api.schema import schema
from opd_pages.models import NewsPage, OPDPage, ServicePage, StandardPage

HIDDEN = "RAHASIA"


@pytest.fixture
def hidden_pages(disdukcapil, dinkes, add_page):
    """Pages the public must never see, next to public ones."""
    add_page(disdukcapil, NewsPage(title=f"{HIDDEN} draf", slug="draf"), publish=False)
    private = add_page(disdukcapil, NewsPage(title=f"{HIDDEN} privat", slug="privat"))
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    section = add_page(disdukcapil, StandardPage(title=f"{HIDDEN} seksi", slug="seksi"))
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.LOGIN
    )
    add_page(section, NewsPage(title=f"{HIDDEN} di bawah privat", slug="bawah"))
    offline = add_page(disdukcapil, StandardPage(title=f"{HIDDEN} arsip", slug="arsip"))
    add_page(offline, NewsPage(title=f"{HIDDEN} di bawah draf", slug="anak"))
    offline.unpublish()
    add_page(disdukcapil, NewsPage(title="Berita publik", slug="publik"))

    # Expired, but still live because the scheduler has not run yet.
    expired = add_page(disdukcapil, NewsPage(title=f"{HIDDEN} lewat", slug="lewat"))
    old = add_page(disdukcapil, StandardPage(title=f"{HIDDEN} lama", slug="lama"))
    add_page(old, NewsPage(title=f"{HIDDEN} di bawah lewat", slug="isi"))
    past = timezone.now() - datetime.timedelta(minutes=5)
    Page.objects.filter(pk__in=[expired.pk, old.pk]).update(expire_at=past)

    # A private OPD linked from a public service.
    PageViewRestriction.objects.create(
        page=dinkes, restriction_type=PageViewRestriction.LOGIN
    )
    OPDPage.objects.filter(pk=dinkes.pk).update(title=f"{HIDDEN} Dinkes")
    service = ServicePage.objects.get(slug="ktp-el")
    service.related_opds.add(dinkes, disdukcapil)
    service.save()


NODE = "title ... on Page { title }"
LINKED = f"""
  opd {{ title }}
  parent {{ {NODE} }}
  ancestors {{ {NODE} }}
  children(first: 50) {{ nodes {{ {NODE} }} }}
"""

# One query per field that returns pages; the test below checks that the
# list names every such field of the schema.
QUERIES = {
    "Query.opds": f"{{ opds(first: 50) {{ nodes {{ {NODE} }} }} }}",
    "Query.opd": '{ opd(slug: "dinkes") { title } }',
    "Query.page": (
        '{ a: page(urlPath: "/disdukcapil/draf/") { title } '
        'b: page(urlPath: "/disdukcapil/privat/") { title } '
        'c: page(urlPath: "/disdukcapil/seksi/bawah/") { title } '
        'd: page(urlPath: "/disdukcapil/arsip/anak/") { title } '
        'e: page(urlPath: "/disdukcapil/lewat/") { title } '
        'f: page(urlPath: "/disdukcapil/lama/isi/") { title } }'
    ),
    "Query.pages": f'{{ pages(first: 50, opd: "disdukcapil") {{ nodes {{ {NODE} }} }} }}',
    "Query.news": f"{{ news(first: 50) {{ nodes {{ {NODE} }} }} }}",
    "Query.latestNews": f"{{ latestNews(first: 50) {{ nodes {{ {NODE} }} }} }}",
    "Query.activeAnnouncements": "{ activeAnnouncements { nodes { title } } }",
    "Query.services": "{ services(first: 50) { nodes { title } } }",
    "Query.publicInformation": "{ publicInformation { nodes { title } } }",
    "Query.upcomingEvents": "{ upcomingEvents { nodes { title } } }",
    "Page.opd": f'{{ page(urlPath: "/disdukcapil/publik/") {{ {LINKED} }} }}',
    "Page.parent": f'{{ page(urlPath: "/disdukcapil/publik/") {{ {LINKED} }} }}',
    "Page.ancestors": f'{{ page(urlPath: "/disdukcapil/publik/") {{ {LINKED} }} }}',
    "Page.children": f'{{ page(urlPath: "/disdukcapil/") {{ {LINKED} }} }}',
    "OPDPage.news": (
        '{ opd(slug: "disdukcapil") { news(first: 50) { nodes { title } } } }'
    ),
    "OPDPage.services": (
        '{ opd(slug: "disdukcapil") { services(first: 50) { nodes { title } } } }'
    ),
    "OPDPage.announcements": (
        '{ opd(slug: "disdukcapil") { announcements { nodes { title } } } }'
    ),
    "ServicePage.relatedOpds": (
        '{ page(urlPath: "/disdukcapil/ktp-el/") '
        "{ ... on ServicePage { relatedOpds { title } } } }"
    ),
}

PAGE_TYPE_NAMES = {
    "Page",
    "OPDIndexPage",
    "OPDPage",
    "NewsPage",
    "AnnouncementPage",
    "ServicePage",
    "PublicInformationPage",
    "EventPage",
    "StandardPage",
}


def _returns_pages(field_type) -> bool:
    while hasattr(field_type, "of_type"):
        field_type = field_type.of_type
    name = field_type.name
    if name.endswith("Connection"):
        name = name[: -len("Connection")]
    return name in PAGE_TYPE_NAMES


def page_returning_fields() -> set[str]:
    """Every field of the content schema whose value contains pages."""
    content_root = {
        field.graphql_name
        or schema.config.name_converter.apply_naming_config(field.python_name)
        for field in ContentQuery.__strawberry_definition__.fields
    }
    found = set()
    for type_name, graphql_type in schema._schema.type_map.items():
        if type_name.startswith("__") or not hasattr(graphql_type, "fields"):
            continue
        if type_name.endswith(("Connection", "Edge")):
            # Wrappers: the field that returns the connection is checked.
            continue
        if type_name in PAGE_TYPE_NAMES - {"Page"}:
            # Interface fields are checked once, on Page.
            own = set(graphql_type.fields) - set(schema._schema.get_type("Page").fields)
        else:
            own = set(graphql_type.fields)
        for field_name in own:
            if type_name == "Query" and field_name not in content_root:
                continue
            if _returns_pages(graphql_type.fields[field_name].type):
                found.add(f"{type_name}.{field_name}")
    return found


def test_every_page_field_is_checked():
    # The preview query shows drafts on purpose, behind a signed token.
    assert page_returning_fields() - {"Query.preview"} == set(QUERIES)


@pytest.mark.parametrize("field", sorted(QUERIES))
def test_hidden_pages_never_returned(gql, hidden_pages, field):
    data = gql.data(QUERIES[field])
    assert HIDDEN not in json.dumps(data)


def test_expired_page_hidden_before_scheduler(gql, disdukcapil, add_page):
    expired = add_page(disdukcapil, NewsPage(title="Kedaluwarsa", slug="kedaluwarsa"))
    current = add_page(disdukcapil, NewsPage(title="Masih berlaku", slug="berlaku"))
    now = timezone.now()
    NewsPage.objects.filter(pk=expired.pk).update(
        expire_at=now - datetime.timedelta(seconds=1)
    )
    NewsPage.objects.filter(pk=current.pk).update(
        expire_at=now + datetime.timedelta(days=1)
    )
    query = """
    {
      expired: page(urlPath: "/disdukcapil/kedaluwarsa/") { title }
      current: page(urlPath: "/disdukcapil/berlaku/") { title }
      news(opd: "disdukcapil", first: 50) { nodes { title } }
    }
    """
    data = gql.data(query)
    assert data["expired"] is None
    assert data["current"]["title"] == "Masih berlaku"
    titles = {node["title"] for node in data["news"]["nodes"]}
    assert "Kedaluwarsa" not in titles
    assert "Masih berlaku" in titles
