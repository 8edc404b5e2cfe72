"""Admin hooks that keep every OPD's pages to its own staff.

Wagtail 8.0 already filters the explorer, admin search, the admin API, the
"pages using this type" listing and the site history by the user's page
permissions, and rejects edit, preview, history, copy, move and delete of a
page the user cannot edit. These hooks close what it leaves open: the page
chooser, the explorer for a user of two OPDs, the dashboard's page count,
privacy lost on copy, move and bulk move, and the coordinator's read-only
access.
"""

import logging

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.models import Page

from .admin_urls import read_only_urlpatterns
from .admin_views import OPDPagesSummaryItem
from .permissions import (
    READ_ALL_OPDS_CODENAME,
    can_navigate_to,
    can_read_all_opds,
    move_loses_privacy,
    navigable_pages,
    pages_losing_privacy_on_copy,
)

logger = logging.getLogger(__name__)


class ReadAllMenuItem(MenuItem):
    def is_shown(self, request):
        return can_read_all_opds(request.user)


@hooks.register("register_admin_urls")
def register_read_only_urls():
    return [
        path(
            "opd-read-only/",
            include(
                (read_only_urlpatterns, "opd_read_only"), namespace="opd_read_only"
            ),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_read_only_menu_item():
    return ReadAllMenuItem(
        "Semua OPD (baca saja)",
        reverse("opd_read_only:index"),
        name="opd-read-only",
        icon_name="folder-open-inverse",
        order=150,
    )


@hooks.register("register_permissions")
def register_read_all_permission():
    return Permission.objects.filter(
        content_type__app_label="opd_pages", codename=READ_ALL_OPDS_CODENAME
    )


@hooks.register("construct_page_chooser_queryset")
def limit_chooser_to_own_opds(pages, request):
    # The chooser shows the parent page's title above the list, so a parent
    # outside the user's OPDs is rejected, not just emptied.
    parent_id = request.resolver_match.kwargs.get("parent_page_id")
    if parent_id is not None:
        parent = Page.objects.filter(pk=parent_id).first()
        if parent is not None and not can_navigate_to(request.user, parent):
            raise PermissionDenied
    return navigable_pages(request.user, pages)


@hooks.register("construct_explorer_page_queryset")
def reject_exploring_other_opds(parent_page, pages, request):
    # Wagtail lets a user with permissions on two OPDs explore any page below
    # their common ancestor, the OPD directory, which shows another agency's
    # page titles. Only the user's own pages and their ancestors may be explored.
    if not can_navigate_to(request.user, parent_page):
        raise PermissionDenied
    return pages


@hooks.register("before_serve_page")
def hide_alias_of_private_page(page, request, serve_args, serve_kwargs):
    # Wagtail checks only the alias's own restrictions, but an alias shows
    # its original's content. An alias, or a page below one, whose original
    # is not live or rejects this request is served as not found.
    candidates = [page, *page.get_ancestors().filter(alias_of__isnull=False)]
    for candidate in candidates:
        original = candidate.alias_of
        while original is not None:
            if not original.live:
                raise Http404
            for restriction in original.get_view_restrictions():
                if not restriction.accept_request(request):
                    raise Http404
            original = original.alias_of
    return None


@hooks.register("construct_homepage_summary_items")
def count_only_own_pages(request, summary_items):
    if request.user.is_superuser:
        return
    summary_items[:] = [
        item for item in summary_items if not isinstance(item, PagesSummaryItem)
    ]
    summary_items.append(OPDPagesSummaryItem(request))


def _copy_destination(request):
    try:
        return Page.objects.get(pk=int(request.POST.get("new_parent_page", "")))
    except (ValueError, Page.DoesNotExist):
        return None


@hooks.register("before_copy_page")
def keep_privacy_on_copy(request, page):
    if request.method != "POST":
        return None
    destination = _copy_destination(request)
    if destination is None:
        return None
    recursive = bool(request.POST.get("copy_subpages"))
    losing = pages_losing_privacy_on_copy(page, destination, recursive)
    if not losing:
        return None
    titles = ", ".join(f"'{lost.title}'" for lost in losing)
    messages.error(
        request,
        f"Salinan tidak dibuat: halaman {titles} dibatasi privasinya, tetapi salinan "
        f"di bawah '{destination.title}' akan terbuka lebih luas. Pilih tujuan yang "
        "memakai pembatasan privasi yang sama, atau atur privasi halaman tujuan "
        "terlebih dahulu.",
    )
    logger.info(
        "copy rejected for privacy page_id=%s destination_id=%s user_id=%s",
        page.pk,
        destination.pk,
        request.user.pk,
    )
    return redirect("wagtailadmin_pages:copy", page.pk)


@hooks.register("before_move_page")
def keep_privacy_on_move(request, page, destination):
    if not move_loses_privacy(page, destination):
        return None
    messages.error(
        request,
        f"Halaman '{page.title}' tidak dipindahkan: pembatasan privasi yang berlaku "
        f"di tempatnya sekarang tidak berlaku di bawah '{destination.title}', "
        "sehingga halaman akan terbuka lebih luas. Atur privasi halaman atau "
        "tujuannya terlebih dahulu.",
    )
    logger.info(
        "move rejected for privacy page_id=%s destination_id=%s user_id=%s",
        page.pk,
        destination.pk,
        request.user.pk,
    )
    return redirect("wagtailadmin_pages:move", page.pk)


class PrivacyKeepingMoveBulkAction(MoveBulkAction):
    """Wagtail's bulk move, rejected when a page would lose an inherited restriction.

    Wagtail 8.0's bulk move does not call the ``before_move_page`` hook, so the
    single-page rule is repeated here.
    """

    def prepare_action(self, pages, pages_without_access):
        destination = self.cleaned_form.cleaned_data["chooser"]
        losing = [page for page in pages if move_loses_privacy(page, destination)]
        if not losing:
            return super().prepare_action(pages, pages_without_access)
        titles = ", ".join(f"'{page.title}'" for page in losing)
        messages.error(
            self.request,
            f"Tidak ada halaman yang dipindahkan: halaman {titles} akan kehilangan "
            f"pembatasan privasinya di bawah '{destination.title}'. Atur privasi "
            "halaman atau tujuannya terlebih dahulu.",
        )
        logger.info(
            "bulk move rejected for privacy page_ids=%s destination_id=%s user_id=%s",
            [page.pk for page in losing],
            destination.pk,
            self.request.user.pk,
        )
        self.destination = destination
        return TemplateResponse(
            self.request,
            self.template_name,
            {"destination": destination, **self.get_context_data()},
        )


# A higher order runs after Wagtail's own registration, so this class replaces
# Wagtail's move action in the bulk action registry.
hooks.register("register_bulk_action", PrivacyKeepingMoveBulkAction, order=100)
