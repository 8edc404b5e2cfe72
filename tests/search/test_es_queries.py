"""Elasticsearch request bodies, compared with literal dicts."""

import datetime as dt

from search.backends.base import FacetBucket, SearchFilters, SearchRequest
from search.backends.elasticsearch import parse_search_response
from search.es_queries import build_autocomplete_body, build_search_body, text_query

NOW = dt.datetime(2026, 5, 4, 9, 30, tzinfo=dt.UTC)
FIELDS = ["title^4", "aliases^4", "summary^2", "body"]
PUBLIC_AND_CURRENT = [
    {"term": {"public": True}},
    {
        "bool": {
            "should": [
                {"bool": {"must_not": {"exists": {"field": "expire_at"}}}},
                {"range": {"expire_at": {"gt": "2026-05-04T09:30:00+00:00"}}},
            ],
            "minimum_should_match": 1,
        }
    },
]

BY_OPD = {"terms": {"opd_id": [32]}}
BY_TYPE = {"terms": {"content_type": ["service", "news"]}}
OPD_TERMS = {
    "terms": {"field": "opd_id", "size": 50},
    "aggs": {"name": {"terms": {"field": "opd_name", "size": 1}}},
}
TYPE_TERMS = {"terms": {"field": "content_type", "size": 50}}
CATEGORY_TERMS = {"terms": {"field": "category", "size": 50}}
REGION_TERMS = {
    "terms": {"field": "region_id", "size": 50},
    "aggs": {"name": {"terms": {"field": "region_name", "size": 1}}},
}


def test_search_body_literal():
    request = SearchRequest(
        text='bayar "PBB"',
        filters=SearchFilters(
            opd_ids=(32,),
            content_types=("service", "news"),
            date_from=dt.date(2026, 1, 1),
        ),
        page=2,
        page_size=5,
    )
    assert build_search_body(request, NOW) == {
        "query": {
            "function_score": {
                "query": {
                    "bool": {
                        "must": [
                            {
                                "multi_match": {
                                    "query": "PBB",
                                    "type": "phrase",
                                    "fields": FIELDS,
                                    "analyzer": "indonesian_index",
                                }
                            }
                        ],
                        "should": [
                            {
                                "multi_match": {
                                    "query": "bayar",
                                    "type": "best_fields",
                                    "fields": FIELDS,
                                    "tie_breaker": 0.3,
                                }
                            },
                            {
                                "multi_match": {
                                    "query": "bayar",
                                    "fields": FIELDS,
                                    "fuzziness": "AUTO:5,8",
                                    "prefix_length": 3,
                                    "analyzer": "indonesian_index",
                                    "boost": 0.3,
                                }
                            },
                        ],
                        "minimum_should_match": 1,
                        "filter": [
                            *PUBLIC_AND_CURRENT,
                            {"range": {"published_on": {"gte": "2026-01-01"}}},
                        ],
                    }
                },
                "field_value_factor": {"field": "rank_boost", "missing": 1},
                "boost_mode": "multiply",
            }
        },
        # Facet filters narrow the hits only; each facet's counts apply the
        # other facets' filters.
        "post_filter": {"bool": {"filter": [BY_OPD, BY_TYPE]}},
        "aggs": {
            "opd": {
                "filter": {"bool": {"filter": [BY_TYPE]}},
                "aggs": {"values": OPD_TERMS},
            },
            "content_type": {
                "filter": {"bool": {"filter": [BY_OPD]}},
                "aggs": {"values": TYPE_TERMS},
            },
            "category": {
                "filter": {"bool": {"filter": [BY_OPD, BY_TYPE]}},
                "aggs": {"values": CATEGORY_TERMS},
            },
            "region": {
                "filter": {"bool": {"filter": [BY_OPD, BY_TYPE]}},
                "aggs": {"values": REGION_TERMS},
            },
        },
        "highlight": {
            "encoder": "html",
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "fields": {
                "title": {"number_of_fragments": 0},
                "body": {
                    "fragment_size": 200,
                    "number_of_fragments": 1,
                    "no_match_size": 200,
                },
                "summary": {"number_of_fragments": 0},
            },
        },
        "suggest": {
            "text": "bayar",
            "did_you_mean": {
                "term": {
                    "field": "title",
                    "suggest_mode": "missing",
                    "prefix_length": 3,
                }
            },
        },
        "_source": {"excludes": ["body"]},
        "track_total_hits": True,
        "from": 5,
        "size": 5,
    }


def test_quoted_only_query_has_no_should():
    body = build_search_body(SearchRequest(text='"pajak bumi"'), NOW)
    query = body["query"]["function_score"]["query"]["bool"]
    assert query["should"] == []
    assert "minimum_should_match" not in query
    assert query["must"][0]["multi_match"]["type"] == "phrase"


def test_autocomplete_body_literal():
    def prefix(field, boost):
        return {
            "multi_match": {
                "query": "izin us",
                "type": "bool_prefix",
                "fields": [
                    f"{field}.autocomplete",
                    f"{field}.autocomplete._2gram",
                    f"{field}.autocomplete._3gram",
                ],
                "boost": boost,
            }
        }

    assert build_autocomplete_body("izin us", 8, NOW) == {
        "query": {
            "function_score": {
                "query": {
                    "bool": {
                        "should": [prefix("title", 3.0), prefix("aliases", 1.0)],
                        "minimum_should_match": 1,
                        "filter": PUBLIC_AND_CURRENT,
                    }
                },
                "field_value_factor": {"field": "rank_boost", "missing": 1},
                "boost_mode": "multiply",
            }
        },
        "_source": ["title", "url", "content_type"],
        "size": 8,
    }


def test_unfiltered_body_counts_every_facet():
    body = build_search_body(SearchRequest(text="ktp"), NOW)
    assert "post_filter" not in body
    assert body["query"]["function_score"]["query"]["bool"]["filter"] == (
        PUBLIC_AND_CURRENT
    )
    assert body["aggs"] == {
        "opd": {"filter": {"match_all": {}}, "aggs": {"values": OPD_TERMS}},
        "content_type": {"filter": {"match_all": {}}, "aggs": {"values": TYPE_TERMS}},
        "category": {"filter": {"match_all": {}}, "aggs": {"values": CATEGORY_TERMS}},
        "region": {"filter": {"match_all": {}}, "aggs": {"values": REGION_TERMS}},
    }


def test_search_response_facets_parsed():
    def facet(*buckets):
        return {"doc_count": 9, "values": {"buckets": list(buckets)}}

    response = {
        "hits": {"total": {"value": 0}, "hits": []},
        "aggregations": {
            "opd": facet(
                {
                    "key": 32,
                    "doc_count": 4,
                    "name": {"buckets": [{"key": "Dinas Kependudukan"}]},
                },
                {"key": 7, "doc_count": 2, "name": {"buckets": []}},
            ),
            "content_type": facet({"key": "service", "doc_count": 3}),
            "category": facet(),
            "region": facet(),
        },
    }
    results = parse_search_response(response)
    assert results.total == 0
    assert results.facets == {
        "opd": [
            FacetBucket(value="32", label="Dinas Kependudukan", count=4),
            FacetBucket(value="7", label="7", count=2),
        ],
        "content_type": [FacetBucket(value="service", label="Layanan publik", count=3)],
        "category": [],
        "region": [],
    }


def fuzzy_clauses(text):
    should = text_query(text)["bool"]["should"]
    return [clause for clause in should if "fuzziness" in clause["multi_match"]]


def test_fuzzy_clause_skips_short_and_protected_words():
    assert fuzzy_clauses("bekas ktp") == []
    fuzzy = fuzzy_clauses("bekas kartu keluarag")
    assert [clause["multi_match"]["query"] for clause in fuzzy] == ["kartu keluarag"]
