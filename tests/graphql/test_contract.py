"""The committed SDL and the documented operations match the running schema."""

import pytest
from graphql import parse, validate

from frontend_contract.contract import (
    SCHEMA_FILE,
    breaking_changes,
    committed_sdl,
    exported_sdl,
    sdl_diff,
)
from frontend_contract.views import build_operation_documents
from graphql_api.schema import schema

CONTENT_OPERATIONS = {
    "HomeScreen",
    "OpdDirectory",
    "OpdProfile",
    "NewsList",
    "NewsDetail",
    "ServiceDetail",
    "PublicInformationList",
}


def test_schema_file_matches_code():
    committed = SCHEMA_FILE.read_text(encoding="utf-8")
    current = exported_sdl(schema)
    assert committed == current, (
        "frontend_contract/schema.graphql is out of date: run `make schema` and "
        "commit it with the change.\n" + sdl_diff(committed, current)
    )


def test_no_breaking_changes_since_commit():
    changes = breaking_changes(committed_sdl(), schema._schema)
    assert changes == [], (
        "Breaking changes against the committed SDL; commit the new SDL only "
        "after the clients are ready:\n" + "\n".join(changes)
    )


def test_breaking_change_detected():
    sdl = exported_sdl(schema) + "\nextend type Tag { legacyName: String! }\n"
    changes = breaking_changes(sdl, schema._schema)
    assert changes == ["FIELD_REMOVED: Field Tag.legacyName was removed."]


@pytest.fixture(scope="module")
def documents():
    return build_operation_documents()


def test_content_operations_exist(documents):
    assert CONTENT_OPERATIONS <= set(documents)


@pytest.mark.parametrize("name", sorted(CONTENT_OPERATIONS))
def test_operation_validates(documents, name):
    errors = validate(schema._schema, parse(documents[name]))
    assert errors == [], [error.message for error in errors]


def run(gql, documents, name, variables=None):
    return gql.data(documents[name], variables)


def test_home_screen_operation(gql, documents):
    data = run(gql, documents, "HomeScreen")
    assert data["services"]["totalCount"] == 12
    assert len(data["services"]["nodes"]) == 6
    assert data["latestNews"]["nodes"] == []


def test_opd_directory_operation(gql, documents):
    data = run(gql, documents, "OpdDirectory", {"kind": "KECAMATAN"})
    assert data["opds"]["totalCount"] == 12
    names = {node["kecamatan"]["name"] for node in data["opds"]["nodes"]}
    assert "Bekasi Timur" in names
    every = run(gql, documents, "OpdDirectory", {"first": 20})["opds"]
    assert every["totalCount"] == 44
    assert every["pageInfo"]["hasNextPage"] is True


def test_opd_profile_operation(gql, documents, disdukcapil, make_news):
    make_news(disdukcapil, 2, tags=["adminduk"])
    opd = run(gql, documents, "OpdProfile", {"slug": "disdukcapil"})["opd"]
    assert opd["abbreviation"] == "Disdukcapil"
    assert opd["fullUrl"] == "http://localhost/disdukcapil/"
    services = {node["urlPath"] for node in opd["services"]["nodes"]}
    assert "/disdukcapil/ktp-el/" in services
    assert opd["news"]["totalCount"] == 2
    assert opd["news"]["nodes"][0]["tags"] == [{"name": "adminduk", "slug": "adminduk"}]


def test_news_operations(gql, documents, disdukcapil, make_news):
    make_news(disdukcapil, 3, tags=["ktp"])
    listing = run(gql, documents, "NewsList", {"opd": "disdukcapil", "first": 2})
    assert listing["news"]["totalCount"] == 3
    first = listing["news"]["nodes"][0]
    assert first["title"] == "Berita 2"
    detail = run(gql, documents, "NewsDetail", {"urlPath": first["urlPath"]})
    assert detail["page"]["__typename"] == "NewsPage"
    assert detail["page"]["ancestors"][-1]["urlPath"] == "/disdukcapil/"


def test_service_detail_operation(gql, documents):
    page = run(gql, documents, "ServiceDetail", {"urlPath": "/disdukcapil/ktp-el/"})[
        "page"
    ]
    assert page["__typename"] == "ServicePage"
    assert page["opd"]["title"] == "Dinas Kependudukan dan Pencatatan Sipil"
    assert "KTP" in page["alternativeNames"]
    assert "Kartu Keluarga (KK)" in page["requirements"]
    assert page["complaintChannels"][0]["name"] == "SP4N-LAPOR!"


def test_public_information_operation(gql, documents, disdukcapil, add_page):
    from opd_pages.models import PublicInformationPage

    add_page(
        disdukcapil,
        PublicInformationPage(title="Laporan kinerja", category="berkala"),
    )
    data = run(gql, documents, "PublicInformationList", {"category": "BERKALA"})
    nodes = data["publicInformation"]["nodes"]
    assert [node["title"] for node in nodes] == ["Laporan kinerja"]
    assert nodes[0]["category"] == "BERKALA"
    assert nodes[0]["opd"]["abbreviation"] == "Disdukcapil"
