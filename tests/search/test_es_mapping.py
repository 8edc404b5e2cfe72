"""The Elasticsearch mapping and analysis settings, compared with literal dicts."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from elasticsearch.dsl import Keyword, Text
from wagtail.documents import get_document_model
from wagtail.models import Collection

from opd_pages.models import (
    AnnouncementPage,
    EventPage,
    Kecamatan,
    NewsPage,
    PublicInformationPage,
    StandardPage,
)
from search.analysis import protected_words, stopwords
from search.documents import (
    MODEL_FIELDS,
    RECORD_ONLY_FIELDS,
    GovernmentInformation,
    MappingConflict,
    check_mapping_conflicts,
    merge_field_definitions,
)
from search.indexing import all_public_records
from search.records import CONTENT_TYPES, DOCUMENT_TYPE, SearchRecord

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
    "indonesian_keywords",
    "indonesian_overrides",
    "indonesian_stemmer",
    "indonesian_stop",
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
    assert "kembali" not in stop["stopwords"]
    assert "dikatakan" not in stop["stopwords"]


def test_keyword_marker_protects_place_names():
    marker = index_body()["settings"]["analysis"]["filter"]["indonesian_keywords"]
    assert marker["type"] == "keyword_marker"
    assert marker["keywords"] == sorted(protected_words())
    assert {"bekasi", "rawalumbu", "jatiasih", "bantargebang"} <= set(
        marker["keywords"]
    )


def test_record_fields_match_mapping():
    check_mapping_conflicts()


def test_every_model_contributes_fields():
    assert set(MODEL_FIELDS) == {*CONTENT_TYPES.values(), DOCUMENT_TYPE}


def test_mapping_merged_from_real_models():
    merged = check_mapping_conflicts()
    properties = {name: definition.to_dict() for name, definition in merged.items()}
    assert properties == EXPECTED_PROPERTIES


def test_conflicting_model_field_fails():
    # A regulation model that stores its date as a keyword, unlike every
    # other model, which stores it as a date.
    regulation = {**MODEL_FIELDS["news"], "published_on": Keyword()}
    sources = {**MODEL_FIELDS, "regulation": regulation}
    with pytest.raises(
        MappingConflict,
        match="'published_on' is defined differently by service and regulation",
    ):
        check_mapping_conflicts(sources)


def test_conflicting_text_analyzer_fails():
    sources = {
        "news": {"title": Text(analyzer="indonesian_index")},
        "regulation": {"title": Text(analyzer="standard")},
    }
    with pytest.raises(MappingConflict, match="'title' is defined differently"):
        merge_field_definitions(sources)


def test_unmapped_record_field_fails():
    sources = {
        source: {name: value for name, value in fields.items() if name != "tags"}
        for source, fields in MODEL_FIELDS.items()
    }
    with pytest.raises(MappingConflict, match=r"unmapped \['tags'\]"):
        check_mapping_conflicts(sources)


def filled_fields(record: SearchRecord) -> set[str]:
    """Return the record fields whose value differs from the dataclass default."""
    empty = SearchRecord(
        key="", kind="", object_id=0, content_type="", title="", url=""
    )
    return {
        name
        for name in SearchRecord.__dataclass_fields__
        if getattr(record, name) != getattr(empty, name)
    } - RECORD_ONLY_FIELDS


@pytest.fixture
def page_of_every_type(publish, disdukcapil, committed):
    """Publish a page of each content model with every optional field set, and a document."""
    jatiasih = Kecamatan.objects.get(name="Jatiasih")
    common = {"summary": "Ringkasan.", "region": jatiasih}
    body = [("paragraph", "<p>Isi halaman.</p>")]
    pages = [
        NewsPage(title="Berita", body=body, **common),
        AnnouncementPage(title="Pengumuman", body=body, **common),
        EventPage(
            title="Agenda",
            start=dt.datetime(2026, 5, 4, 9, tzinfo=dt.UTC),
            location="Aula",
            body=body,
            **common,
        ),
        PublicInformationPage(title="Laporan", category="berkala", body=body, **common),
        StandardPage(title="Tentang", body=body, **common),
    ]
    for page in pages:
        if hasattr(page, "tags"):
            page.tags.add("warga")
        publish(disdukcapil, page)
    with committed():
        document = get_document_model().objects.create(
            title="Standar pelayanan",
            file=ContentFile(b"standar", name="standar.txt"),
            collection=Collection.objects.get(name=disdukcapil.title),
        )
        document.tags.add("warga")


def test_records_fill_only_declared_fields(page_of_every_type):
    filled_by_type: dict[str, set[str]] = {}
    for record in all_public_records():
        filled = filled_fields(record)
        filled_by_type.setdefault(record.content_type, set()).update(filled)
        undeclared = filled - set(MODEL_FIELDS[record.content_type])
        assert not undeclared, (record.content_type, record.key, undeclared)
    assert set(filled_by_type) == set(MODEL_FIELDS)
    # The optional fields set by the fixture reach the records.
    assert {"summary", "body", "tags", "region_id"} <= filled_by_type["news"]
    assert "category" in filled_by_type["public_information"]
    assert {"tags", "opd_id"} <= filled_by_type["document"]
