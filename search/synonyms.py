"""Search-time synonyms read from a Solr-format file kept in the repository.

Lines "a, b, c" make every entry equivalent; lines "a => b, c" rewrite a to
b or c only. The database backend expands a query with these rules before
matching, and Elasticsearch loads the same rules into a synonyms set, so
editing the file changes search at once, with no reindex.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from .analysis import DATA_DIR, analyze, fold

logger = logging.getLogger(__name__)

Terms = tuple[str, ...]


def synonyms_path() -> Path:
    """The synonym file in use: ``CITIZEN_SEARCH_SYNONYMS_FILE`` or the bundled list."""
    configured = getattr(settings, "CITIZEN_SEARCH_SYNONYMS_FILE", "")
    return Path(configured) if configured else DATA_DIR / "synonyms-id.txt"


def read_rules(path: Path) -> list[str]:
    """Read the rule lines of a synonym file, folded to lower case."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        fold(line.strip())
        for line in lines
        if line.strip() and not line.startswith("#")
    ]


@dataclass(frozen=True)
class SynonymTable:
    """Rules keyed by the analysed terms of each entry, for matching analysed queries."""

    expansions: dict[Terms, frozenset[Terms]]
    longest: int

    def lookup(self, terms: Terms) -> frozenset[Terms]:
        """Return the alternatives of ``terms`` including itself, or an empty set."""
        return self.expansions.get(terms, frozenset())


def build_table(rules: list[str]) -> SynonymTable:
    """Build a table from rule lines; raise ValueError naming a malformed line."""
    expansions: dict[Terms, set[Terms]] = {}
    for rule in rules:
        source, arrow, target = rule.partition("=>")
        left = [tuple(analyze(entry)) for entry in source.split(",")]
        right = (
            [tuple(analyze(entry)) for entry in target.split(",")] if arrow else left
        )
        if not all(left) or not all(right):
            raise ValueError(
                f"Invalid synonym rule {rule!r}: every entry needs at least one word "
                "that is not a stopword."
            )
        for entry in left:
            expansions.setdefault(entry, {entry}).update(right)
    longest = max((len(entry) for entry in expansions), default=1)
    return SynonymTable(
        {entry: frozenset(alternatives) for entry, alternatives in expansions.items()},
        longest,
    )


_cache: dict[tuple[Path, float], SynonymTable] = {}


def current_table() -> SynonymTable:
    """Return the table for the synonym file, re-read whenever the file changes."""
    path = synonyms_path()
    key = (path, path.stat().st_mtime)
    if key not in _cache:
        _cache.clear()
        _cache[key] = build_table(read_rules(path))
        logger.info(
            "synonyms loaded path=%s entries=%s", path, len(_cache[key].expansions)
        )
    return _cache[key]
