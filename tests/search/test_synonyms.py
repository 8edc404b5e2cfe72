"""Search-time synonyms: parsing, expansion and editing without a reindex."""

import os

import pytest

from opd_pages.models import ServicePage
from search.backends import get_backend
from search.backends.base import SearchRequest
from search.query import parse_query
from search.records import page_key
from search.synonyms import build_table, current_table

TABLE = build_table(
    [
        "ktp, ktp-el, kartu tanda penduduk",
        "pbb, pajak bumi dan bangunan",
        "bpjs => bpjs, bpjs kesehatan",
    ]
)


def alternatives(text):
    return [clause.alternatives for clause in parse_query(text, TABLE).clauses]


def test_acronym_expands_to_full_form():
    assert alternatives("ktp hilang") == [
        (("ktp",), ("kartu", "tanda", "duduk"), ("ktp", "el")),
        (("hilang",),),
    ]


def test_full_form_expands_to_acronym():
    assert alternatives("bayar pajak bumi dan bangunan") == [
        (("bayar",),),
        (("pajak", "bumi", "bangun"), ("pbb",)),
    ]


def test_one_way_rule_expands_only_forward():
    assert alternatives("bpjs") == [(("bpjs",), ("bpjs", "sehat"))]
    assert TABLE.lookup(("bpjs", "sehat")) == frozenset()


def test_quoted_text_not_expanded():
    clauses = parse_query('"PBB" bayar', TABLE).clauses
    assert clauses[0].alternatives == (("pbb",),)
    assert clauses[0].exact


def test_typed_phrase_words_kept_as_loose_terms():
    clause = parse_query("pajak bumi dan bangunan", TABLE).clauses[0]
    assert clause.loose_terms == ("pajak", "bumi", "bangun")
    assert parse_query("pbb", TABLE).clauses[0].loose_terms == ()


def test_stopword_only_entry_rejected():
    with pytest.raises(ValueError, match="Invalid synonym rule 'ktp, dan'"):
        build_table(["ktp, dan"])


def test_edited_file_applies_without_reindex(db, settings, tmp_path):
    settings.ELASTICSEARCH_URL = ""
    path = tmp_path / "synonyms.txt"
    path.write_text("ktp, ktp-el\n", encoding="utf-8")
    settings.CITIZEN_SEARCH_SYNONYMS_FILE = str(path)
    backend = get_backend("database")
    ktp = page_key(ServicePage.objects.get(slug="ktp-el").pk)
    assert ktp not in [
        hit.key for hit in backend.search(SearchRequest("jatidiri")).hits
    ]

    path.write_text("ktp, ktp-el, jatidiri\n", encoding="utf-8")
    os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 5))
    assert len(current_table().expansions) == 3
    assert backend.search(SearchRequest("jatidiri")).hits[0].key == ktp
