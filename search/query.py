"""The citizen's query, parsed into clauses of alternative terms and phrases.

A query such as ``bayar "PBB" kartu keluarga`` becomes three clauses: the
term ``bayar``, the quoted phrase ``pbb`` (kept exact: quoted text is never
expanded), and the synonym group of ``kartu keluarga`` (``kk`` or the phrase
``kartu keluarga``). Multi-word alternatives always match as phrases, so a
synonym never floods results with pages that only contain "kartu".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .analysis import analyze, is_stopword, stem, tokenize
from .synonyms import SynonymTable, Terms

QUOTED_PATTERN = re.compile(r'"([^"]*)"')


@dataclass(frozen=True)
class Clause:
    """One part of a query: matches when any of its alternatives matches."""

    alternatives: tuple[Terms, ...]
    exact: bool = False
    corrected_from: str = ""
    # The single words of a multi-word span the citizen typed; they match as a
    # weaker fallback, never the words of an expansion.
    loose_terms: Terms = ()


@dataclass
class ParsedQuery:
    """The clauses of one query, in the order the citizen typed them."""

    clauses: list[Clause] = field(default_factory=list)

    @property
    def highlight_phrases(self) -> set[Terms]:
        """Every alternative of every clause, as the term runs to mark in snippets."""
        return {
            alternative
            for clause in self.clauses
            for alternative in clause.alternatives
        }


def split_quoted(text: str) -> list[tuple[str, bool]]:
    """Split ``text`` into (segment, quoted) parts; an unmatched quote is ignored."""
    parts: list[tuple[str, bool]] = []
    position = 0
    for match in QUOTED_PATTERN.finditer(text):
        parts.append((text[position : match.start()], False))
        parts.append((match.group(1), True))
        position = match.end()
    parts.append((text[position:].replace('"', " "), False))
    return [(segment, quoted) for segment, quoted in parts if segment.strip()]


def expand_terms(terms: list[str], table: SynonymTable) -> list[Clause]:
    """Group analysed terms into clauses, taking the longest synonym match first."""
    clauses: list[Clause] = []
    position = 0
    while position < len(terms):
        for length in range(min(table.longest, len(terms) - position), 0, -1):
            span = tuple(terms[position : position + length])
            alternatives = table.lookup(span)
            if alternatives:
                ordered = (span, *sorted(alternatives - {span}))
                loose = span if len(span) > 1 else ()
                clauses.append(Clause(alternatives=ordered, loose_terms=loose))
                position += length
                break
        else:
            clauses.append(Clause(alternatives=((terms[position],),)))
            position += 1
    return clauses


def add_corrections(
    clause: Clause, word: str, correct: Callable[[str], list[str]]
) -> Clause:
    """Add the stems of known words close to ``word`` as alternatives of a clause."""
    corrections = [stem(candidate) for candidate in correct(word)]
    extra = tuple((term,) for term in corrections if (term,) not in clause.alternatives)
    if not extra:
        return clause
    return Clause(alternatives=clause.alternatives + extra, corrected_from=word)


def parse_query(
    text: str,
    table: SynonymTable,
    correct: Callable[[str], list[str]] | None = None,
) -> ParsedQuery:
    """Parse query ``text`` into clauses with synonyms expanded outside quotes.

    ``correct`` returns known words close to a word the index has never seen;
    their stems join that word's clause, which gives typo tolerance. Words in
    quotes and words covered by a synonym rule are never corrected.
    """
    parsed = ParsedQuery()
    for segment, quoted in split_quoted(text):
        if quoted:
            terms = analyze(segment)
            if terms:
                parsed.clauses.append(Clause(alternatives=(tuple(terms),), exact=True))
            continue
        words = [word for word in tokenize(segment) if not is_stopword(word)]
        word_by_term = {stem(word): word for word in words}
        for clause in expand_terms([stem(word) for word in words], table):
            single = clause.alternatives[0]
            if correct and len(clause.alternatives) == 1 and len(single) == 1:
                clause = add_corrections(clause, word_by_term[single[0]], correct)
            parsed.clauses.append(clause)
    return parsed
