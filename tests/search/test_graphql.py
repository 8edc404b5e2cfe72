"""The search and autocomplete GraphQL fields, through /graphql/."""

from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opd_pages.models import Kecamatan, PublicInformationPage

OPERATIONS = Path(__file__).resolve().parents[2] / "frontend_contract" / "operations"
SEARCH = (OPERATIONS / "search.graphql").read_text()
AUTOCOMPLETE = (OPERATIONS / "autocomplete.graphql").read_text()


@pytest.fixture(autouse=True)
def database_backend(settings):
    settings.ELASTICSEARCH_URL = ""


def post(client, query, variables):
    response = client.post(
        "/graphql/",
        {"query": query, "variables": variables},
        content_type="application/json",
    )
    return response.json()


def test_search_returns_typed_hits_and_facets(client, db):
    with CaptureQueriesContext(connection) as queries:
        result = post(client, SEARCH, {"query": "akta kelahiran", "pageSize": 5})
    assert "errors" not in result, result
    search = result["data"]["search"]
    first = search["hits"][0]
    assert first["url"] == "/disdukcapil/akta-kelahiran/"
    assert first["contentType"] == "SERVICE"
    assert first["opd"]["slug"] == "disdukcapil"
    assert "<mark>" in first["titleHighlight"]
    assert search["total"] >= 1
    assert sum(b["count"] for b in search["facets"]["contentType"]) == search["total"]
    # Vocabulary look-ups, match, best bets, re-rank and the page of hits;
    # the count does not grow with the number of hits.
    assert len(queries) <= 12


def test_search_filters_by_content_type(client, db):
    result = post(
        client, SEARCH, {"query": "dinas", "filters": {"contentTypes": ["OPD"]}}
    )
    hits = result["data"]["search"]["hits"]
    assert hits
    assert {hit["contentType"] for hit in hits} == {"OPD"}


def test_search_rejects_page_size_over_limit(client, db):
    result = post(client, SEARCH, {"query": "ktp", "pageSize": 500})
    assert result["errors"][0]["message"] == "Invalid page size 500: use 1 to 50."


def test_search_rejects_reversed_date_range(client, db):
    filters = {"dateFrom": "2026-02-01", "dateTo": "2026-01-01"}
    result = post(client, SEARCH, {"query": "ktp", "filters": filters})
    assert "the end date is before the start date" in result["errors"][0]["message"]


def test_search_rejects_non_numeric_opd_id(client, db):
    result = post(client, SEARCH, {"query": "ktp", "filters": {"opdIds": ["dinkes"]}})
    assert result["errors"][0]["message"] == (
        "Invalid opdIds 'dinkes': use the numeric id from the facet."
    )


def test_autocomplete_offers_service_titles(client, db):
    result = post(client, AUTOCOMPLETE, {"prefix": "akta kel"})
    titles = [item["title"] for item in result["data"]["autocomplete"]]
    assert titles[0] == "Penerbitan Akta Kelahiran"


def test_autocomplete_rejects_large_limit(client, db):
    result = post(client, AUTOCOMPLETE, {"prefix": "ktp", "limit": 100})
    assert result["errors"][0]["message"] == "Invalid limit 100: use 1 to 20."


FACET_FILTERS = {
    "opd": "opdIds",
    "contentType": "contentTypes",
    "category": "categories",
    "region": "regionIds",
}


@pytest.fixture
def information_in_jatiasih(publish, disdukcapil):
    """A public information page with a category and a region, so every facet has buckets."""
    page = PublicInformationPage(
        title="Laporan layanan kependudukan Jatiasih",
        category="berkala",
        region=Kecamatan.objects.get(name="Jatiasih"),
    )
    return publish(disdukcapil, page)


def test_facet_values_work_as_filters(client, information_in_jatiasih):
    search = post(client, SEARCH, {"query": "layanan", "pageSize": 1})["data"]
    facets = search["search"]["facets"]
    for facet, filter_name in FACET_FILTERS.items():
        assert facets[facet], f"no {facet} buckets for 'layanan'"
        bucket = facets[facet][0]
        filters = {filter_name: [bucket["value"]]}
        result = post(client, SEARCH, {"query": "layanan", "filters": filters})
        assert "errors" not in result, (facet, bucket, result)
        assert result["data"]["search"]["total"] == bucket["count"], (facet, bucket)


def test_enum_facet_values_are_enum_names(client, information_in_jatiasih):
    search = post(client, SEARCH, {"query": "layanan", "pageSize": 1})["data"]
    facets = search["search"]["facets"]
    content_types = {bucket["value"] for bucket in facets["contentType"]}
    categories = {bucket["value"] for bucket in facets["category"]}
    assert "SERVICE" in content_types
    assert content_types <= {
        "SERVICE",
        "OPD",
        "PUBLIC_INFORMATION",
        "STANDARD",
        "NEWS",
        "ANNOUNCEMENT",
        "EVENT",
        "DOCUMENT",
    }
    assert "BERKALA" in categories
    assert categories <= {"BERKALA", "SERTA_MERTA", "SETIAP_SAAT", "DIKECUALIKAN"}
