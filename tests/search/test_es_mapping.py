"""The Elasticsearch mapping and analysis settings, compared with literal dicts."""

import pytest

from search.analysis import protected_words, stopwords
from search.documents import (
    GovernmentInformation,
    MappingConflict,
    check_mapping_conflicts,
    merge_field_definitions,
)
from search.records import CONTENT_TYPES, DOCUMENT_TYPE

INDONESIAN_TEXT = {
    "type": "text",
    "analyzer": "indonesian_index",
    "search_analyzer": "indonesian_search",
}
AUTOCOMPLETE_TEXT = {
    **INDONESIAN_TEXT,
    "fields": {
        "autocomplete": {"type": "search_as_you_type", "analyzer": "autocomplete_words"}
    },
}

EXPECTED_PROPERTIES = {
    "kind": {"type": "keyword"},
    "object_id": {"type": "long"},
    "content_type": {"type": "keyword"},
    "title": AUTOCOMPLETE_TEXT,
    "summary": INDONESIAN_TEXT,
    "body": INDONESIAN_TEXT,
    "aliases": AUTOCOMPLETE_TEXT,
    "tags": {"type": "keyword"},
    "opd_id": {"type": "long"},
    "opd_slug": {"type": "keyword"},
    "opd_name": {"type": "keyword"},
    "opd_abbreviation": {"type": "keyword"},
    "category": {"type": "keyword"},
    "region_id": {"type": "long"},
    "region_name": {"type": "keyword"},
    "published_on": {"type": "date"},
    "expire_at": {"type": "date"},
    "url": {"type": "keyword", "index": False},
    "path": {"type": "keyword"},
    "public": {"type": "boolean"},
    "rank_boost": {"type": "float"},
    "content_hash": {"type": "keyword"},
}

STEMMING = [
    "indonesian_stop",
    "indonesian_keywords",
    "indonesian_overrides",
    "indonesian_stemmer",
]
EXPECTED_ANALYZERS = {
    "indonesian_index": {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "asciifolding", *STEMMING],
    },
    "indonesian_search": {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "asciifolding", "indonesian_synonyms", *STEMMING],
    },
    "autocomplete_words": {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "asciifolding"],
    },
}


def index_body():
    return GovernmentInformation._index.to_dict()


def test_mapping_properties_literal():
    assert index_body()["mappings"]["properties"] == EXPECTED_PROPERTIES


def test_analyzers_literal():
    assert index_body()["settings"]["analysis"]["analyzer"] == EXPECTED_ANALYZERS


def test_token_filters_literal():
    filters = index_body()["settings"]["analysis"]["filter"]
    assert filters["indonesian_overrides"] == {
        "type": "stemmer_override",
        "rules": [
            "dicek => cek",
            "mengecek => cek",
            "pengecek => cek",
            "pengecekan => cek",
        ],
    }
    assert filters["indonesian_stemmer"] == {
        "type": "stemmer",
        "language": "indonesian",
    }
    assert filters["indonesian_synonyms"] == {
        "type": "synonym_graph",
        "synonyms_set": "bekasi-citizen-search-synonyms",
        "updateable": True,
    }


def test_stop_filter_uses_shared_list():
    stop = index_body()["settings"]["analysis"]["filter"]["indonesian_stop"]
    assert stop["type"] == "stop"
    assert stop["stopwords"] == sorted(stopwords())
    assert "dan" in stop["stopwords"]
    assert "kerja" not in stop["stopwords"]


def test_keyword_marker_protects_place_names():
    marker = index_body()["settings"]["analysis"]["filter"]["indonesian_keywords"]
    assert marker["type"] == "keyword_marker"
    assert marker["keywords"] == sorted(protected_words())
    assert {"bekasi", "rawalumbu", "jatiasih", "bantargebang"} <= set(
        marker["keywords"]
    )


def test_record_fields_match_mapping():
    check_mapping_conflicts()


def test_mapping_from_all_models_has_no_conflict():
    properties = index_body()["mappings"]["properties"]
    sources = dict.fromkeys([*CONTENT_TYPES.values(), DOCUMENT_TYPE], properties)
    assert merge_field_definitions(sources) == properties


def test_conflicting_field_definition_fails():
    sources = {
        "news": {"title": INDONESIAN_TEXT},
        "regulation": {"title": {"type": "keyword"}},
    }
    with pytest.raises(MappingConflict, match="'title' is defined differently"):
        merge_field_definitions(sources)
