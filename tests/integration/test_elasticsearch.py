"""Analysis, alias swaps and synonyms on a real Elasticsearch."""

import pytest

from search.indexing import all_public_records, count_public_objects

pytestmark = pytest.mark.elasticsearch


def analyze(backend, text, analyzer="indonesian_index"):
    response = backend.client.indices.analyze(
        index=backend.alias, analyzer=analyzer, text=text
    )
    return [token["token"] for token in response["tokens"]]


@pytest.fixture
def built(es_backend):
    es_backend.rebuild(all_public_records(), count_public_objects())
    return es_backend


def test_index_created_with_indonesian_chain(built):
    tokens = analyze(built, "Membayarkan pajak bumi dan bangunan")
    assert tokens == ["bayar", "pajak", "bumi", "bangun"]


def test_place_names_not_stemmed(built):
    assert analyze(built, "Kota Bekasi Rawalumbu") == ["kota", "bekasi", "rawalumbu"]


def test_search_analyzer_expands_acronym(built):
    tokens = analyze(built, "pbb", analyzer="indonesian_search")
    assert {"pbb", "pajak", "bumi", "bangun"} <= set(tokens)


def test_rebuild_moves_alias_atomically(built):
    first = set(built.client.indices.get_alias(name=built.alias))
    built.rebuild(all_public_records(), count_public_objects())
    second = set(built.client.indices.get_alias(name=built.alias))
    assert len(first) == len(second) == 1
    assert first != second
    assert not built.client.indices.exists(index=list(first)[0])


def test_drift_empty_after_rebuild(built):
    from search.indexing import find_drift

    assert not find_drift(built)
