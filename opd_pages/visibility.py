"""The one definition of what the public may see.

GraphQL, search indexing, sitemaps and freshness counts call these functions,
so a visibility rule is fixed here and nowhere else.

A page is public when it is live, neither it nor any ancestor has a view
restriction, every ancestor is live, and neither it nor any ancestor is an
alias of a page that is not public. An alias shows its original's content, so
it never reaches more people than the original. A document is public when its
collection (and every ancestor collection) has no view restriction and it is
not attached to an exempt public information item.
"""

from django.db.models import Q, QuerySet
from django.utils import timezone
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
    """Filter ``queryset`` (default: every page) down to what the public may see.

    A page whose ``expire_at`` has passed is hidden, with its subtree, even
    while it is still live because ``publish_scheduled`` has not run yet.
    """
    if queryset is None:
        queryset = Page.objects.all()
    now = timezone.now()
    queryset = queryset.exclude(expire_at__lt=now)
    # Paths of view-restricted pages and of expired live pages with children,
    # fetched in one query.
    expired_parent_paths = Page.objects.filter(
        live=True, expire_at__lt=now, numchild__gt=0
    ).values_list("path", flat=True)
    restricted_paths = (
        PageViewRestriction.objects.values_list("page__path", flat=True)
        .order_by()
        .union(expired_parent_paths.order_by())
    )
    # Only a non-live page with children can hide other pages. Aliases come
    # with the same query, so the alias rule costs no extra query.
    hiding_rows = Page.objects.filter(
        Q(live=False, numchild__gt=0) | Q(alias_of__isnull=False)
    ).values_list("path", "live", "alias_of__path", "alias_of__live")
    hidden_paths = list(restricted_paths)
    aliases = []
    for path, live, original_path, original_live in hiding_rows:
        if not live:
            hidden_paths.append(path)
        elif original_path is not None:
            aliases.append((path, original_path, original_live))
    hidden_paths += hidden_alias_paths(aliases, hidden_paths)
    return queryset.filter(live=True).exclude(_under_any(hidden_paths))


def hidden_alias_paths(aliases, hidden_paths: list[str]) -> list[str]:
    """Return the paths of aliases whose original is not public.

    ``aliases`` contains ``(path, original_path, original_live)`` for each live
    alias. An alias of an alias points at the alias, so the check repeats
    until no further alias becomes hidden.
    """
    hidden = list(hidden_paths)
    found = []
    remaining = list(aliases)
    changed = True
    while changed:
        changed = False
        for alias in list(remaining):
            path, original_path, original_live = alias
            if not original_live or original_path.startswith(tuple(hidden)):
                hidden.append(path)
                found.append(path)
                remaining.remove(alias)
                changed = True
    return found


def is_page_public(page: Page) -> bool:
    """Return whether one page is visible to the public, by the rule of ``public_pages``."""
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
