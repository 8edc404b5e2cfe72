"""Lookups of OPDs and single pages, site scoping and URL paths."""

import json

import pytest
from wagtail.models import Page, Site

from opd_pages.models import StandardPage

OPD_QUERY = """
query ($slug: String, $abbreviation: String) {
  opd(slug: $slug, abbreviation: $abbreviation) {
    slug title abbreviation kind urlPath fullUrl
    services(first: 20) { totalCount nodes { slug urlPath opd { slug } } }
  }
}
"""

PAGE_BY_PATH = """
query ($path: String!, $site: String) {
  page(urlPath: $path, site: $site) { __typename id title urlPath fullUrl }
}
"""


def test_opd_by_slug_lists_services(gql):
    opd = gql.data(OPD_QUERY, {"slug": "disdukcapil"})["opd"]
    assert opd["abbreviation"] == "Disdukcapil"
    assert opd["kind"] == "DINAS"
    assert opd["urlPath"] == "/disdukcapil/"
    slugs = {node["slug"] for node in opd["services"]["nodes"]}
    assert "ktp-el" in slugs
    ktp = next(n for n in opd["services"]["nodes"] if n["slug"] == "ktp-el")
    assert ktp["urlPath"] == "/disdukcapil/ktp-el/"
    assert ktp["opd"]["slug"] == "disdukcapil"


def test_opd_by_abbreviation_ignores_case(gql):
    opd = gql.data(OPD_QUERY, {"abbreviation": "disdukcapil"})["opd"]
    assert opd["slug"] == "disdukcapil"


def test_opd_lookup_needs_exactly_one_key(gql):
    result = gql.post(OPD_QUERY, {"slug": "disdukcapil", "abbreviation": "Dinkes"})
    assert "exactly one" in result["errors"][0]["message"]
    result = gql.post(OPD_QUERY, {})
    assert "exactly one" in result["errors"][0]["message"]


def test_page_by_url_path_on_default_site(gql):
    page = gql.data(PAGE_BY_PATH, {"path": "/disdukcapil/ktp-el/"})["page"]
    assert page["__typename"] == "ServicePage"
    assert page["urlPath"] == "/disdukcapil/ktp-el/"
    assert page["fullUrl"] == "http://localhost/disdukcapil/ktp-el/"


def test_page_path_without_trailing_slash(gql):
    page = gql.data(PAGE_BY_PATH, {"path": "/disdukcapil/ktp-el"})["page"]
    assert page["urlPath"] == "/disdukcapil/ktp-el/"


def test_url_paths_never_contain_root_slug(gql):
    data = gql.data("{ pages(first: 50) { nodes { urlPath fullUrl } } }")
    paths = [node["urlPath"] for node in data["pages"]["nodes"]]
    assert paths
    for path in paths:
        assert not path.startswith("/opd/"), path
    internal = gql.data(PAGE_BY_PATH, {"path": "/opd/disdukcapil/ktp-el/"})
    assert internal["page"] is None


def test_page_by_id_returns_specific_type(gql):
    page_id = Page.objects.get(url_path="/opd/disdukcapil/").pk
    data = gql.data(
        "query ($id: ID!) { page(id: $id) { __typename ... on OPDPage { slug } } }",
        {"id": str(page_id)},
    )
    assert data["page"] == {"__typename": "OPDPage", "slug": "disdukcapil"}


def test_page_lookup_rejects_id_and_path(gql):
    result = gql.post('{ page(id: "1", urlPath: "/disdukcapil/") { title } }')
    assert "exactly one of `id` and `urlPath`" in result["errors"][0]["message"]


def test_page_by_id_rejects_site_argument(gql):
    result = gql.post('{ page(id: "1", site: "localhost") { title } }')
    assert "`site` applies only to `urlPath`" in result["errors"][0]["message"]


@pytest.fixture
def second_site(add_page, disdukcapil):
    """A site on another hostname whose root is a section page under Disdukcapil."""
    section = add_page(disdukcapil, StandardPage(title="Portal", slug="portal"))
    add_page(section, StandardPage(title="Jadwal", slug="jadwal"))
    return Site.objects.create(
        hostname="dukcapil.bekasikota.go.id", port=443, root_page=section
    )


def test_url_lookup_scoped_to_named_site(gql, second_site):
    on_site = gql.data(
        PAGE_BY_PATH, {"path": "/jadwal/", "site": "dukcapil.bekasikota.go.id"}
    )["page"]
    assert on_site["title"] == "Jadwal"
    assert on_site["urlPath"] == "/jadwal/"
    assert on_site["fullUrl"] == "https://dukcapil.bekasikota.go.id/jadwal/"
    on_default = gql.data(PAGE_BY_PATH, {"path": "/jadwal/"})["page"]
    assert on_default is None


@pytest.fixture
def dinkes_site(add_page):
    """A second site whose root sits beside the directory, not under it."""
    tree_root = Page.get_first_root_node()
    root = add_page(
        tree_root, StandardPage(title="Portal Dinkes", slug="portal-dinkes")
    )
    add_page(root, StandardPage(title="Pengumuman Dinkes", slug="pengumuman"))
    return Site.objects.create(hostname="dinkes.example", port=443, root_page=root)


@pytest.fixture
def city_announcement(add_page, make_document):
    """A page with slug `pengumuman` on the default site, linking a page and a document."""
    ktp = Page.objects.get(slug="ktp-el")
    document = make_document("Formulir Pengumuman")
    html = (
        f'<p><a linktype="page" id="{ktp.pk}">KTP-el</a> '
        f'<a linktype="document" id="{document.pk}">formulir</a></p>'
    )
    body = [
        {"type": "paragraph", "value": html},
        {"type": "document", "value": {"document": document.pk, "title": ""}},
    ]
    directory = Site.objects.get(is_default_site=True).root_page
    page = StandardPage(
        title="Pengumuman Kota", slug="pengumuman", body=json.dumps(body)
    )
    add_page(directory, page)
    return document


SITE_THEN_DEFAULT = """
{
  a: page(urlPath: "/pengumuman/", site: "dinkes.example") { title fullUrl }
  b: page(urlPath: "/pengumuman/") {
    title urlPath fullUrl
    ... on StandardPage {
      body {
        ... on ParagraphBlock { html }
        ... on DocumentBlock { document { url } }
      }
    }
  }
}
"""


def test_site_argument_scoped_to_its_field(gql, dinkes_site, city_announcement):
    data = gql.data(SITE_THEN_DEFAULT)
    assert data["a"]["title"] == "Pengumuman Dinkes"
    assert data["a"]["fullUrl"] == "https://dinkes.example/pengumuman/"
    assert data["b"]["title"] == "Pengumuman Kota"
    assert data["b"]["urlPath"] == "/pengumuman/"
    assert data["b"]["fullUrl"] == "http://localhost/pengumuman/"
    paragraph, document_block = data["b"]["body"]
    assert 'href="http://localhost/disdukcapil/ktp-el/"' in paragraph["html"]
    document_url = f"http://localhost/documents/{city_announcement.pk}/"
    assert f'href="{document_url}' in paragraph["html"]
    assert "dinkes.example" not in paragraph["html"]
    assert document_block["document"]["url"].startswith(document_url)


def test_default_field_before_site_field(gql, dinkes_site, city_announcement):
    query = """
    {
      b: page(urlPath: "/pengumuman/") { title fullUrl }
      a: page(urlPath: "/pengumuman/", site: "dinkes.example") { title fullUrl }
    }
    """
    data = gql.data(query)
    assert data["b"]["fullUrl"] == "http://localhost/pengumuman/"
    assert data["a"]["fullUrl"] == "https://dinkes.example/pengumuman/"


def test_separate_roots_with_duplicate_slugs(gql, dinkes_site, city_announcement):
    on_dinkes = gql.data(
        PAGE_BY_PATH, {"path": "/pengumuman/", "site": "dinkes.example"}
    )
    assert on_dinkes["page"]["title"] == "Pengumuman Dinkes"
    assert on_dinkes["page"]["urlPath"] == "/pengumuman/"
    assert on_dinkes["page"]["fullUrl"] == "https://dinkes.example/pengumuman/"
    on_default = gql.data(PAGE_BY_PATH, {"path": "/pengumuman/", "site": "localhost"})
    assert on_default["page"]["title"] == "Pengumuman Kota"
    assert on_default["page"]["fullUrl"] == "http://localhost/pengumuman/"
    without_site = gql.data(PAGE_BY_PATH, {"path": "/pengumuman/"})
    assert without_site["page"]["id"] == on_default["page"]["id"]


def test_listing_builds_urls_per_site(gql, dinkes_site, city_announcement):
    query = """
    { pages(type: STANDARD_PAGE, first: 50) { nodes { title urlPath fullUrl } } }
    """
    nodes = gql.data(query)["pages"]["nodes"]
    urls = {node["title"]: node["fullUrl"] for node in nodes}
    assert urls["Pengumuman Dinkes"] == "https://dinkes.example/pengumuman/"
    assert urls["Pengumuman Kota"] == "http://localhost/pengumuman/"
    assert urls["Portal Dinkes"] == "https://dinkes.example/"
    paths = [
        node["urlPath"] for node in nodes if node["title"].startswith("Pengumuman")
    ]
    assert paths == ["/pengumuman/", "/pengumuman/"]


def test_unknown_site_hostname_rejected(gql):
    result = gql.post(PAGE_BY_PATH, {"path": "/", "site": "contoh.example"})
    assert "No site has hostname 'contoh.example'" in result["errors"][0]["message"]


def test_ambiguous_site_hostname_rejected(gql, second_site):
    Site.objects.create(
        hostname="dukcapil.bekasikota.go.id", port=8080, root_page=second_site.root_page
    )
    result = gql.post(
        PAGE_BY_PATH, {"path": "/jadwal/", "site": "dukcapil.bekasikota.go.id"}
    )
    message = result["errors"][0]["message"]
    assert "ambiguous" in message
    assert result["data"]["page"] is None


def test_regions_list_kelurahan(gql, django_assert_num_queries):
    with django_assert_num_queries(2):
        data = gql.data("{ regions { code name kelurahan { code name postalCode } } }")
    assert len(data["regions"]) == 12
    assert sum(len(region["kelurahan"]) for region in data["regions"]) == 56


def test_opds_filter_by_kind(gql):
    data = gql.data(
        "{ opds(kind: KECAMATAN, first: 50) { totalCount nodes { kind kecamatan { name } } } }"
    )
    assert data["opds"]["totalCount"] == 12
    assert all(node["kind"] == "KECAMATAN" for node in data["opds"]["nodes"])
    assert all(node["kecamatan"] for node in data["opds"]["nodes"])
