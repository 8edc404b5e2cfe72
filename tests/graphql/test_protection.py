"""Query limits, masked server errors and the introspection switch."""

import json
import logging
import os
import subprocess
import sys

import pytest
from django.conf import settings
from wagtail.models import Site

INTROSPECTION = "{ __schema { queryType { name } } }"


def test_depth_limit(gql):
    nested = "title"
    for _ in range(11):
        nested = f"parent {{ {nested} }}"
    result = gql.post(f'{{ page(urlPath: "/disdukcapil/ktp-el/") {{ {nested} }} }}')
    assert "exceeds maximum operation depth" in result["errors"][0]["message"]
    assert gql.last_response.status_code == 400


def test_unknown_fragment_named_in_error(gql):
    result = gql.post("{ latestNews(first: 2) { edges { node { ...NewsCard } } } }")
    assert result["errors"][0]["message"] == "Unknown fragment 'NewsCard'."
    assert gql.last_response.status_code == 400


def test_alias_limit_counts_fragments(gql):
    first = " ".join(f"a{index}: regions {{ name }}" for index in range(8))
    second = " ".join(f"b{index}: regions {{ name }}" for index in range(8))
    query = (
        f"query {{ ...First ...Second }} "
        f"fragment First on Query {{ {first} }} "
        f"fragment Second on Query {{ {second} }}"
    )
    result = gql.post(query)
    assert "aliases found" in result["errors"][0]["message"]


def test_alias_limit_allows_fifteen(gql):
    aliases = " ".join(f"a{index}: regions {{ name }}" for index in range(15))
    assert "errors" not in gql.post(f"{{ {aliases} }}")


def test_token_limit(gql):
    fields = " ".join(["name"] * 2100)
    result = gql.post(f"{{ regions {{ {fields} }} }}")
    assert "more than 2000 tokens" in result["errors"][0]["message"]


def production_values() -> dict:
    """Import the production settings in a fresh interpreter and return the API values."""
    script = (
        "import json, cms.settings.production as p; print(json.dumps({"
        "'GRAPHQL_INTROSPECTION': p.GRAPHQL_INTROSPECTION, "
        "'GRAPHQL_MASK_ERRORS': p.GRAPHQL_MASK_ERRORS, 'DEBUG': p.DEBUG}))"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "GRAPHQL_INTROSPECTION"}
    }
    env["SECRET_KEY"] = "production-test-" + "x" * 40
    output = subprocess.run(  # noqa: S603 - fixed script, this interpreter
        [sys.executable, "-c", script],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output)


@pytest.fixture(scope="module")
def production_config():
    return production_values()


@pytest.fixture
def production(settings, production_config):
    for name, value in production_config.items():
        setattr(settings, name, value)
    return production_config


def test_introspection_refused_anonymously_in_production(gql, production):
    result = gql.post(INTROSPECTION)
    assert "introspection" in result["errors"][0]["message"].lower()
    assert gql.last_response.status_code == 400


def test_introspection_allowed_for_staff_in_production(
    gql, production, django_user_model
):
    staff = django_user_model.objects.create_user(
        "koordinator", password="x", is_staff=True
    )
    gql.client.force_login(staff)
    result = gql.post(INTROSPECTION)
    assert result["data"]["__schema"]["queryType"]["name"] == "Query"


def test_server_errors_masked_with_correlation_id(gql, production, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError('SELECT "secret" FROM /srv/bekasi/db.sqlite3')

    # A failure inside Wagtail, below our resolvers, that leaks internals.
    monkeypatch.setattr(Site, "get_site_root_paths", broken)
    with caplog.at_level(logging.ERROR, logger="graphql_api.extensions"):
        result = gql.post('{ opd(slug: "disdukcapil") { title urlPath } }')
    error = result["errors"][0]
    correlation_id = error["extensions"]["correlationId"]
    assert error["message"].startswith("Internal server error.")
    body = gql.last_response.content.decode()
    for leak in ("SELECT", "/srv/", "RuntimeError", "Traceback"):
        assert leak not in body
    assert result["data"]["opd"]["urlPath"] is None
    logged = [r for r in caplog.records if correlation_id in r.getMessage()]
    assert logged
    assert logged[0].exc_info[0] is RuntimeError


def test_client_errors_stay_readable_in_production(gql, production):
    result = gql.post("{ news(first: 500) { totalCount } }")
    assert "Invalid `first` 500" in result["errors"][0]["message"]
    assert "correlationId" not in result["errors"][0].get("extensions", {})


# Each query below gets a "Did you mean ...?" hint from graphql-core when
# suggestions are on: unknown field, argument, enum value and type.
MISSPELLED = {
    "field": ("{ pagez(id: 1) { title } }", "Cannot query field 'pagez'"),
    "argument": (
        '{ page(idd: "1") { title } }',
        "Unknown argument 'idd' on field 'Query.page'",
    ),
    "enum value": (
        "{ pages(type: NEWS_PAGES) { totalCount } }",
        "Value 'NEWS_PAGES' does not exist in 'PageType' enum",
    ),
    "type": (
        "{ page(id: 1) { ... on NewsPag { title } } }",
        "Unknown type 'NewsPag'",
    ),
}


@pytest.mark.parametrize("case", sorted(MISSPELLED))
def test_suggestions_hidden_without_introspection(gql, production, case):
    query, expected = MISSPELLED[case]
    result = gql.post(query)
    messages = [error["message"] for error in result["errors"]]
    assert messages
    assert any(expected in message for message in messages), messages
    for message in messages:
        assert "Did you mean" not in message


def test_enum_variable_suggestion_hidden(gql, production):
    query = "query ($type: PageType) { pages(type: $type) { totalCount } }"
    result = gql.post(query, {"type": "NEWS_PAGES"})
    message = result["errors"][0]["message"]
    assert "Value 'NEWS_PAGES' does not exist in 'PageType' enum" in message
    assert "Did you mean" not in message


def test_staff_keeps_field_suggestions(gql, production, django_user_model):
    staff = django_user_model.objects.create_user(
        "koordinator", password="x", is_staff=True
    )
    gql.client.force_login(staff)
    result = gql.post("{ pagez(id: 1) { title } }")
    message = result["errors"][0]["message"]
    assert "Did you mean 'page' or 'pages'?" in message
