"""The views that serve the reference client and its GraphQL operations."""

import re
from pathlib import Path

import pytest
from graphql import parse, validate

from frontend_contract.views import (
    CLIENT_DIR,
    OPERATIONS_DIR,
    OperationsError,
    build_operation_documents,
)


def write(directory: Path, name: str, text: str) -> None:
    (directory / name).write_text(text, encoding="utf-8")


def test_root_serves_client_page(client, db):
    response = client.get("/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert b'<script type="module" src="/client/app.js">' in b"".join(
        response.streaming_content
    )
    assert "csrftoken" in response.cookies


def test_client_asset_served_as_javascript(client):
    response = client.get("/client/app.js")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"


@pytest.mark.parametrize(
    "relative",
    ["../views.py", "..%2Fviews.py", "missing.js", "/etc/passwd", "%2Fetc%2Fpasswd"],
)
def test_client_asset_outside_folder_not_found(client, db, relative):
    response = client.get(f"/client/{relative}")

    assert response.status_code == 404


def test_client_rejects_post(client):
    response = client.post("/")

    assert response.status_code == 405


def test_wagtail_page_urls_still_served(client, db):
    response = client.get("/disdukcapil/ktp-el/")

    assert response.status_code == 200


def test_operations_endpoint_lists_documents(client):
    response = client.get("/client/operations.json")

    assert response.status_code == 200
    operations = response.json()["operations"]
    assert operations == build_operation_documents(OPERATIONS_DIR)


def test_every_operation_validates_against_schema():
    from graphql_api.schema import schema

    graphql_schema = schema._schema
    for name, document in build_operation_documents(OPERATIONS_DIR).items():
        errors = validate(graphql_schema, parse(document))
        assert errors == [], f"{name}: {[error.message for error in errors]}"


def test_client_runs_only_documented_operations():
    source = (CLIENT_DIR / "operations.js").read_text(encoding="utf-8")
    names = re.findall(r'^\s+\w+: "(\w+)",$', source, flags=re.MULTILINE)
    documented = build_operation_documents(OPERATIONS_DIR)

    assert len(names) >= 10
    for name in names:
        assert name in documented, f"operations.js names unknown operation {name}"


def test_operation_carries_needed_fragments_only(tmp_path):
    write(tmp_path, "fragments.graphql", "fragment A on Q { a ...B }\n")
    write(tmp_path, "more.graphql", "fragment B on Q { b }\nfragment C on Q { c }\n")
    write(tmp_path, "ops.graphql", "query One { ...A }\nquery Two { c }\n")

    documents = build_operation_documents(tmp_path)

    assert sorted(documents) == ["One", "Two"]
    assert "fragment A on Q" in documents["One"]
    assert "fragment B on Q" in documents["One"]
    assert "fragment C" not in documents["One"]
    assert "fragment" not in documents["Two"]


def test_operation_missing_fragment_names_it(tmp_path):
    write(tmp_path, "ops.graphql", "query One { ...Nowhere }\n")

    with pytest.raises(OperationsError, match="'Nowhere' used in ops.graphql"):
        build_operation_documents(tmp_path)


def test_operation_duplicate_name_rejected(tmp_path):
    write(tmp_path, "a.graphql", "query Same { a }\n")
    write(tmp_path, "b.graphql", "query Same { b }\n")

    with pytest.raises(OperationsError, match="'Same' is defined in both"):
        build_operation_documents(tmp_path)


def test_operation_unnamed_rejected(tmp_path):
    write(tmp_path, "a.graphql", "{ a }\n")

    with pytest.raises(OperationsError, match="Unnamed operation in a.graphql"):
        build_operation_documents(tmp_path)


def test_operation_syntax_error_names_file(tmp_path):
    write(tmp_path, "broken.graphql", "query Broken { a \n")

    with pytest.raises(OperationsError, match="Invalid GraphQL in broken.graphql"):
        build_operation_documents(tmp_path)
