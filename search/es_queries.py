"""Request bodies for Elasticsearch, built as plain dicts so tests compare them literally."""

from __future__ import annotations

import datetime as dt

from .analysis import tokenize
from .backends.base import FACET_FIELDS, SearchFilters, SearchRequest
from .fuzzy import ELASTICSEARCH_FUZZINESS, PREFIX_LENGTH, may_fuzz
from .query import split_quoted

# Field boosts for full search: a citizen's words usually echo a title or a
# service's alternative name, so those weigh most.
SEARCH_FIELDS = ["title^4", "aliases^4", "summary^2", "body"]
AUTOCOMPLETE_SUFFIXES = ("", "._2gram", "._3gram")
FACET_TERMS = {
    "opd": "opd_id",
    "content_type": "content_type",
    "category": "category",
    "region": "region_id",
}
FACET_NAMES = {"opd": "opd_name", "region": "region_name"}
FACET_SIZE = 50
SNIPPET_CHARS = 200
# Quoted phrases and fuzzy matching use the index analyzer: it has no
# synonym filter, so quoted text is never expanded.
EXACT_ANALYZER = "indonesian_index"


def unquoted_words(text: str) -> str:
    """Return the parts of ``text`` outside quotes, joined by single spaces."""
    return " ".join(part.strip() for part, quoted in split_quoted(text) if not quoted)


def filter_clauses(filters: SearchFilters, now: dt.datetime) -> list[dict]:
    """Build the filters that narrow hits and facet counts alike.

    These are the public and expiry guards and the date range. Facet filters
    are separate (``facet_filter_clauses``) because each facet's own counts
    must ignore them.
    """
    clauses: list[dict] = [
        {"term": {"public": True}},
        {
            "bool": {
                "should": [
                    {"bool": {"must_not": {"exists": {"field": "expire_at"}}}},
                    {"range": {"expire_at": {"gt": now.isoformat()}}},
                ],
                "minimum_should_match": 1,
            }
        },
    ]
    date_range = {}
    if filters.date_from:
        date_range["gte"] = filters.date_from.isoformat()
    if filters.date_to:
        date_range["lte"] = filters.date_to.isoformat()
    if date_range:
        clauses.append({"range": {"published_on": date_range}})
    return clauses


def facet_filter_clauses(
    filters: SearchFilters, ignored_facet: str | None = None
) -> list[dict]:
    """Build a terms filter for each facet with chosen values, except ``ignored_facet``."""
    return [
        {"terms": {FACET_TERMS[facet]: list(values)}}
        for facet, values in filters.facet_selections().items()
        if values and facet != ignored_facet
    ]


def text_query(text: str) -> dict:
    """Match free words with synonyms, tolerate typos, and require quoted phrases.

    Only the words that ``search.fuzzy.may_fuzz`` accepts go into the fuzzy
    clause, the same rule the database backend applies. Unlike there, a word
    that the index contains is still fuzzed, but its exact match scores higher.
    """
    free_words = unquoted_words(text)
    phrases = [part for part, quoted in split_quoted(text) if quoted]
    must = [
        {
            "multi_match": {
                "query": phrase,
                "type": "phrase",
                "fields": SEARCH_FIELDS,
                "analyzer": EXACT_ANALYZER,
            }
        }
        for phrase in phrases
    ]
    should = []
    if free_words.strip():
        should = [
            {
                "multi_match": {
                    "query": free_words,
                    "type": "best_fields",
                    "fields": SEARCH_FIELDS,
                    "tie_breaker": 0.3,
                }
            },
        ]
    fuzzy_words = " ".join(word for word in tokenize(free_words) if may_fuzz(word))
    if fuzzy_words:
        should.append(
            {
                "multi_match": {
                    "query": fuzzy_words,
                    "fields": SEARCH_FIELDS,
                    "fuzziness": ELASTICSEARCH_FUZZINESS,
                    "prefix_length": PREFIX_LENGTH,
                    "analyzer": EXACT_ANALYZER,
                    "boost": 0.3,
                }
            }
        )
    query: dict = {"bool": {"must": must, "should": should}}
    if should:
        query["bool"]["minimum_should_match"] = 1
    return query


def facet_aggregations(filters: SearchFilters) -> dict:
    """Build one aggregation per facet for multi-select facets.

    Each facet is a ``filter`` aggregation with the other facets' filters,
    around a ``values`` terms aggregation (with the display name where ids
    are counted). The facet filters themselves go to ``post_filter``, so they
    narrow the hits but not the counts of their own facet.
    """
    aggregations = {}
    for facet in FACET_FIELDS:
        terms: dict = {"terms": {"field": FACET_TERMS[facet], "size": FACET_SIZE}}
        if facet in FACET_NAMES:
            terms["aggs"] = {
                "name": {"terms": {"field": FACET_NAMES[facet], "size": 1}}
            }
        others = facet_filter_clauses(filters, ignored_facet=facet)
        facet_filter = {"bool": {"filter": others}} if others else {"match_all": {}}
        aggregations[facet] = {"filter": facet_filter, "aggs": {"values": terms}}
    return aggregations


def build_search_body(request: SearchRequest, now: dt.datetime) -> dict:
    """Build the body of a search request: query, facets, highlights, suggestion."""
    free_words = unquoted_words(request.text)
    query = text_query(request.text)
    query["bool"]["filter"] = filter_clauses(request.filters, now)
    body: dict = {
        "query": {
            "function_score": {
                "query": query,
                "field_value_factor": {"field": "rank_boost", "missing": 1},
                "boost_mode": "multiply",
            }
        },
    }
    facet_filters = facet_filter_clauses(request.filters)
    if facet_filters:
        body["post_filter"] = {"bool": {"filter": facet_filters}}
    return body | {
        "aggs": facet_aggregations(request.filters),
        "highlight": {
            "encoder": "html",
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "fields": {
                "title": {"number_of_fragments": 0},
                "body": {
                    "fragment_size": SNIPPET_CHARS,
                    "number_of_fragments": 1,
                    "no_match_size": SNIPPET_CHARS,
                },
                "summary": {"number_of_fragments": 0},
            },
        },
        "suggest": {
            "text": free_words,
            "did_you_mean": {
                "term": {
                    "field": "title",
                    "suggest_mode": "missing",
                    "prefix_length": PREFIX_LENGTH,
                }
            },
        },
        "_source": {"excludes": ["body"]},
        "track_total_hits": True,
        "from": request.offset,
        "size": request.page_size,
    }


def build_autocomplete_body(prefix: str, limit: int, now: dt.datetime) -> dict:
    """Build a prefix query on the title and alias autocomplete fields, titles first."""

    def prefix_match(field: str, boost: float) -> dict:
        return {
            "multi_match": {
                "query": prefix,
                "type": "bool_prefix",
                "fields": [
                    f"{field}.autocomplete{suffix}" for suffix in AUTOCOMPLETE_SUFFIXES
                ],
                "boost": boost,
            }
        }

    return {
        "query": {
            "function_score": {
                "query": {
                    "bool": {
                        "should": [
                            prefix_match("title", 3.0),
                            prefix_match("aliases", 1.0),
                        ],
                        "minimum_should_match": 1,
                        "filter": filter_clauses(SearchFilters(), now),
                    }
                },
                "field_value_factor": {"field": "rank_boost", "missing": 1},
                "boost_mode": "multiply",
            }
        },
        "_source": ["title", "url", "content_type"],
        "size": limit,
    }
