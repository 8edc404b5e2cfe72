"""Admin views that keep each OPD's pages to its own staff, plus the coordinator's view.

The coordinator reads every OPD through ``AllOPDPagesView``, ``PageReadOnlyView``
and ``PageReadOnlyPreviewView``. None of them offers a form or a button that
changes a page. ``ScopedPageTypesUsageView`` replaces Wagtail's page types usage
report, whose counts and "last edited page" column would otherwise span every
agency.
"""

from __future__ import annotations

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Substr
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView, View
from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.tables import (
    Column,
    DateColumn,
    LiveStatusTagColumn,
    TitleColumn,
)
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page, PageLogEntry, get_page_content_types
from wagtail.permissions import page_permission_policy

from .models import OPDPage
from .permissions import can_read_all_opds, granted_page_paths, own_pages

# Root (depth 1) > OPD directory (depth 2) > OPD page (depth 3).
OPD_DEPTH = 3
HISTORY_LIMIT = 100


class ReadAllRequiredMixin:
    """Reject users who are neither superusers nor holders of the read-all permission."""

    def dispatch(self, request, *args, **kwargs):
        if not can_read_all_opds(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def opd_path_choices() -> list[tuple[str, str]]:
    return list(OPDPage.objects.order_by("title").values_list("path", "title"))


class AllOPDPagesFilterSet(WagtailFilterSet):
    opd = django_filters.ChoiceFilter(
        label="OPD", choices=opd_path_choices, method="filter_opd"
    )
    content_type = ContentTypeFilter(
        label="Jenis halaman",
        queryset=lambda request: get_page_content_types(include_base_page_type=False),
    )

    class Meta:
        model = Page
        fields = ["opd", "live", "content_type"]

    def filter_opd(self, queryset, name, value):
        return queryset.filter(path__startswith=value)


def read_only_url(page: Page) -> str:
    return reverse("opd_read_only:page", args=[page.pk])


class AllOPDPagesView(ReadAllRequiredMixin, ReportView):
    """Every page of every OPD, for the coordinator, with links to read-only views."""

    page_title = "Semua halaman OPD"
    header_icon = "folder-open-inverse"
    index_url_name = "opd_read_only:index"
    index_results_url_name = "opd_read_only:index_results"
    filterset_class = AllOPDPagesFilterSet
    model = Page
    columns = [
        TitleColumn("title", label="Judul", get_url=read_only_url),
        Column("opd_title", label="OPD"),
        Column("page_type_display_name", label="Jenis"),
        LiveStatusTagColumn(),
        DateColumn("latest_revision_created_at", label="Terakhir diubah"),
        DateColumn("last_published_at", label="Terakhir terbit"),
    ]
    list_export = [
        "title",
        "opd_title",
        "url_path",
        "status_string",
        "latest_revision_created_at",
        "last_published_at",
    ]
    export_headings = {
        "title": "Judul",
        "opd_title": "OPD",
        "url_path": "Path",
        "status_string": "Status",
        "latest_revision_created_at": "Terakhir diubah",
        "last_published_at": "Terakhir terbit",
    }

    def get_queryset(self):
        opd_path_length = OPD_DEPTH * Page.steplen
        opd_title = OPDPage.objects.filter(
            path=Substr(OuterRef("path"), 1, opd_path_length)
        ).values("title")[:1]
        return (
            Page.objects.filter(depth__gte=OPD_DEPTH)
            .annotate(opd_title=Subquery(opd_title))
            .annotate_approved_schedule()
            .prefetch_workflow_states()
            .select_related("content_type")
            .order_by("path")
        )


class PageReadOnlyView(ReadAllRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """One page's facts and history, with no action that changes it."""

    template_name = "opd_pages/admin/page_read_only.html"
    header_icon = "doc-empty-inverse"

    def dispatch(self, request, page_id, *args, **kwargs):
        self.page = get_object_or_404(Page, pk=page_id, depth__gt=1).specific
        return super().dispatch(request, page_id, *args, **kwargs)

    def get_page_title(self):
        return self.page.get_admin_display_title()

    def get_page_subtitle(self):
        return "Baca saja"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("opd_read_only:index"), "label": "Semua halaman OPD"},
            {"url": "", "label": self.page.get_admin_display_title()},
        ]

    def get_context_data(self, **kwargs):
        page = self.page
        history = (
            PageLogEntry.objects.filter(page=page)
            .select_related("user", "revision")
            .order_by("-timestamp", "-pk")[:HISTORY_LIMIT]
        )
        owning_opd = OPDPage.objects.filter(
            path=page.path[: OPD_DEPTH * Page.steplen]
        ).first()
        return super().get_context_data(
            page=page,
            owning_opd=owning_opd,
            history=history,
            history_limit=HISTORY_LIMIT,
            is_restricted=page.get_view_restrictions().exists(),
            public_path=page.get_url(self.request) or page.url_path,
            preview_url=reverse("opd_read_only:preview", args=[page.pk]),
            **kwargs,
        )


class PageReadOnlyPreviewView(ReadAllRequiredMixin, View):
    """Render the page's latest revision, draft or not, as the public would see it."""

    def get(self, request, page_id):
        # The tree root (depth 1) is not a real page and has nothing to preview.
        page = get_object_or_404(Page, pk=page_id, depth__gt=1).specific
        revision = page.latest_revision
        shown = revision.as_object() if revision else page
        return shown.make_preview_request(request, shown.default_preview_mode)


class ScopedPageTypesUsageView(PageTypesUsageReportView):
    """Wagtail's page types usage report, counting only the pages the user may see.

    The coordinator has no page permission, so the read-all permission also
    opens the report.
    """

    def user_has_any_permission(self, permissions):
        if can_read_all_opds(self.request.user):
            return True
        return super().user_has_any_permission(permissions)

    def get_queryset(self):
        user = self.request.user
        if can_read_all_opds(user):
            return super().get_queryset()
        self.queryset = ContentType.objects.filter(model__in=self.page_models)
        queryset = self.filter_queryset(self.queryset)
        counted = Q(pk__in=[])
        for path in granted_page_paths(user):
            counted |= Q(pages__path__startswith=path)
        latest_edited = own_pages(
            user, Page.objects.filter(content_type=OuterRef("pk"))
        ).order_by(F("latest_revision_created_at").desc(nulls_last=True), "-pk")
        return queryset.annotate(
            count=Count("pages", filter=counted),
            last_edited_page_id=Subquery(latest_edited.values("pk")[:1]),
        ).order_by("-count", "app_label", "model")


class OPDPagesSummaryItem(SummaryItem):
    """The dashboard's page count, limited to the pages the user may see."""

    order = 100
    template_name = "opd_pages/admin/summary_pages.html"

    def get_context_data(self, parent_context):
        user = self.request.user
        pages = own_pages(user, Page.objects.filter(depth__gte=OPD_DEPTH))
        if can_read_all_opds(user):
            link = reverse("opd_read_only:index")
        else:
            root = page_permission_policy.explorable_root_instance(user)
            link = reverse("wagtailadmin_explore", args=[root.pk]) if root else ""
        return {"total_pages": pages.count(), "link": link}

    def is_shown(self):
        user = self.request.user
        return can_read_all_opds(user) or bool(granted_page_paths(user))
