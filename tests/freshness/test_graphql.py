"""GraphQL freshness fields and the citizens' reportOutdated mutation."""

import json
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from opd_pages.freshness.models import MAX_REPORT_MESSAGE_LENGTH, OutdatedReport

OPERATIONS = (
    Path(__file__).resolve().parents[2]
    / "frontend_contract"
    / "operations"
    / "report-outdated.graphql"
).read_text()


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def run(client, operation_name, variables, address="203.0.113.7"):
    response = client.post(
        "/graphql/",
        json.dumps(
            {
                "query": OPERATIONS,
                "operationName": operation_name,
                "variables": variables,
            }
        ),
        content_type="application/json",
        REMOTE_ADDR=address,
    )
    return response.json()


def report(client, page_id, message="Jam layanan sudah berubah.", **extra):
    variables = {"pageId": str(page_id), "message": message, **extra}
    return run(client, "ReportOutdated", variables)


def error_message(result):
    assert result.get("errors"), result
    return result["errors"][0]["message"]


def test_page_freshness_overdue_service(client, aged_content):
    ktp = aged_content["ktp"]
    result = run(client, "PageFreshness", {"pageId": str(ktp.pk)})
    freshness = result["data"]["pageFreshness"]
    assert freshness["isOverdue"] is True
    assert freshness["lastUpdatedAt"] == ktp.last_published_at.isoformat()
    assert freshness["reviewDueOn"] < timezone.localdate().isoformat()


def test_page_freshness_hides_drafts(client, aged_content):
    result = run(client, "PageFreshness", {"pageId": str(aged_content["draft"].pk)})
    assert result["data"]["pageFreshness"] is None


def test_opd_freshness_counts(client, aged_content):
    with CaptureQueriesContext(connection) as queries:
        result = run(client, "OpdFreshness", {"slug": "dinkes"})
    freshness = result["data"]["opdFreshness"]
    assert freshness["overdueCount"] == 3
    assert freshness["level"] in {"GOOD", "NEEDS_ATTENTION", "OUTDATED"}
    assert len(queries) <= 22


def test_report_lands_in_opd_queue(client, aged_content):
    result = report(client, aged_content["ktp"].pk, helpful=False)
    assert result["data"]["reportOutdated"] == {"received": True}
    stored = OutdatedReport.objects.get()
    assert stored.opd == aged_content["disdukcapil"]
    assert stored.helpful is False
    assert stored.message == "Jam layanan sudah berubah."
    assert stored.handled_at is None


def test_report_draft_same_as_missing(client, aged_content):
    draft_error = error_message(report(client, aged_content["draft"].pk))
    private_error = error_message(report(client, aged_content["private"].pk))
    missing_error = error_message(report(client, 999999))
    assert draft_error.replace(str(aged_content["draft"].pk), "N") == (
        missing_error.replace("999999", "N")
    )
    assert private_error.replace(str(aged_content["private"].pk), "N") == (
        missing_error.replace("999999", "N")
    )
    assert "was not found" in missing_error
    assert not OutdatedReport.objects.exists()


def test_report_message_size_limit(client, aged_content):
    too_long = "x" * (MAX_REPORT_MESSAGE_LENGTH + 1)
    message = error_message(report(client, aged_content["ktp"].pk, message=too_long))
    assert f"limit is {MAX_REPORT_MESSAGE_LENGTH}" in message
    empty = error_message(report(client, aged_content["ktp"].pk, message="   "))
    assert "message is empty" in empty
    assert not OutdatedReport.objects.exists()


def test_report_rate_limited_per_client(client, aged_content, settings):
    settings.FRESHNESS_REPORT_RATE_LIMIT = 2
    page_id = aged_content["ktp"].pk
    assert "errors" not in report(client, page_id)
    assert "errors" not in report(client, page_id)
    assert "at most 2 per 60 minutes" in error_message(report(client, page_id))
    other_client = run(
        client,
        "ReportOutdated",
        {"pageId": str(page_id), "message": "Lain"},
        address="198.51.100.9",
    )
    assert "errors" not in other_client
    assert OutdatedReport.objects.count() == 3
    assert not any("203.0.113.7" in str(key) for key in cache._cache)


def test_confirmation_refreshes_cached_response(
    client, editor_disdukcapil, aged_content
):
    from opd_pages.freshness.actions import confirm_still_accurate

    ktp = aged_content["ktp"]
    query = "query($id: ID!) { pageFreshness(id: $id) { isOverdue } }"
    params = {"query": query, "variables": json.dumps({"id": str(ktp.pk)})}
    first = client.get("/graphql/", params).json()
    assert first["data"]["pageFreshness"]["isOverdue"] is True
    confirm_still_accurate(ktp, editor_disdukcapil)
    second = client.get("/graphql/", params).json()
    assert second["data"]["pageFreshness"]["isOverdue"] is False


LISTING = """
query($first: Int!) {
  opds(first: $first) {
    edges { node { slug freshness { isOverdue } opdFreshness { score overdueCount } } }
  }
  services(first: $first) {
    edges { node { title freshness { isOverdue reviewDueOn } } }
  }
}
"""


def count_listing_queries(client, first):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            "/graphql/",
            json.dumps({"query": LISTING, "variables": {"first": first}}),
            content_type="application/json",
        )
    result = response.json()
    assert "errors" not in result, result["errors"]
    return len(queries), result["data"]


def test_listing_freshness_costs_no_query_per_item(client, aged_content):
    few_queries, few = count_listing_queries(client, 2)
    many_queries, many = count_listing_queries(client, 40)
    assert len(many["opds"]["edges"]) == 40
    assert len(few["opds"]["edges"]) == 2
    assert many_queries == few_queries
    services = {
        edge["node"]["title"]: edge["node"]["freshness"]
        for edge in many["services"]["edges"]
    }
    assert services[aged_content["ktp"].title]["isOverdue"] is True
    opds = {edge["node"]["slug"]: edge["node"] for edge in many["opds"]["edges"]}
    assert opds["dinkes"]["opdFreshness"]["overdueCount"] == 3


def test_rate_limit_uses_proxy_header(client, aged_content, settings):
    settings.FRESHNESS_REPORT_RATE_LIMIT = 1
    settings.FRESHNESS_CLIENT_ADDRESS_HEADER = "HTTP_X_REAL_IP"
    page_id = aged_content["ktp"].pk

    def report_as(address):
        return client.post(
            "/graphql/",
            json.dumps(
                {
                    "query": OPERATIONS,
                    "operationName": "ReportOutdated",
                    "variables": {"pageId": str(page_id), "message": "Salah"},
                }
            ),
            content_type="application/json",
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_REAL_IP=address,
        ).json()

    assert "errors" not in report_as("203.0.113.7")
    assert "errors" not in report_as("198.51.100.9")
    assert "Too many reports" in error_message(report_as("203.0.113.7"))
