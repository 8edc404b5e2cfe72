"""The admin home panel that shows an editor their own OPDs' overdue items."""

from dataclasses import replace

from django.template.loader import render_to_string
from wagtail.admin.ui.components import Component

from .access import can_view_report, editable_opd_scope
from .models import OutdatedReport
from .status import OPDFreshness, opd_freshness_map


def overdue_for_user(user, today=None) -> list[OPDFreshness]:
    """Return the freshness of each OPD ``user`` edits in, with only the items they may edit.

    A user whose page permissions cover one section of an OPD sees that
    section's items; the news duty shows when they may edit the OPD page.
    """
    opd_ids, page_ids = editable_opd_scope(user)
    if not opd_ids:
        return []
    statuses = opd_freshness_map(opd_ids=opd_ids, today=today)
    scoped = []
    for status in statuses.values():
        items = [
            item
            for item in status.overdue_items
            if (item.page_id or status.opd_id) in page_ids
        ]
        scoped.append(replace(status, overdue_items=items))
    return scoped


class FreshnessPanel(Component):
    order = 60

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        user = self.request.user
        statuses = overdue_for_user(user)
        if not statuses:
            return ""
        open_reports = OutdatedReport.objects.filter(
            handled_at__isnull=True, opd_id__in=[status.opd_id for status in statuses]
        ).count()
        return render_to_string(
            "freshness/home_panel.html",
            {"statuses": statuses, "open_reports": open_reports},
            request=self.request,
        )


class CoordinatorPanel(Component):
    order = 60

    def render_html(self, parent_context=None):
        return render_to_string("freshness/coordinator_panel.html")


def homepage_panel_for(request) -> Component | None:
    """Return the report link for coordinators, the scoped panel for editors."""
    if can_view_report(request.user):
        return CoordinatorPanel()
    return FreshnessPanel(request)
