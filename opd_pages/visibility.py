"""The one definition of what the public may see.

GraphQL, search indexing, sitemaps and freshness counts call these functions,
so a visibility rule is fixed here and nowhere else.

A page is public when it is live, neither it nor any ancestor has a view
restriction, and every ancestor is live. A document is public when its
collection (and every ancestor collection) has no view restriction and it is
not attached to an exempt public information item.
"""

from django.db.models import Q, QuerySet
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)


def _under_any(paths) -> Q:
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


def public_pages(queryset: QuerySet | None = None) -> QuerySet:
    """Filter ``queryset`` (default: every page) down to what the public may see."""
    if queryset is None:
        queryset = Page.objects.all()
    restricted_paths = PageViewRestriction.objects.values_list("page__path", flat=True)
    # Only a non-live page with children can hide other pages.
    hidden_parent_paths = Page.objects.filter(live=False, numchild__gt=0).values_list(
        "path", flat=True
    )
    return queryset.filter(live=True).exclude(
        _under_any(list(restricted_paths) + list(hidden_parent_paths))
    )


def is_page_public(page: Page) -> bool:
    """Whether one page is visible to the public, by the same rule as ``public_pages``."""
    return public_pages(Page.objects.filter(pk=page.pk)).exists()


def restricted_collection_ids() -> set[int]:
    """IDs of collections that have a view restriction themselves or above them."""
    restricted_paths = CollectionViewRestriction.objects.values_list(
        "collection__path", flat=True
    )
    paths = list(restricted_paths)
    if not paths:
        return set()
    return set(
        Collection.objects.filter(_under_any(paths)).values_list("pk", flat=True)
    )


def exempt_document_ids() -> QuerySet:
    """IDs of documents attached to an exempt public information item."""
    from .models import InformationCategory, PublicInformationAttachment

    return PublicInformationAttachment.objects.filter(
        page__category=InformationCategory.DIKECUALIKAN
    ).values("document_id")


def public_documents(queryset: QuerySet | None = None) -> QuerySet:
    """Filter ``queryset`` (default: every document) down to what the public may download."""
    if queryset is None:
        queryset = get_document_model().objects.all()
    return queryset.exclude(collection_id__in=restricted_collection_ids()).exclude(
        pk__in=exempt_document_ids()
    )
