"""Filters and orderings shared by the listing fields.

Every filter either narrows the queryset or raises InvalidInputError that
names the value; none is accepted and then ignored.
"""

from __future__ import annotations

import datetime
from enum import Enum

import strawberry
from django.db.models import F, OrderBy, Q, QuerySet
from wagtail.models import Page

from opd_pages.models import (
    AnnouncementPage,
    EventPage,
    NewsPage,
    OPDPage,
)

from .errors import InvalidInputError
from .loaders import visible_pages


@strawberry.enum(description="Order of a listing; ties are broken by page id.")
class ListingOrder(Enum):
    NEWEST_FIRST = "newest_first"
    OLDEST_FIRST = "oldest_first"
    TITLE = "title"
    RECENTLY_PUBLISHED = "recently_published"


# The date a listing of each type sorts and filters on; other types use the
# first publication time.
DATE_FIELDS: dict[type[Page], str] = {
    NewsPage: "date",
    AnnouncementPage: "valid_from",
    EventPage: "start",
}


def date_field(model: type) -> str:
    """Return the name of the field that dates pages of ``model``."""
    return DATE_FIELDS.get(model, "first_published_at")


def ordering(model: type, order: ListingOrder) -> list[OrderBy]:
    """Return the ORDER BY terms for ``order``, always ending in the primary key."""
    dated = date_field(model)
    if order is ListingOrder.OLDEST_FIRST:
        return [F(dated).asc(nulls_last=True), F("pk").asc()]
    if order is ListingOrder.TITLE:
        return [F("title").asc(), F("pk").asc()]
    if order is ListingOrder.RECENTLY_PUBLISHED:
        return [F("last_published_at").desc(nulls_last=True), F("pk").desc()]
    return [F(dated).desc(nulls_last=True), F("pk").desc()]


def find_opd(slug_or_abbreviation: str) -> OPDPage:
    """Return the public OPD with this slug or abbreviation (case-insensitive)."""
    value = slug_or_abbreviation.strip()
    match = (
        visible_pages(OPDPage.objects.all())
        .filter(Q(slug__iexact=value) | Q(abbreviation__iexact=value))
        .first()
    )
    if match is None:
        raise InvalidInputError(
            f"No OPD has slug or abbreviation {slug_or_abbreviation!r}: "
            "list them with the `opds` query."
        )
    return match


def filter_by_opd(queryset: QuerySet, opd: str | None) -> QuerySet:
    """Keep pages owned by the OPD named ``opd`` (slug or abbreviation)."""
    if opd is None:
        return queryset
    return queryset.filter(opd_id=find_opd(opd).pk)


def tag_through_models(model: type) -> list[type]:
    """Return the tag through-models that apply to pages of ``model``."""
    from django.apps import apps

    from opd_pages.models import BekasiPage

    if model is Page:
        candidates = [m for m in apps.get_models() if issubclass(m, BekasiPage)]
    else:
        candidates = [model]
    throughs = []
    for candidate in candidates:
        relation = candidate._meta.fields_map.get("tagged_items")
        if relation is not None:
            throughs.append(relation.related_model)
    return throughs


def filter_by_tag(queryset: QuerySet, tag: str | None) -> QuerySet:
    """Keep pages tagged ``tag`` (slug or name); a subquery keeps nodes distinct."""
    if tag is None:
        return queryset
    throughs = tag_through_models(queryset.model)
    if not throughs:
        raise InvalidInputError(
            f"Pages of type {queryset.model.__name__} have no tags: remove `tag`."
        )
    matches_tag = Q(tag__slug=tag.strip().lower()) | Q(tag__name__iexact=tag.strip())
    condition = Q(pk__in=[])
    for through in throughs:
        tagged = through.objects.filter(matches_tag).values("content_object_id")
        condition |= Q(pk__in=tagged)
    return queryset.filter(condition)


def filter_by_dates(
    queryset: QuerySet,
    date_from: datetime.date | None,
    date_to: datetime.date | None,
) -> QuerySet:
    """Keep pages whose listing date lies in [date_from, date_to] (Asia/Jakarta)."""
    if date_from and date_to and date_to < date_from:
        raise InvalidInputError(
            f"Invalid date range {date_from}..{date_to}: `dateTo` is before `dateFrom`."
        )
    field = date_field(queryset.model)
    # DateField compares directly; DateTimeField by its date in Asia/Jakarta.
    lookup = field if field == "date" or field == "valid_from" else f"{field}__date"
    if date_from:
        queryset = queryset.filter(**{f"{lookup}__gte": date_from})
    if date_to:
        queryset = queryset.filter(**{f"{lookup}__lte": date_to})
    return queryset
