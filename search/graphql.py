"""GraphQL fields for citizen search, merged into the public schema."""

from __future__ import annotations

import datetime as dt
from enum import Enum

import strawberry
from graphql import GraphQLError

from .backends import get_backend
from .backends.base import (
    AutocompleteSuggestion,
    FacetBucket,
    InvalidSearchRequest,
    SearchFilters,
    SearchHit,
    SearchRequest,
    SearchResults,
)

MAX_AUTOCOMPLETE = 20


@strawberry.enum(description="Kind of content a search result is.")
class SearchContentType(Enum):
    SERVICE = "service"
    OPD = "opd"
    PUBLIC_INFORMATION = "public_information"
    STANDARD = "standard"
    NEWS = "news"
    ANNOUNCEMENT = "announcement"
    EVENT = "event"
    DOCUMENT = "document"


@strawberry.enum(description="Public information category under Law 14/2008.")
class SearchInformationCategory(Enum):
    BERKALA = "berkala"
    SERTA_MERTA = "serta_merta"
    SETIAP_SAAT = "setiap_saat"
    DIKECUALIKAN = "dikecualikan"


@strawberry.input(description="Filters that narrow search results; all are optional.")
class SearchFilterInput:
    opd_ids: list[strawberry.ID] | None = strawberry.field(
        default=None,
        description="Only results owned by these OPD pages (ids from the opd facet).",
    )
    content_types: list[SearchContentType] | None = None
    categories: list[SearchInformationCategory] | None = None
    region_ids: list[strawberry.ID] | None = strawberry.field(
        default=None,
        description="Only results about these kecamatan (ids from the region facet).",
    )
    date_from: dt.date | None = strawberry.field(
        default=None, description="Only results dated on or after this day."
    )
    date_to: dt.date | None = strawberry.field(
        default=None, description="Only results dated on or before this day."
    )


@strawberry.type(description="The agency that owns a search result.")
class SearchOpd:
    id: strawberry.ID
    slug: str
    name: str
    abbreviation: str


@strawberry.type(description="One search result.")
class SearchHitType:
    key: str = strawberry.field(
        description="Index key, e.g. 'page:12' or 'document:5'."
    )
    id: strawberry.ID = strawberry.field(description="Id of the page or document.")
    kind: str = strawberry.field(description="'page' or 'document'.")
    content_type: SearchContentType
    title: str
    url: str = strawberry.field(
        description="Site-relative URL, e.g. /disdukcapil/ktp-el/."
    )
    summary: str
    opd: SearchOpd | None
    category: SearchInformationCategory | None
    region_name: str
    published_on: dt.date | None
    score: float
    title_highlight: str = strawberry.field(
        description="Title as escaped HTML with matching words in <mark>."
    )
    snippet: str = strawberry.field(
        description="Text around the first match as escaped HTML with <mark>."
    )

    @classmethod
    def from_hit(cls, hit: SearchHit) -> SearchHitType:
        """Convert a backend hit."""
        opd = None
        if hit.opd_id is not None:
            opd = SearchOpd(
                id=strawberry.ID(str(hit.opd_id)),
                slug=hit.opd_slug,
                name=hit.opd_name,
                abbreviation=hit.opd_abbreviation,
            )
        published_on = hit.published_on
        if isinstance(published_on, str):
            published_on = dt.date.fromisoformat(published_on[:10])
        return cls(
            key=hit.key,
            id=strawberry.ID(str(hit.object_id)),
            kind=hit.kind,
            content_type=SearchContentType(hit.content_type),
            title=hit.title,
            url=hit.url,
            summary=hit.summary,
            opd=opd,
            category=SearchInformationCategory(hit.category) if hit.category else None,
            region_name=hit.region_name,
            published_on=published_on,
            score=hit.score,
            title_highlight=hit.title_highlight,
            snippet=hit.snippet,
        )


# Facets whose backend values are stored in lower case, with the GraphQL enum
# that SearchFilterInput takes for them.
ENUM_FACETS: dict[str, type[Enum]] = {
    "content_type": SearchContentType,
    "category": SearchInformationCategory,
}


@strawberry.type(description="A filter value with the number of results that carry it.")
class SearchFacetBucket:
    value: str = strawberry.field(
        description="The value to pass back in SearchFilterInput as it is: an OPD "
        "or kecamatan id, or a SearchContentType or SearchInformationCategory name."
    )
    label: str
    count: int

    @classmethod
    def from_buckets(
        cls, facet: str, buckets: list[FacetBucket]
    ) -> list[SearchFacetBucket]:
        """Convert backend buckets, naming enum values as SearchFilterInput does."""
        enum = ENUM_FACETS.get(facet)
        return [
            cls(
                value=enum(bucket.value).name if enum else bucket.value,
                label=bucket.label,
                count=bucket.count,
            )
            for bucket in buckets
        ]


@strawberry.type(
    description="Result counts per filter value. Each facet applies every "
    "active filter except its own, so other values of a chosen facet stay on offer."
)
class SearchFacets:
    opd: list[SearchFacetBucket]
    content_type: list[SearchFacetBucket]
    category: list[SearchFacetBucket]
    region: list[SearchFacetBucket]


@strawberry.type(description="One page of search results.")
class SearchResult:
    total: int
    page: int
    page_size: int
    hits: list[SearchHitType]
    facets: SearchFacets
    suggestion: str | None = strawberry.field(
        description="A corrected query to offer when this one found nothing."
    )

    @classmethod
    def from_results(
        cls, results: SearchResults, request: SearchRequest
    ) -> SearchResult:
        """Convert backend results."""
        facets = {
            name: SearchFacetBucket.from_buckets(name, results.facets.get(name, []))
            for name in ("opd", "content_type", "category", "region")
        }
        return cls(
            total=results.total,
            page=request.page,
            page_size=request.page_size,
            hits=[SearchHitType.from_hit(hit) for hit in results.hits],
            facets=SearchFacets(**facets),
            suggestion=results.suggestion,
        )


@strawberry.type(description="A title offered while the citizen types.")
class AutocompleteSuggestionType:
    title: str
    url: str
    content_type: SearchContentType

    @classmethod
    def from_suggestion(
        cls, suggestion: AutocompleteSuggestion
    ) -> AutocompleteSuggestionType:
        """Convert a backend suggestion."""
        return cls(
            title=suggestion.title,
            url=suggestion.url,
            content_type=SearchContentType(suggestion.content_type),
        )


def parse_ids(values: list[strawberry.ID] | None, name: str) -> tuple[int, ...]:
    """Convert ID inputs to integers; raise a GraphQL error naming a bad value."""
    ids = []
    for value in values or []:
        if not str(value).isdigit():
            raise GraphQLError(
                f"Invalid {name} {value!r}: use the numeric id from the facet."
            )
        ids.append(int(value))
    return tuple(ids)


def build_filters(filters: SearchFilterInput | None) -> SearchFilters:
    """Convert the GraphQL filter input."""
    if filters is None:
        return SearchFilters()
    return SearchFilters(
        opd_ids=parse_ids(filters.opd_ids, "opdIds"),
        content_types=tuple(item.value for item in filters.content_types or []),
        categories=tuple(item.value for item in filters.categories or []),
        region_ids=parse_ids(filters.region_ids, "regionIds"),
        date_from=filters.date_from,
        date_to=filters.date_to,
    )


@strawberry.type
class SearchQuery:
    @strawberry.field(
        description="Search every OPD's public pages and documents in Indonesian, "
        "with synonyms, typo tolerance, filters, facets and highlights."
    )
    def search(
        self,
        query: str,
        filters: SearchFilterInput | None = None,
        page: int = 1,
        page_size: int = 10,
    ) -> SearchResult:
        """Run a citizen search."""
        try:
            request = SearchRequest(
                text=query,
                filters=build_filters(filters),
                page=page,
                page_size=page_size,
            )
        except InvalidSearchRequest as error:
            raise GraphQLError(str(error)) from error
        return SearchResult.from_results(get_backend().search(request), request)

    @strawberry.field(
        description="Titles and service names whose words start with the typed words."
    )
    def autocomplete(
        self, prefix: str, limit: int = 8
    ) -> list[AutocompleteSuggestionType]:
        """Offer completions for a prefix."""
        if not 1 <= limit <= MAX_AUTOCOMPLETE:
            raise GraphQLError(f"Invalid limit {limit}: use 1 to {MAX_AUTOCOMPLETE}.")
        if len(prefix) > 100:
            raise GraphQLError(
                f"Prefix of {len(prefix)} characters is too long: use at most 100."
            )
        suggestions = get_backend().autocomplete(prefix, limit)
        return [AutocompleteSuggestionType.from_suggestion(s) for s in suggestions]
