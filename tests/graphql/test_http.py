"""HTTP behaviour of /graphql/: caching, CORS and errors for bad requests."""

import json

from opd_pages.models import NewsPage

NEWS_COUNT = '{ news(opd: "disdukcapil") { totalCount } }'


def test_get_cacheable_with_etag(gql):
    response = gql.get(NEWS_COUNT)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]
    assert response["Vary"] == "Origin"
    etag = response["ETag"]
    again = gql.get(NEWS_COUNT, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag


def test_publish_invalidates_cached_get(gql, disdukcapil, add_page):
    before = gql.get(NEWS_COUNT)
    assert json.loads(before.content)["data"]["news"]["totalCount"] == 0
    add_page(disdukcapil, NewsPage(title="Baru", slug="baru"))
    after = gql.get(NEWS_COUNT, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert json.loads(after.content)["data"]["news"]["totalCount"] == 1
    assert after["ETag"] != before["ETag"]


def test_post_not_publicly_cacheable(gql):
    gql.post(NEWS_COUNT)
    assert "public" not in gql.last_response.get("Cache-Control", "")


def test_mutation_over_get_rejected(gql):
    response = gql.get(
        'mutation { reportOutdated(pageId: "1", message: "usang") { received } }'
    )
    assert response.status_code == 400
    assert "mutations are not allowed when using GET" in response.content.decode()


def test_cors_for_configured_origin(gql, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.bekasikota.go.id"]
    allowed = gql.get(NEWS_COUNT, HTTP_ORIGIN="https://app.bekasikota.go.id")
    assert allowed["Access-Control-Allow-Origin"] == "https://app.bekasikota.go.id"
    other = gql.get(NEWS_COUNT, HTTP_ORIGIN="https://other.example")
    assert "Access-Control-Allow-Origin" not in other


def test_malformed_json_rejected(gql):
    response = gql.client.post(
        "/graphql/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert "JSON" in response.json()["errors"][0]["message"]


def test_oversized_body_rejected(gql):
    padding = "x" * (70 * 1024)
    body = json.dumps({"query": "{ regions { name } }", "variables": {"p": padding}})
    response = gql.client.post("/graphql/", body, content_type="application/json")
    assert response.status_code == 413
    assert "larger than 65536 bytes" in response.json()["errors"][0]["message"]


def test_unknown_field_named_in_error(gql):
    result = gql.post("{ regions { nama } }")
    assert gql.last_response.status_code == 400
    assert (
        "Cannot query field 'nama' on type 'Kecamatan'"
        in result["errors"][0]["message"]
    )


def test_wrong_argument_type_named(gql):
    result = gql.post('{ news(first: "dua") { totalCount } }')
    assert gql.last_response.status_code == 400
    assert "Int cannot represent non-integer value" in result["errors"][0]["message"]


def test_graphiql_off_without_debug(gql):
    response = gql.client.get("/graphql/", HTTP_ACCEPT="text/html")
    assert response.status_code == 404


def test_graphiql_on_with_debug(gql, settings):
    settings.DEBUG = True
    response = gql.client.get("/graphql/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert b"graphiql" in response.content.lower()
    assert response["Content-Type"].startswith("text/html")
    assert "public" not in response.get("Cache-Control", "")


def test_unsupported_content_type_named(gql):
    response = gql.client.post("/graphql/", "query=x", content_type="text/plain")
    assert response.status_code == 400
    message = response.json()["errors"][0]["message"]
    assert "'text/plain'" in message
    assert "application/json" in message
