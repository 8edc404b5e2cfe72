"""Admin views: the coordinator report, its drill-down, confirmations and the queue."""

import logging
from datetime import date

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import TemplateView, View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from opd_pages.models import OPDKind, OPDPage

from .access import can_view_report, editable_pages
from .actions import ConfirmAccurateError, can_confirm, confirm_still_accurate
from .models import FreshnessSnapshot, OutdatedReport
from .policy import jakarta_today, jakarta_wall_clock, start_of_week
from .status import ATTENTION_SCORE, GOOD_SCORE, opd_freshness_map

logger = logging.getLogger(__name__)

TREND_WEEKS = 8
LEVEL_CHOICES = [
    ("baik", f"Baik (skor {GOOD_SCORE} ke atas)"),
    ("perlu perhatian", f"Perlu perhatian (skor {ATTENTION_SCORE}–{GOOD_SCORE - 1})"),
    ("tertinggal", f"Tertinggal (skor di bawah {ATTENTION_SCORE})"),
    ("terlambat", "Ada butir terlambat"),
]


class CoordinatorRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_view_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def attach_trends(statuses, today: date) -> None:
    """Fill each OPD's ``trend`` with its weekly snapshot scores, ending with today's."""
    this_week = start_of_week(today)
    first_week = date.fromordinal(this_week.toordinal() - 7 * (TREND_WEEKS - 1))
    snapshots = FreshnessSnapshot.objects.filter(
        opd_id__in=statuses.keys(), week_start__gte=first_week, week_start__lt=this_week
    ).order_by("week_start")
    for snapshot in snapshots:
        statuses[snapshot.opd_id].trend.append(snapshot.score)
    for status in statuses.values():
        status.trend.append(status.score)


def sparkline_points(scores: list[int], width: int = 96, height: int = 24) -> str:
    """Return SVG polyline points for scores from 0 to 100, oldest on the left."""
    if len(scores) == 1:
        scores = scores * 2
    step = width / (len(scores) - 1)
    return " ".join(
        f"{index * step:.1f},{height - score * height / 100:.1f}"
        for index, score in enumerate(scores)
    )


class TrendColumn(Column):
    """A small inline SVG line of weekly scores; no script or external chart library."""

    cell_template_name = "freshness/trend_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["points"] = sparkline_points(instance.trend)
        context["scores"] = instance.trend_text
        return context


LEVEL_COLOURS = {
    "baik": "#1d7a3e",
    "perlu perhatian": "#b26a00",
    "tertinggal": "#b3261e",
}


def level_summary(rows) -> list[dict]:
    """Count the listed OPDs per level, with each level's share for the bar chart."""
    total = len(rows) or 1
    summary, offset = [], 0.0
    for level, colour in LEVEL_COLOURS.items():
        count = sum(1 for row in rows if row.level == level)
        share = 100 * count / total
        summary.append(
            {
                "level": level,
                "count": count,
                "colour": colour,
                "x": f"{offset:.2f}",
                "width": f"{share:.2f}",
            }
        )
        offset += share
    return summary


class FreshnessReportFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label="Jenis OPD", choices=OPDKind.choices)
    level = django_filters.ChoiceFilter(
        label="Status", choices=LEVEL_CHOICES, method="filter_after_scoring"
    )

    class Meta:
        model = OPDPage
        fields = ["kind"]

    def filter_after_scoring(self, queryset, name, value):
        # The level depends on the computed score, so the view filters rows.
        return queryset


def sort_key_for(ordering: str):
    """Return a key function that sorts report rows by ``ordering``, blanks first."""
    name = ordering.lstrip("-")

    def key(row):
        value = getattr(row, name)
        if value is None:
            # Blank values sort before every value and equal to each other.
            return (False, 0)
        if isinstance(value, str):
            return (True, value.lower())
        return (True, value)

    return key


class FreshnessReportView(CoordinatorRequiredMixin, ReportView):
    """Every OPD's freshness score, overdue count, last publication and trend."""

    page_title = "Kemutakhiran informasi OPD"
    header_icon = "time"
    index_url_name = "freshness_report"
    index_results_url_name = "freshness_report_results"
    filterset_class = FreshnessReportFilterSet
    default_ordering = "score"
    paginate_by = 100
    export_filename = "kemutakhiran-opd"
    columns = [
        TitleColumn(
            "title", label="OPD", url_name="freshness_report_opd", sort_key="title"
        ),
        Column("abbreviation", label="Singkatan"),
        Column("score", label="Skor", sort_key="score"),
        Column("level", label="Status"),
        Column("overdue_count", label="Terlambat", sort_key="overdue_count"),
        Column("tracked_count", label="Kewajiban"),
        DateColumn(
            "last_published_at", label="Terbit terakhir", sort_key="last_published_at"
        ),
        TrendColumn("trend", label=f"Tren {TREND_WEEKS} pekan"),
    ]
    list_export = [
        "title",
        "abbreviation",
        "score",
        "level",
        "overdue_count",
        "tracked_count",
        "last_published_at",
        "trend_text",
    ]
    export_headings = {
        "title": "OPD",
        "abbreviation": "Singkatan",
        "score": "Skor",
        "level": "Status",
        "overdue_count": "Terlambat",
        "tracked_count": "Kewajiban",
        "last_published_at": "Terbit terakhir",
        "trend_text": f"Tren {TREND_WEEKS} pekan",
    }

    # Times are exported as Jakarta wall-clock time, as the admin shows them,
    # instead of Wagtail's default of UTC.
    custom_field_preprocess = {
        "last_published_at": {
            ReportView.FORMAT_CSV: lambda value: (
                jakarta_wall_clock(value).strftime("%Y-%m-%d %H:%M") if value else ""
            ),
            ReportView.FORMAT_XLSX: lambda value: (
                jakarta_wall_clock(value) if value else None
            ),
        }
    }

    results_template_name = "freshness/report_results.html"

    def get_base_queryset(self):
        return OPDPage.objects.all()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["level_summary"] = level_summary(self.object_list)
        return context

    def order_queryset(self, queryset):
        return queryset

    def get_filtered_queryset(self):
        # The filter set applies to OPD pages inside get_queryset; the rows
        # it returns are computed objects that no filter set can filter again.
        return self.get_queryset()

    def get_queryset(self):
        opds = self.filter_queryset(self.get_base_queryset())
        today = jakarta_today()
        statuses = opd_freshness_map(opd_ids=opds.values("pk"), today=today)
        attach_trends(statuses, today)
        rows = list(statuses.values())
        level = ""
        if self.filters and self.filters.is_valid():
            level = self.filters.form.cleaned_data.get("level")
        if level:
            if level == "terlambat":
                rows = [row for row in rows if row.overdue_count]
            else:
                rows = [row for row in rows if row.level == level]
        ordering = self.ordering or self.default_ordering
        rows.sort(key=sort_key_for(ordering), reverse=ordering.startswith("-"))
        return rows


class OPDFreshnessView(
    CoordinatorRequiredMixin, WagtailAdminTemplateMixin, TemplateView
):
    """One OPD's overdue items with links to their edit views."""

    template_name = "freshness/opd_detail.html"
    header_icon = "time"

    def get_page_title(self):
        return f"Kemutakhiran {self.opd.title}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": "", "label": self.get_page_title()},
        ]

    def get(self, request, opd_id):
        self.opd = get_object_or_404(OPDPage, pk=opd_id)
        return super().get(request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = jakarta_today()
        statuses = opd_freshness_map(opd_ids=[self.opd.pk], today=today)
        attach_trends(statuses, today)
        context["status"] = statuses[self.opd.pk]
        context["today"] = today
        return context


def safe_next_url(request, fallback: str) -> str:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return next_url
    return fallback


class ConfirmAccurateView(WagtailAdminTemplateMixin, TemplateView):
    """Ask for, then record, an editor's confirmation that a page is still accurate."""

    template_name = "freshness/confirm_accurate.html"
    page_title = "Konfirmasi isi masih akurat"
    header_icon = "check"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        self.next_url = safe_next_url(
            request, fallback=reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        )
        return super().dispatch(request, page_id)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = self.page
        context["next_url"] = self.next_url
        context["can_confirm"] = can_confirm(self.page, self.request.user)
        return context

    def post(self, request, page_id):
        try:
            confirm_still_accurate(self.page, request.user)
        except ConfirmAccurateError as error:
            messages.error(request, str(error))
            return redirect(self.next_url)
        messages.success(
            request, f"'{self.page.title}' dicatat masih akurat per hari ini."
        )
        return redirect(self.next_url)


def reports_for_user(user):
    """Return the citizens' reports ``user`` may handle: their OPD's, or all for coordinators."""
    reports = OutdatedReport.objects.select_related("page", "opd", "handled_by")
    if can_view_report(user):
        return reports
    return reports.filter(page__in=editable_pages(user))


class OutdatedReportQueueView(WagtailAdminTemplateMixin, TemplateView):
    """Citizens' reports on the pages this user edits: open ones, or handled ones."""

    template_name = "freshness/report_queue.html"
    page_title = "Laporan warga"
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (can_view_report(user) or editable_pages(user).exists()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        show_handled = self.request.GET.get("status") == "handled"
        reports = reports_for_user(self.request.user).filter(
            handled_at__isnull=not show_handled
        )
        context["reports"] = reports[:200]
        context["show_handled"] = show_handled
        return context


class HandleOutdatedReportView(View):
    """Mark one citizen's report as handled by the current user."""

    def post(self, request, report_id):
        report = get_object_or_404(reports_for_user(request.user), pk=report_id)
        if report.handled_at is None:
            report.handled_at = timezone.now()
            report.handled_by = request.user
            report.save(update_fields=["handled_at", "handled_by"])
            logger.info(
                "citizen report handled report_id=%s page_id=%s user_id=%s",
                report.pk,
                report.page_id,
                request.user.pk,
            )
        messages.success(request, f"Laporan #{report.pk} ditandai sudah ditangani.")
        return redirect("freshness_outdated_reports")
