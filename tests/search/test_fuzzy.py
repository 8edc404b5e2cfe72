"""Typo tolerance rules shared by both backends."""

import pytest

from search.fuzzy import allowed_edits, edit_distance, may_fuzz


@pytest.mark.parametrize(
    ("first", "second", "distance"),
    [
        ("keluarag", "keluarga", 1),
        ("kelahrian", "kelahiran", 1),
        ("pajek", "pajak", 1),
        ("pendaf", "perda", 2),
    ],
)
def test_edit_distance_counts_swaps_once(first, second, distance):
    assert edit_distance(first, second, 3) == distance


@pytest.mark.parametrize(
    ("word", "edits"), [("ktp", 0), ("akta", 0), ("pajek", 1), ("keluarag", 2)]
)
def test_allowed_edits_grow_with_length(word, edits):
    assert allowed_edits(word) == edits


@pytest.mark.parametrize("word", ["bekas", "bekasi", "jatiasih", "yang", "2024", "kk"])
def test_protected_stopword_short_words_not_fuzzed(word):
    assert not may_fuzz(word)


@pytest.mark.parametrize("word", ["keluarag", "kelahrian", "pajek"])
def test_ordinary_typo_fuzzed(word):
    assert may_fuzz(word)
