"""Wagtail admin wiring: report, home panel, page buttons, history action, snippets."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .access import can_view_report, editable_pages
from .actions import CONFIRM_ACTION, can_confirm
from .models import UpdatePolicy
from .panels import homepage_panel_for
from .views import (
    ConfirmAccurateView,
    FreshnessReportView,
    HandleOutdatedReportView,
    OPDFreshnessView,
    OutdatedReportQueueView,
)


@hooks.register("register_log_actions")
def register_freshness_log_actions(actions):
    actions.register_action(
        CONFIRM_ACTION, "Konfirmasi isi masih akurat", "Isi dikonfirmasi masih akurat"
    )


@hooks.register("register_admin_urls")
def register_freshness_urls():
    report = FreshnessReportView.as_view()
    return [
        path("reports/freshness/", report, name="freshness_report"),
        path(
            "reports/freshness/results/",
            FreshnessReportView.as_view(results_only=True),
            name="freshness_report_results",
        ),
        path(
            "reports/freshness/<int:opd_id>/",
            OPDFreshnessView.as_view(),
            name="freshness_report_opd",
        ),
        path(
            "freshness/confirm/<int:page_id>/",
            ConfirmAccurateView.as_view(),
            name="freshness_confirm_accurate",
        ),
        path(
            "freshness/citizen-reports/",
            OutdatedReportQueueView.as_view(),
            name="freshness_outdated_reports",
        ),
        path(
            "freshness/citizen-reports/<int:report_id>/handle/",
            HandleOutdatedReportView.as_view(),
            name="freshness_handle_outdated_report",
        ),
    ]


class FreshnessReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_report(request.user)


@hooks.register("register_reports_menu_item")
def register_freshness_report_menu_item():
    return FreshnessReportMenuItem(
        "Kemutakhiran OPD",
        reverse("freshness_report"),
        name="freshness",
        icon_name="time",
        order=1050,
    )


class OutdatedReportsMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return can_view_report(user) or editable_pages(user).exists()


@hooks.register("register_admin_menu_item")
def register_outdated_reports_menu_item():
    return OutdatedReportsMenuItem(
        "Laporan warga",
        reverse("freshness_outdated_reports"),
        name="citizen-reports",
        icon_name="warning",
        order=350,
    )


class ConfirmAccurateButton(PageMenuItem):
    label = "Konfirmasi masih akurat"
    icon_name = "check"
    url_name = "freshness_confirm_accurate"

    def is_shown(self, user):
        return can_confirm(self.page, user)


@hooks.register("register_page_header_buttons")
def page_header_confirm_button(page, user, view_name, next_url=None):
    yield ConfirmAccurateButton(page=page, next_url=next_url, priority=66)


@hooks.register("register_page_listing_more_buttons")
def page_listing_confirm_button(page, user, next_url=None):
    yield ConfirmAccurateButton(page=page, next_url=next_url, priority=55)


@hooks.register("construct_homepage_panels")
def add_freshness_panel(request, panels):
    panel = homepage_panel_for(request)
    if panel is not None:
        panels.append(panel)


class UpdatePolicyViewSet(SnippetViewSet):
    model = UpdatePolicy
    icon = "time"
    menu_label = "Kebijakan pemutakhiran"
    add_to_admin_menu = False
    list_display = ["content_kind", "opd", "interval_months"]
    list_filter = ["content_kind"]


register_snippet(UpdatePolicyViewSet)
