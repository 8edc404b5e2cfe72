"""Typo tolerance rules shared by the database backend and the Elasticsearch queries.

A word is fuzzed only when it is long enough, is not a stopword, and is not
within its edit budget of a protected proper noun. So "bekas" never turns
into "bekasi". Candidates must share the first ``PREFIX_LENGTH`` letters,
because typos rarely hit the start of a word and a short shared prefix
("pe") lets "pendaf" reach unrelated words such as "perda".
"""

from __future__ import annotations

from .analysis import is_stopword, protected_words

PREFIX_LENGTH = 3
# Word lengths at which one and two edits are allowed, as Elasticsearch
# writes them in ``fuzziness: "AUTO:5,8"``.
ONE_EDIT_LENGTH = 5
TWO_EDITS_LENGTH = 8
ELASTICSEARCH_FUZZINESS = f"AUTO:{ONE_EDIT_LENGTH},{TWO_EDITS_LENGTH}"


def edit_distance(first: str, second: str, limit: int) -> int:
    """Damerau-Levenshtein distance (optimal string alignment), capped at ``limit + 1``.

    A swap of two neighbouring letters counts as one edit, as in
    Elasticsearch fuzzy queries with ``fuzzy_transpositions`` on (the default).
    """
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    before_previous: list[int] = []
    previous = list(range(len(second) + 1))
    for row, first_char in enumerate(first, start=1):
        current = [row]
        for column, second_char in enumerate(second, start=1):
            cost = 0 if first_char == second_char else 1
            best = min(
                previous[column] + 1,
                current[column - 1] + 1,
                previous[column - 1] + cost,
            )
            if (
                row > 1
                and column > 1
                and first_char == second[column - 2]
                and first[row - 2] == second_char
            ):
                best = min(best, before_previous[column - 2] + 1)
            current.append(best)
        if min(current) > limit:
            return limit + 1
        before_previous, previous = previous, current
    return previous[-1]


def allowed_edits(word: str) -> int:
    """Edits tolerated for a word: none below 5 letters, 1 up to 7, then 2."""
    if len(word) < ONE_EDIT_LENGTH:
        return 0
    return 1 if len(word) < TWO_EDITS_LENGTH else 2


def may_fuzz(word: str) -> bool:
    """Return True when the folded ``word`` may match known words within its edits.

    Stopwords, digits, protected words and words that are within the edit
    budget of a protected word (a likely place name, or a word such as
    "bekas" that differs from one by a letter) are matched exactly.
    """
    edits = allowed_edits(word)
    if not edits or not word.isalpha() or is_stopword(word):
        return False
    return all(
        edit_distance(word, protected, edits) > edits for protected in protected_words()
    )
