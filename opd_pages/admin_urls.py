"""URL patterns of the OPD admin views.

``read_only_urlpatterns`` is mounted under the admin by a ``register_admin_urls``
hook. ``admin_override_urlpatterns`` must come before Wagtail's admin URLs in
``cms/urls.py``, because an override registered through a hook comes after
Wagtail's own pattern for the same path and never matches.
"""

from django.urls import path
from wagtail.admin.auth import require_admin_access

from . import admin_views

read_only_urlpatterns = [
    path("", admin_views.AllOPDPagesView.as_view(), name="index"),
    path(
        "results/",
        admin_views.AllOPDPagesView.as_view(results_only=True),
        name="index_results",
    ),
    path("<int:page_id>/", admin_views.PageReadOnlyView.as_view(), name="page"),
    path(
        "<int:page_id>/preview/",
        admin_views.PageReadOnlyPreviewView.as_view(),
        name="preview",
    ),
]

admin_override_urlpatterns = [
    path(
        "admin/reports/page-types-usage/",
        require_admin_access(admin_views.ScopedPageTypesUsageView.as_view()),
    ),
    path(
        "admin/reports/page-types-usage/results/",
        require_admin_access(
            admin_views.ScopedPageTypesUsageView.as_view(results_only=True)
        ),
    ),
]
