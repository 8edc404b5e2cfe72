"""What every search backend accepts and returns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Protocol

from ..records import SearchRecord

MAX_PAGE_SIZE = 50
MAX_QUERY_LENGTH = 200
FACET_FIELDS = ("opd", "content_type", "category", "region")


class BackendUnavailable(RuntimeError):
    """The search engine could not be reached or refused a write."""


class InvalidSearchRequest(ValueError):
    """A search request with a value outside what the API accepts."""


@dataclass(frozen=True)
class SearchFilters:
    """Filters that narrow results; empty tuples and None mean no filter."""

    opd_ids: tuple[int, ...] = ()
    content_types: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    region_ids: tuple[int, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def facet_selections(self) -> dict[str, tuple]:
        """Return the values chosen for each facet; an empty tuple means any value."""
        return {
            "opd": self.opd_ids,
            "content_type": self.content_types,
            "category": self.categories,
            "region": self.region_ids,
        }

    def without_facets(self) -> SearchFilters:
        """Return these filters with no facet values chosen: only the date range."""
        return replace(self, opd_ids=(), content_types=(), categories=(), region_ids=())


@dataclass(frozen=True)
class SearchRequest:
    """One citizen search: text, filters and the page of results wanted."""

    text: str
    filters: SearchFilters = field(default_factory=SearchFilters)
    page: int = 1
    page_size: int = 10

    def __post_init__(self) -> None:
        if self.page < 1:
            raise InvalidSearchRequest(f"Invalid page {self.page}: pages start at 1.")
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise InvalidSearchRequest(
                f"Invalid page size {self.page_size}: use 1 to {MAX_PAGE_SIZE}."
            )
        if len(self.text) > MAX_QUERY_LENGTH:
            raise InvalidSearchRequest(
                f"Query of {len(self.text)} characters is too long: "
                f"use at most {MAX_QUERY_LENGTH}."
            )
        dates = self.filters
        if dates.date_from and dates.date_to and dates.date_to < dates.date_from:
            raise InvalidSearchRequest(
                f"Invalid date range {dates.date_from}..{dates.date_to}: "
                "the end date is before the start date."
            )

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


@dataclass
class SearchHit:
    """One result with its highlighted title and snippet (escaped HTML with <mark>)."""

    key: str
    kind: str
    object_id: int
    content_type: str
    title: str
    url: str
    summary: str
    opd_id: int | None
    opd_slug: str
    opd_name: str
    opd_abbreviation: str
    category: str
    region_name: str
    published_on: dt.date | None
    score: float
    title_highlight: str
    snippet: str


@dataclass
class FacetBucket:
    """A filter value with the number of results that carry it."""

    value: str
    label: str
    count: int


@dataclass
class SearchResults:
    """A page of hits with the total, facet counts and a "did you mean" suggestion."""

    total: int
    hits: list[SearchHit]
    facets: dict[str, list[FacetBucket]]
    suggestion: str | None = None


@dataclass
class AutocompleteSuggestion:
    """A page title offered while the citizen types."""

    title: str
    url: str
    content_type: str
    key: str


class SearchBackend(Protocol):
    """The operations indexing and the API need from a backend."""

    name: str

    def write(self, records: list[SearchRecord]) -> None: ...

    def delete(self, keys: list[str]) -> None: ...

    def stored_hashes(self) -> dict[str, str]: ...

    def rebuild(self, records, total: int, progress=None) -> int: ...

    def search(self, request: SearchRequest) -> SearchResults: ...

    def autocomplete(
        self, prefix: str, limit: int = 8
    ) -> list[AutocompleteSuggestion]: ...
