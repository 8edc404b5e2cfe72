"""Which OPD pages an admin user may read, and the privacy rules for copy and move.

Wagtail grants page permissions on a subtree through ``GroupPagePermission``.
Each OPD's editor and moderator groups have permissions on that OPD's page
only, so "the pages of my agencies" is every page at or below a page on which
one of the user's groups has a permission. Editors and moderators never see
another agency's pages in the admin. The coordinator has the
``opd_pages.view_all_opds`` permission instead of page permissions: it reads
every OPD through the read-only views in ``opd_pages.admin_views`` and can
edit, publish or delete nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from wagtail.models import GroupPagePermission, Page, PageViewRestriction

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

READ_ALL_OPDS_CODENAME = "view_all_opds"
READ_ALL_OPDS_PERMISSION = f"opd_pages.{READ_ALL_OPDS_CODENAME}"
READ_ALL_OPDS_NAME = "Can read every OPD's pages in the admin (read-only)"

_GRANTED_PATHS_CACHE = "_opd_granted_page_paths"


def ensure_read_all_permission() -> Permission:
    """Return the coordinator's read-all permission, creating it on first use.

    The permission is a row of its own rather than a model ``Meta`` entry, so
    ``bootstrap`` creates it and no migration is needed.
    """
    from .models import OPDPage

    permission, _ = Permission.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(OPDPage),
        codename=READ_ALL_OPDS_CODENAME,
        defaults={"name": READ_ALL_OPDS_NAME},
    )
    return permission


def can_read_all_opds(user: AbstractBaseUser) -> bool:
    """Return whether ``user`` is a superuser or has the read-all permission."""
    if not user.is_active or user.is_anonymous:
        return False
    return user.is_superuser or user.has_perm(READ_ALL_OPDS_PERMISSION)


def granted_page_paths(user: AbstractBaseUser) -> list[str]:
    """Tree paths of the pages on which the user's groups hold any page permission.

    The result is cached on the user object for the rest of the request.
    """
    if not user.is_active or user.is_anonymous:
        return []
    if not hasattr(user, _GRANTED_PATHS_CACHE):
        paths = (
            GroupPagePermission.objects.filter(group__user=user)
            .values_list("page__path", flat=True)
            .distinct()
        )
        setattr(user, _GRANTED_PATHS_CACHE, sorted(set(paths)))
    return getattr(user, _GRANTED_PATHS_CACHE)


def _under_any(paths: list[str]) -> Q:
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


def _ancestor_paths(paths: list[str]) -> set[str]:
    steplen = Page.steplen
    return {path[:end] for path in paths for end in range(steplen, len(path), steplen)}


def own_pages(user: AbstractBaseUser, queryset: QuerySet | None = None) -> QuerySet:
    """Filter ``queryset`` (default: every page) to the pages of the user's agencies.

    A superuser or coordinator keeps every page. Anyone else keeps the pages at
    or below a page their groups hold a permission on, whatever their state.
    """
    if queryset is None:
        queryset = Page.objects.all()
    if can_read_all_opds(user):
        return queryset
    return queryset.filter(_under_any(granted_page_paths(user)))


def navigable_pages(user: AbstractBaseUser, queryset: QuerySet) -> QuerySet:
    """Filter ``queryset`` to the user's own pages plus the ancestors leading to them.

    The page chooser needs the ancestors (the tree root and the OPD directory)
    so that an editor can browse down to their own agency.
    """
    if can_read_all_opds(user):
        return queryset
    paths = granted_page_paths(user)
    return queryset.filter(_under_any(paths) | Q(path__in=_ancestor_paths(paths)))


def can_read_page(user: AbstractBaseUser, page: Page) -> bool:
    """Return whether ``user`` may see ``page`` in the admin, by the rule of ``own_pages``."""
    if can_read_all_opds(user):
        return True
    return any(page.path.startswith(path) for path in granted_page_paths(user))


def can_navigate_to(user: AbstractBaseUser, page: Page) -> bool:
    """Return whether ``page`` is one of the user's own pages or an ancestor of one."""
    if can_read_page(user, page):
        return True
    return page.path in _ancestor_paths(granted_page_paths(user))


# Privacy on copy, alias and move
#
# A page's audience is the set of view restrictions on the page and on its
# ancestors. Two restrictions are equivalent when they have the same type,
# password and groups, so a copy under the same private parent keeps the
# audience although its restriction rows differ.

RestrictionSignature = tuple[str, str, frozenset[int]]


def restriction_signature(restriction: PageViewRestriction) -> RestrictionSignature:
    """Describe a view restriction by who it lets in, ignoring which page it is set on."""
    group_ids = frozenset(restriction.groups.values_list("pk", flat=True))
    return (restriction.restriction_type, restriction.password, group_ids)


def signatures(restrictions) -> set[RestrictionSignature]:
    return {restriction_signature(restriction) for restriction in restrictions}


def _restrictions_above(page: Page) -> QuerySet:
    return PageViewRestriction.objects.filter(
        page__path__in=_ancestor_paths([page.path])
    )


def pages_losing_privacy_on_copy(
    source: Page, destination: Page, recursive: bool
) -> list[Page]:
    """List the pages whose copy or alias under ``destination`` would be less private.

    Wagtail 8.0's copy gives each new page the destination's restrictions when
    the destination has any, and otherwise the restrictions set directly on
    ``source``. Restrictions inherited from above ``source`` and, on a copy
    with subpages, restrictions set on a subpage are not carried over. A page
    is listed when the audience of its copy would be wider than its own. The
    rule is also applied to aliases, where it can block a recursive alias that
    Wagtail would have kept private. That errs on the safe side.
    """
    copy_audience = signatures(destination.get_view_restrictions())
    if not copy_audience:
        copy_audience = signatures(source.view_restrictions.all())
    pages = [source]
    if recursive:
        pages += list(source.get_descendants())
    return [
        page
        for page in pages
        if not signatures(page.get_view_restrictions()) <= copy_audience
    ]


def move_loses_privacy(page: Page, destination: Page) -> bool:
    """Return whether moving ``page`` under ``destination`` would widen its audience.

    A moved page keeps the restrictions set on itself and its subpages. It
    loses the ones inherited from its old ancestors unless the destination
    applies equivalent ones.
    """
    inherited = signatures(_restrictions_above(page))
    kept = signatures(destination.get_view_restrictions()) | signatures(
        page.view_restrictions.all()
    )
    return not inherited <= kept
