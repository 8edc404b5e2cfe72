"""Querysets of public pages with their relations fetched in a constant number of queries.

Wagtail pages use multi-table inheritance, so listings query the concrete
model where the type is known, and ``specific_pages`` batches the lookup per
type where it is not. Every page that a GraphQL field returns passes through
``visible_pages``, the one filter in front of ``opd_pages.visibility``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Count, F, Model, Prefetch, QuerySet, Window
from django.db.models.functions import RowNumber
from wagtail.images import get_image_model
from wagtail.models import Page

from opd_pages.models import OPDPage, PublicInformationPage, ServicePage
from opd_pages.visibility import public_pages

from .pagination import Window as PageWindow
from .types.media import RENDITION_FILTERS


def visible_pages(queryset: QuerySet) -> QuerySet:
    """Narrow ``queryset`` to pages the public may see.

    Every field that returns pages (listings, lookups, parent, children,
    ancestors, related OPDs) goes through here, so no field can leak a draft
    or a private page.
    """
    return public_pages(queryset)


def _images_with_renditions() -> QuerySet:
    return get_image_model().objects.prefetch_renditions(*RENDITION_FILTERS.values())


def _field_names(model: type[Model]) -> set[str]:
    return {field.name for field in model._meta.get_fields()}


def with_relations(queryset: QuerySet) -> QuerySet:
    """Add the joins and prefetches every page type's GraphQL fields need."""
    model = queryset.model
    names = _field_names(model)
    queryset = queryset.select_related(*[n for n in ("opd", "region") if n in names])
    if "hero_image" in names:
        queryset = queryset.prefetch_related(
            Prefetch("hero_image", queryset=_images_with_renditions())
        )
    if "tagged_items" in names:
        queryset = queryset.prefetch_related("tagged_items__tag")
    if issubclass(model, OPDPage):
        queryset = queryset.select_related("kecamatan").prefetch_related(
            Prefetch("logo", queryset=_images_with_renditions())
        )
    if issubclass(model, PublicInformationPage):
        queryset = queryset.prefetch_related("attachments__document")
    if issubclass(model, ServicePage):
        queryset = queryset.prefetch_related(
            Prefetch(
                "related_opds",
                queryset=visible_pages(OPDPage.objects.order_by("title", "pk")),
            )
        )
    return queryset


def specific_pages(queryset: QuerySet) -> list[Page]:
    """Return the specific page objects of ``queryset`` in its order.

    Costs one query for the base rows plus one (and its prefetches) per page
    type present, whatever the number of pages.
    """
    rows = list(queryset.values_list("pk", "content_type_id"))
    ids_by_type: dict[int, list[int]] = defaultdict(list)
    for pk, content_type_id in rows:
        ids_by_type[content_type_id].append(pk)
    by_pk: dict[int, Page] = {}
    for content_type_id, ids in ids_by_type.items():
        model = _model_for_content_type(content_type_id)
        if model is None:
            continue
        for page in with_relations(model.objects.filter(pk__in=ids)):
            by_pk[page.pk] = page
    return [by_pk[pk] for pk, _ in rows if pk in by_pk]


def _model_for_content_type(content_type_id: int) -> type[Page] | None:
    from django.contrib.contenttypes.models import ContentType

    from .types.registry import PAGE_TYPES

    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return model if model in PAGE_TYPES else None


def page_slice(queryset: QuerySet, window: PageWindow) -> tuple[list[Any], int]:
    """Return one page of ``queryset`` (ordered) and the distinct total count."""
    total = queryset.count()
    items = list(queryset[window.offset : window.offset + window.limit])
    return items, total


def grouped_slices(
    queryset: QuerySet,
    group_field: str,
    group_ids: list[int],
    ordering: list[Any],
    window: PageWindow,
) -> tuple[dict[int, list[Any]], dict[int, int]]:
    """Return the same window of ``queryset`` for every group in two queries.

    Used for nested listings (the news of each OPD in a list of OPDs): a
    window function numbers the rows within each group, so the cost does not
    grow with the number of groups.
    """
    scoped = queryset.filter(**{f"{group_field}__in": group_ids})
    totals = dict(
        scoped.order_by()
        .values_list(group_field)
        .annotate(total=Count("pk"))
        .values_list(group_field, "total")
    )
    numbered = scoped.annotate(
        position=Window(RowNumber(), partition_by=F(group_field), order_by=ordering)
    ).filter(position__gt=window.offset, position__lte=window.offset + window.limit)
    items: dict[int, list[Any]] = defaultdict(list)
    for item in numbered.order_by(group_field, "position"):
        items[getattr(item, f"{group_field}")].append(item)
    return items, totals
