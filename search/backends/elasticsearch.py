"""The Elasticsearch backend: versioned indexes behind an alias.

A rebuild creates ``<alias>-<timestamp>``, fills it, and moves the alias in
one ``_aliases`` call, so searches switch from the old index to the new one
atomically. Incremental writes go to the alias.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import asdict
from html import escape

from django.utils import timezone
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, helpers

from ..documents import INDEX_ALIAS, SYNONYMS_SET, GovernmentInformation
from ..es_queries import build_autocomplete_body, build_search_body
from ..records import SearchRecord
from ..synonyms import read_rules, synonyms_path
from .base import (
    AutocompleteSuggestion,
    BackendUnavailable,
    FacetBucket,
    SearchHit,
    SearchRequest,
    SearchResults,
)
from .labels import facet_label

logger = logging.getLogger(__name__)

BULK_CHUNK = 500


def record_source(record: SearchRecord) -> dict:
    """Return the ``_source`` of a record: every field but the key, plus its hash."""
    source = asdict(record)
    source.pop("key")
    source["content_hash"] = record.content_hash()
    for name in ("published_on", "expire_at"):
        if source[name] is not None:
            source[name] = source[name].isoformat()
    return source


def index_actions(records: Iterable[SearchRecord], index: str):
    for record in records:
        yield {
            "_op_type": "index",
            "_index": index,
            "_id": record.key,
            "_source": record_source(record),
        }


class ElasticsearchBackend:
    """Citizen search on an Elasticsearch cluster at ``url``."""

    name = "elasticsearch"

    def __init__(self, url: str, alias: str = INDEX_ALIAS) -> None:
        self.client = Elasticsearch(url, request_timeout=10)
        self.alias = alias

    def _call(self, operation, *args, **kwargs):
        try:
            return operation(*args, **kwargs)
        except (TransportError, ApiError) as error:
            raise BackendUnavailable(
                f"Elasticsearch request failed: {error}"
            ) from error

    # Writing

    def write(self, records: list[SearchRecord]) -> None:
        """Index ``records`` into the index behind the alias.

        TODO: writes carry no external version, so two workers that read the
        same page at different moments can finish in the wrong order and
        leave the older state until the next sync or ``search_check --fix``.
        """
        self._call(
            helpers.bulk,
            self.client,
            index_actions(records, self.alias),
            chunk_size=BULK_CHUNK,
            refresh="wait_for",
        )

    def delete(self, keys: list[str]) -> None:
        """Delete documents by key; keys not in the index are ignored."""
        actions = (
            {"_op_type": "delete", "_index": self.alias, "_id": key} for key in keys
        )
        self._call(
            helpers.bulk, self.client, actions, raise_on_error=False, refresh="wait_for"
        )

    def stored_hashes(self) -> dict[str, str]:
        """Return the content hash of every indexed document by key."""
        hits = self._call(
            lambda: list(
                helpers.scan(self.client, index=self.alias, _source=["content_hash"])
            )
        )
        return {hit["_id"]: hit["_source"].get("content_hash", "") for hit in hits}

    def push_synonyms(self) -> int:
        """Upload the synonym file to the synonyms set; Elasticsearch reloads analyzers.

        Run it after every edit of the synonym file; no reindex is needed.
        """
        rules = read_rules(synonyms_path())
        self._call(
            self.client.synonyms.put_synonym,
            id=SYNONYMS_SET,
            synonyms_set=[{"synonyms": rule} for rule in rules],
        )
        return len(rules)

    def rebuild(
        self, records: Iterable[SearchRecord], total: int, progress=None
    ) -> int:
        """Build a new versioned index from ``records`` and move the alias to it."""
        self.push_synonyms()
        new_index = f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"
        self._call(
            GovernmentInformation._index.clone(name=new_index).create, using=self.client
        )
        count = 0
        for ok, _ in helpers.streaming_bulk(
            self.client, index_actions(records, new_index), chunk_size=BULK_CHUNK
        ):
            count += 1 if ok else 0
            if progress:
                progress(1)
        self._call(self.client.indices.refresh, index=new_index)
        self._swap_alias(new_index)
        return count

    def _swap_alias(self, new_index: str) -> None:
        old = []
        if self.client.indices.exists_alias(name=self.alias):
            old = list(self.client.indices.get_alias(name=self.alias))
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": new_index, "alias": self.alias}})
        self._call(self.client.indices.update_aliases, actions=actions)
        for index in old:
            self._call(self.client.indices.delete, index=index)
        logger.info(
            "search alias moved alias=%s index=%s old=%s", self.alias, new_index, old
        )

    # Searching

    def search(self, request: SearchRequest) -> SearchResults:
        """Run a citizen search on the alias and convert the response."""
        body = build_search_body(request, timezone.now())
        response = self._call(self.client.search, index=self.alias, body=body)
        return parse_search_response(response)

    def autocomplete(self, prefix: str, limit: int = 8) -> list[AutocompleteSuggestion]:
        """Offer titles and service names whose words start with the typed words."""
        if not prefix.strip():
            return []
        body = build_autocomplete_body(prefix, limit, timezone.now())
        response = self._call(self.client.search, index=self.alias, body=body)
        return [
            AutocompleteSuggestion(
                title=hit["_source"]["title"],
                url=hit["_source"]["url"],
                content_type=hit["_source"]["content_type"],
                key=hit["_id"],
            )
            for hit in response["hits"]["hits"]
        ]


def parse_search_response(response: dict) -> SearchResults:
    """Convert an Elasticsearch search response into ``SearchResults``."""
    hits = []
    for hit in response["hits"]["hits"]:
        source = hit["_source"]
        highlight = hit.get("highlight", {})
        snippet = (
            highlight.get("body")
            or highlight.get("summary")
            or [escape(source.get("summary", ""))]
        )[0]
        hits.append(
            SearchHit(
                key=hit["_id"],
                kind=source["kind"],
                object_id=source["object_id"],
                content_type=source["content_type"],
                title=source["title"],
                url=source["url"],
                summary=source.get("summary", ""),
                opd_id=source.get("opd_id"),
                opd_slug=source.get("opd_slug", ""),
                opd_name=source.get("opd_name", ""),
                opd_abbreviation=source.get("opd_abbreviation", ""),
                category=source.get("category", ""),
                region_name=source.get("region_name", ""),
                published_on=source.get("published_on"),
                score=float(hit.get("_score") or 0.0),
                title_highlight=(highlight.get("title") or [escape(source["title"])])[
                    0
                ],
                snippet=snippet,
            )
        )
    facets = {}
    for facet, aggregation in response.get("aggregations", {}).items():
        buckets = []
        for bucket in aggregation["values"]["buckets"]:
            names = bucket.get("name", {}).get("buckets", [])
            value = str(bucket["key"])
            label = names[0]["key"] if names else facet_label(facet, value)
            buckets.append(
                FacetBucket(value=value, label=label, count=bucket["doc_count"])
            )
        facets[facet] = buckets
    return SearchResults(
        total=response["hits"]["total"]["value"],
        hits=hits,
        facets=facets,
        suggestion=suggestion_from(response) if not hits else None,
    )


def suggestion_from(response: dict) -> str | None:
    """Join the best term suggestion for each word, or None when nothing changes."""
    entries = response.get("suggest", {}).get("did_you_mean", [])
    words, changed = [], False
    for entry in entries:
        if entry["options"]:
            words.append(entry["options"][0]["text"])
            changed = True
        else:
            words.append(entry["text"])
    return " ".join(words) if changed else None
