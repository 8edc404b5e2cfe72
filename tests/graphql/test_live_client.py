"""A real GraphQL client (gql over requests) against a live server."""

import pytest
from gql import Client, gql
from gql.transport.exceptions import TransportQueryError
from gql.transport.requests import RequestsHTTPTransport

from frontend_contract.views import build_operation_documents

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def client(live_server, bootstrapped_transactional_db):
    transport = RequestsHTTPTransport(url=f"{live_server.url}/graphql/", timeout=30)
    with Client(transport=transport, fetch_schema_from_transport=True) as session:
        yield session


def request(document, **variables):
    query = gql(document)
    query.variable_values = variables
    return query


def test_client_runs_documented_operations(client):
    documents = build_operation_documents()
    profile = client.execute(request(documents["OpdProfile"], slug="disdukcapil"))
    services = {node["urlPath"] for node in profile["opd"]["services"]["nodes"]}
    assert "/disdukcapil/ktp-el/" in services

    service = client.execute(
        request(documents["ServiceDetail"], urlPath="/disdukcapil/ktp-el/"),
    )
    assert service["page"]["opd"]["title"] == "Dinas Kependudukan dan Pencatatan Sipil"

    directory = client.execute(request(documents["OpdDirectory"], first=50))
    assert directory["opds"]["totalCount"] == 44

    # The client validated the document against the fetched schema; the
    # server rejects the page size, and the client raises its message.
    with pytest.raises(TransportQueryError, match="Invalid `first` 99"):
        client.execute(request(documents["NewsList"], first=99))
