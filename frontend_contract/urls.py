"""URLs of the reference client: its page at ``/`` and its files under ``/client/``.

Include these before Wagtail's page serving, which matches every other path.
"""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.client_index, name="client_index"),
    path(
        "client/operations.json",
        views.client_operations,
        name="client_operations",
    ),
    path("client/<path:relative>", views.client_asset, name="client_asset"),
]
