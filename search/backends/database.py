"""The embedded search backend on SQLite FTS5 or PostgreSQL full text search.

Text is analysed in Python (``search.analysis``), so both databases index the
same stems and the query layer only has to match them. The full-text index
ranks matches by BM25 (SQLite) or ``ts_rank_cd`` (PostgreSQL), and the best
``RERANK_WINDOW`` are then re-scored in Python with the same formula on both
databases (see ``rescore``). Totals and facet counts come from a separate
``GROUP BY`` query without the facet filters, which are applied to its rows
in Python (see ``count_facets``).

The SQL below is assembled only from table names and constants of this
module. Every value, the MATCH and tsquery text included, is a bound
parameter, so the ``S608`` warnings are silenced.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable

from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

from ..analysis import analyze_to_string, tokenize, words_to_string
from ..highlight import highlight_title, snippet
from ..models import SearchDocument, SearchTerm
from ..query import Clause, ParsedQuery, parse_query
from ..records import SearchRecord
from ..synonyms import current_table
from .base import (
    FACET_FIELDS,
    AutocompleteSuggestion,
    FacetBucket,
    SearchFilters,
    SearchHit,
    SearchRequest,
    SearchResults,
)
from .labels import facet_label
from .vocabulary import Vocabulary

logger = logging.getLogger(__name__)

RERANK_WINDOW = 200
LOOSE_MATCH_WEIGHT = 0.5
# Services and agency pages are where a citizen's errand ends, so up to
# BEST_BETS of them whose title or aliases match lead the results.
DESTINATION_TYPES = ("service", "opd")
BEST_BETS = 3
BEST_BET_CANDIDATES = 50
WRITE_BATCH = 500
# BM25 weights of the FTS5 columns, in table order: title, aliases, summary
# (with tags), body, and the two autocomplete columns, which full search skips.
SQLITE_COLUMN_WEIGHTS = "10.0, 10.0, 3.0, 1.0, 0.0, 0.0"
# ts_rank_cd weights for {D, C, B, A}: body, unused, summary, title and aliases.
POSTGRES_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"
FACET_COLUMNS = (
    "d.opd_id, d.opd_name, d.content_type, d.category, d.region_id, d.region_name"
)


def term_columns(record: SearchRecord) -> dict[str, str]:
    """Analyse a record's text into the columns the full-text index covers."""
    aliases = "\n".join(record.aliases)
    return {
        "title_terms": analyze_to_string(record.title),
        "alias_terms": analyze_to_string(aliases),
        "summary_terms": analyze_to_string(
            record.summary + "\n" + " ".join(record.tags)
        ),
        "body_terms": analyze_to_string(record.body),
        "title_words": words_to_string(record.title),
        "alias_words": words_to_string(aliases),
    }


def document_values(record: SearchRecord) -> dict:
    """Return the model field values of a record, analysed columns included."""
    values = {
        name: getattr(record, name)
        for name in SearchRecord.__dataclass_fields__
        if name != "key"
    }
    values["content_hash"] = record.content_hash()
    # bulk_update skips auto_now, so the time is set here for both paths.
    values["indexed_at"] = timezone.now()
    values.update(term_columns(record))
    return values


def fts5_expression(clauses: list[Clause], columns: str) -> str:
    """Build an FTS5 MATCH expression: clauses OR-ed, phrases quoted."""
    groups = []
    for clause in clauses:
        options = [f'"{" ".join(alternative)}"' for alternative in clause.alternatives]
        options.extend(f'"{term}"' for term in clause.loose_terms)
        groups.append("(" + " OR ".join(options) + ")")
    return "{" + columns + "} : (" + " OR ".join(groups) + ")"


def tsquery_expression(clauses: list[Clause]) -> str:
    """Build a PostgreSQL tsquery: clauses OR-ed, phrases joined with ``<->``."""
    groups = []
    for clause in clauses:
        options = [" <-> ".join(alternative) for alternative in clause.alternatives]
        options.extend(clause.loose_terms)
        groups.append("(" + " | ".join(options) + ")")
    return " | ".join(groups)


def filter_conditions(filters: SearchFilters) -> tuple[list[str], list]:
    """Build the WHERE conditions every query applies, public and live guards included."""
    page_table = Page._meta.db_table
    conditions = [
        "d.public = %s",
        "(d.expire_at IS NULL OR d.expire_at > %s)",
        f"(d.kind = 'document' OR EXISTS (SELECT 1 FROM {page_table} p "  # noqa: S608
        "WHERE p.id = d.object_id AND p.live = %s))",
    ]
    params: list = [True, timezone.now(), True]
    for column, values in (
        ("d.opd_id", filters.opd_ids),
        ("d.content_type", filters.content_types),
        ("d.category", filters.categories),
        ("d.region_id", filters.region_ids),
    ):
        if values:
            conditions.append(f"{column} IN ({', '.join(['%s'] * len(values))})")
            params.extend(values)
    if filters.date_from:
        conditions.append("d.published_on >= %s")
        params.append(filters.date_from)
    if filters.date_to:
        conditions.append("d.published_on <= %s")
        params.append(filters.date_to)
    return conditions, params


def clause_match(clause: Clause, padded_terms: str) -> float:
    """Return 1 when an alternative of ``clause`` occurs in space-padded term text.

    Without a full match, each loose term found adds an equal share of
    ``LOOSE_MATCH_WEIGHT``, so "lowongan kerja" still counts a page that
    contains only "kerja", for less.
    """
    if any(f" {' '.join(alt)} " in padded_terms for alt in clause.alternatives):
        return 1.0
    if not clause.loose_terms:
        return 0.0
    present = sum(f" {term} " in padded_terms for term in clause.loose_terms)
    return LOOSE_MATCH_WEIGHT * present / len(clause.loose_terms)


def rescore(base: float, row: SearchDocument, clauses: list[Clause]) -> float:
    """Combine the full-text score (type boost included) with coverage and title matches.

    Coverage (share of clauses matched anywhere) is squared, so a page that
    matches every part of a query beats one that repeats a single word. A
    clause matched in the title or an alias adds half again, because titles
    and service names are what a citizen's words usually echo.
    """
    everywhere = " ".join(
        (row.title_terms, row.alias_terms, row.summary_terms, row.body_terms)
    )
    padded_all = f" {everywhere} "
    padded_title = f" {row.title_terms} | {row.alias_terms} "
    matched = sum(clause_match(clause, padded_all) for clause in clauses)
    in_title = sum(clause_match(clause, padded_title) for clause in clauses)
    coverage = (matched / len(clauses)) ** 2
    title_bonus = 1.0 + 0.5 * in_title / len(clauses)
    return base * coverage * title_bonus


class DatabaseBackend:
    """Citizen search stored in the project database."""

    name = "database"

    # Writing

    def write(self, records: list[SearchRecord]) -> None:
        """Insert or update the documents of ``records``."""
        for start in range(0, len(records), WRITE_BATCH):
            self._write_batch(records[start : start + WRITE_BATCH])

    def _write_batch(self, records: list[SearchRecord]) -> None:
        keys = [record.key for record in records]
        existing = dict(
            SearchDocument.objects.filter(key__in=keys).values_list("key", "pk")
        )
        creates, updates = [], []
        for record in records:
            document = SearchDocument(key=record.key, **document_values(record))
            if record.key in existing:
                document.pk = existing[record.key]
                updates.append(document)
            else:
                creates.append(document)
        update_fields = [
            name
            for name in (field.name for field in SearchDocument._meta.concrete_fields)
            if name not in {"id", "key", "search_vector", "autocomplete_vector"}
        ]
        with transaction.atomic():
            SearchDocument.objects.bulk_create(creates)
            SearchDocument.objects.bulk_update(updates, update_fields)
            self._remember_words(records)

    def _remember_words(self, records: list[SearchRecord]) -> None:
        words: set[str] = set()
        for record in records:
            text = " ".join(
                (record.title, record.summary, record.body, *record.aliases)
            )
            words.update(word for word in tokenize(text) if Vocabulary.accepts(word))
        SearchTerm.objects.bulk_create(
            [SearchTerm(term=word) for word in words], ignore_conflicts=True
        )

    def delete(self, keys: list[str]) -> None:
        """Remove the documents of ``keys``; unknown keys are ignored."""
        SearchDocument.objects.filter(key__in=keys).delete()

    def stored_hashes(self) -> dict[str, str]:
        """Return the content hash of every stored document by key."""
        return dict(SearchDocument.objects.values_list("key", "content_hash"))

    def rebuild(
        self, records: Iterable[SearchRecord], total: int, progress=None
    ) -> int:
        """Replace the whole index in one transaction, so readers never see it half-built.

        ``progress`` is called with the number of records written after each batch.
        """
        count = 0
        batch: list[SearchRecord] = []
        with transaction.atomic():
            SearchDocument.objects.all().delete()
            for record in records:
                batch.append(record)
                if len(batch) >= WRITE_BATCH:
                    count += self._flush(batch, progress)
            count += self._flush(batch, progress)
        return count

    def _flush(self, batch: list[SearchRecord], progress) -> int:
        size = len(batch)
        if size:
            self._write_batch(batch)
            if progress:
                progress(size)
            batch.clear()
        return size

    # Searching

    def search(self, request: SearchRequest) -> SearchResults:
        """Run a citizen search with filters, facets, highlights and a suggestion."""
        vocabulary = Vocabulary()
        parsed = parse_query(request.text, current_table(), vocabulary.corrections)
        results = self._search_parsed(parsed, request)
        if results.total == 0 and parsed.clauses:
            results.suggestion = self._suggest(request, vocabulary)
        return results

    def _search_parsed(
        self, parsed: ParsedQuery, request: SearchRequest
    ) -> SearchResults:
        if not parsed.clauses:
            return SearchResults(total=0, hits=[], facets={})
        clauses, filters = parsed.clauses, request.filters
        groups = self._facet_groups(clauses, filters.without_facets())
        facets = count_facets(groups, filters)
        total = sum(group[-1] for group in groups if group_matches(group, filters))
        if not total:
            return SearchResults(total=0, hits=[], facets=facets)
        best_bets = self._best_bets(clauses, filters)
        window = self._ranked(clauses, filters, limit=RERANK_WINDOW)
        window += self._ranked(clauses, filters, ids=best_bets)
        ranked = self._rerank(window, clauses, best_bets)
        page_ids = ranked[request.offset : request.offset + request.page_size]
        missing = request.page_size - len(page_ids)
        if missing > 0 and total > len(ranked):
            page_ids += self._beyond_window(parsed, request, ranked, missing)
        documents = SearchDocument.objects.in_bulk([pk for pk, _ in page_ids])
        terms = parsed.highlight_phrases
        hits = [to_hit(documents[pk], score, terms) for pk, score in page_ids]
        return SearchResults(total=total, hits=hits, facets=facets)

    def _beyond_window(
        self, parsed: ParsedQuery, request: SearchRequest, ranked: list, count: int
    ) -> list[tuple[int, float]]:
        """Return hits past the re-ranked window, in full-text score order.

        NOTE: a best bet found beyond the window already sits on page one and
        is skipped here, so deep pages can be off by that one position.
        """
        seen = {pk for pk, _ in ranked}
        offset = RERANK_WINDOW + max(0, request.offset - len(ranked))
        rows = self._ranked(
            parsed.clauses, request.filters, limit=count + len(seen), offset=offset
        )
        return [(pk, float(score)) for pk, score in rows if pk not in seen][:count]

    def _match_sql(
        self, clauses: list[Clause], filters: SearchFilters, select: str
    ) -> tuple[str, list]:
        """Build ``SELECT <select>`` over the documents matching ``clauses`` and filters.

        ``select`` may use ``score``: the full-text score times the type boost.
        """
        conditions, params = filter_conditions(filters)
        table = SearchDocument._meta.db_table
        if connection.vendor == "postgresql":
            expression = tsquery_expression(clauses)
            score = (
                f"ts_rank_cd('{POSTGRES_WEIGHTS}', d.search_vector, "
                "to_tsquery('simple', %s), 1) * d.rank_boost"
            )
            sql = (
                f"SELECT {select} FROM {table} d "  # noqa: S608
                "WHERE d.search_vector @@ to_tsquery('simple', %s) "
            )
            score_params = [expression] if "score" in select else []
            params = [*score_params, expression, *params]
        else:
            score = f"-bm25(citizen_search_fts, {SQLITE_COLUMN_WEIGHTS}) * d.rank_boost"
            sql = (
                f"SELECT {select} FROM citizen_search_fts "  # noqa: S608
                f"JOIN {table} d ON d.id = citizen_search_fts.rowid "
                "WHERE citizen_search_fts MATCH %s "
            )
            columns = "title_terms alias_terms summary_terms body_terms"
            params = [fts5_expression(clauses, columns), *params]
        sql = sql.replace("SELECT score", f"SELECT {score} AS score", 1)
        return sql + "AND " + " AND ".join(conditions), params

    def _ranked(
        self,
        clauses: list[Clause],
        filters: SearchFilters,
        limit: int | None = None,
        offset: int = 0,
        ids: list[int] | None = None,
    ) -> list[tuple]:
        """Return (id, score) of matches, best first, limited or restricted to ``ids``.

        TODO: PostgreSQL scores every match before the LIMIT applies, so a
        query that matches nearly all of 100,000 documents takes about half
        a second (docs/benchmarks.md).
        """
        if ids is not None and not ids:
            return []
        sql, params = self._match_sql(clauses, filters, "score, d.id")
        if ids:
            sql += f" AND d.id IN ({', '.join(['%s'] * len(ids))})"
            params.extend(ids)
        sql += " ORDER BY score DESC, d.id"
        if limit is not None:
            sql += " LIMIT %s OFFSET %s"
            params.extend([limit, offset])
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [(row[1], row[0]) for row in cursor.fetchall()]

    def _facet_groups(
        self, clauses: list[Clause], filters: SearchFilters
    ) -> list[tuple]:
        """Count matches per combination of OPD, content type, category and region.

        Each row is ``FACET_COLUMNS`` followed by the count.
        """
        sql, params = self._match_sql(clauses, filters, f"{FACET_COLUMNS}, COUNT(*)")
        sql += f" GROUP BY {FACET_COLUMNS}"
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _rerank(
        self, window: list[tuple], clauses: list[Clause], best_bets: list[int]
    ) -> list[tuple[int, float]]:
        base_scores = dict(window)
        documents = SearchDocument.objects.only(
            "title_terms", "alias_terms", "summary_terms", "body_terms"
        ).in_bulk(list(base_scores))
        rescored = [
            (pk, rescore(score, documents[pk], clauses))
            for pk, score in base_scores.items()
        ]
        rescored.sort(key=lambda item: (-item[1], item[0]))
        # Destination pages named by the query come first, in score order.
        bet_set = set(best_bets)
        first = [item for item in rescored if item[0] in bet_set][:BEST_BETS]
        chosen = {pk for pk, _ in first}
        return first + [item for item in rescored if item[0] not in chosen]

    def _best_bets(self, clauses: list[Clause], filters: SearchFilters) -> list[int]:
        """Return services and agencies whose title or aliases match the query.

        A citizen who types words from a service's name or an agency's name or
        affairs wants that page, however many news items repeat the words.
        """
        conditions, params = filter_conditions(filters)
        types = ", ".join(["%s"] * len(DESTINATION_TYPES))
        conditions.append(f"d.content_type IN ({types})")
        params.extend(DESTINATION_TYPES)
        table = SearchDocument._meta.db_table
        if connection.vendor == "postgresql":
            sql = (
                f"SELECT d.id FROM {table} d WHERE "  # noqa: S608
                "ts_filter(d.search_vector, '{a}') @@ to_tsquery('simple', %s) "
            )
            params = [tsquery_expression(clauses), *params]
        else:
            sql = (
                f"SELECT d.id FROM citizen_search_fts JOIN {table} d "  # noqa: S608
                "ON d.id = citizen_search_fts.rowid WHERE citizen_search_fts MATCH %s "
            )
            params = [fts5_expression(clauses, "title_terms alias_terms"), *params]
        sql += "AND " + " AND ".join(conditions) + f" LIMIT {BEST_BET_CANDIDATES}"
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]

    def _suggest(self, request: SearchRequest, vocabulary: Vocabulary) -> str | None:
        suggestion = vocabulary.suggest_text(request.text)
        if not suggestion:
            return None
        parsed = parse_query(suggestion, current_table())
        if not parsed.clauses or not self._ranked(
            parsed.clauses, request.filters, limit=1
        ):
            return None
        return suggestion

    # Autocomplete

    def autocomplete(self, prefix: str, limit: int = 8) -> list[AutocompleteSuggestion]:
        """Offer titles and service names whose words start with the typed words."""
        words = tokenize(prefix)[:6]
        if not words:
            return []
        conditions, params = filter_conditions(SearchFilters())
        table = SearchDocument._meta.db_table
        if connection.vendor == "postgresql":
            sql = (
                f"SELECT d.id FROM {table} d WHERE "  # noqa: S608
                "d.autocomplete_vector @@ to_tsquery('simple', %s) "
            )
            params = [" & ".join(f"{word}:*" for word in words), *params]
        else:
            sql = (
                f"SELECT d.id FROM citizen_search_fts JOIN {table} d "  # noqa: S608
                "ON d.id = citizen_search_fts.rowid WHERE citizen_search_fts MATCH %s "
            )
            match = " AND ".join(f'"{word}"*' for word in words)
            params = ["{title_words alias_words} : (" + match + ")", *params]
        sql += "AND " + " AND ".join(conditions) + " LIMIT 200"
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            ids = [row[0] for row in cursor.fetchall()]
        documents = list(SearchDocument.objects.filter(pk__in=ids))
        documents.sort(key=lambda document: autocomplete_rank(document, words))
        return [
            AutocompleteSuggestion(
                title=document.title,
                url=document.url,
                content_type=document.content_type,
                key=document.key,
            )
            for document in documents[:limit]
        ]


def autocomplete_rank(document: SearchDocument, words: list[str]) -> tuple:
    """Sort key: title matches first, then services and agencies, then short titles."""
    title_words = document.title_words.split()
    in_title = all(
        any(title_word.startswith(word) for title_word in title_words) for word in words
    )
    return (not in_title, -document.rank_boost, len(document.title), document.pk)


def group_facet_values(group: tuple) -> dict:
    """Return the value of each facet in a row of ``_facet_groups``."""
    opd_id, _, content_type, category, region_id, _, _ = group
    return {
        "opd": opd_id,
        "content_type": content_type,
        "category": category,
        "region": region_id,
    }


def group_matches(
    group: tuple, filters: SearchFilters, ignored_facet: str | None = None
) -> bool:
    """Return True when a grouped row passes every facet filter but ``ignored_facet``."""
    values = group_facet_values(group)
    return all(
        values[facet] in selected
        for facet, selected in filters.facet_selections().items()
        if selected and facet != ignored_facet
    )


def count_facets(
    groups: list[tuple], filters: SearchFilters
) -> dict[str, list[FacetBucket]]:
    """Sum grouped match counts per OPD, content type, category and region.

    Each facet is counted with every facet filter except its own, so choosing
    one OPD still lists the other OPDs with the counts they would give
    (multi-select facets). ``groups`` must come from a query without facet
    filters.
    """
    counters: dict[str, Counter] = {name: Counter() for name in FACET_FIELDS}
    names: dict[tuple[str, str], str] = {}
    for group in groups:
        opd_id, opd_name, content_type, category, region_id, region_name, count = group
        if opd_id is not None and group_matches(group, filters, "opd"):
            counters["opd"][str(opd_id)] += count
            names[("opd", str(opd_id))] = opd_name
        if group_matches(group, filters, "content_type"):
            counters["content_type"][content_type] += count
        if category and group_matches(group, filters, "category"):
            counters["category"][category] += count
        if region_id is not None and group_matches(group, filters, "region"):
            counters["region"][str(region_id)] += count
            names[("region", str(region_id))] = region_name
    facets = {}
    for name, counter in counters.items():
        buckets = [
            FacetBucket(
                value=value,
                label=names.get((name, value)) or facet_label(name, value),
                count=count,
            )
            for value, count in counter.items()
        ]
        buckets.sort(key=lambda bucket: (-bucket.count, bucket.label))
        facets[name] = buckets
    return facets


def to_hit(
    document: SearchDocument, score: float, terms: set[tuple[str, ...]]
) -> SearchHit:
    """Build a hit with highlighted title and snippet from a stored document."""
    return SearchHit(
        key=document.key,
        kind=document.kind,
        object_id=document.object_id,
        content_type=document.content_type,
        title=document.title,
        url=document.url,
        summary=document.summary,
        opd_id=document.opd_id,
        opd_slug=document.opd_slug,
        opd_name=document.opd_name,
        opd_abbreviation=document.opd_abbreviation,
        category=document.category,
        region_name=document.region_name,
        published_on=document.published_on,
        score=round(float(score), 6),
        title_highlight=highlight_title(document.title, terms),
        snippet=snippet([document.body, document.summary], terms),
    )
