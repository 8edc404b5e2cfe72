"""Admin entry point for headless preview: a signed token for the latest revision."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.models import Page

from .conf import api_settings
from .preview import make_preview_token

logger = logging.getLogger(__name__)

PREVIEW_QUERY = (
    "query Preview($token: String!) { preview(token: $token) "
    "{ __typename id title urlPath } }"
)


def preview_token_view(request: HttpRequest, page_id: int) -> HttpResponse:
    """Return a preview token for the page's latest revision to an editor of the page.

    With ``GRAPHQL_PREVIEW_URL`` set (e.g. ``https://app.example/preview?token={token}``)
    the editor is redirected to the frontend's preview screen instead.
    """
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    revision = page.latest_revision
    if revision is None:
        raise Http404("This page has no revision to preview yet: save a draft first.")
    token = make_preview_token(revision)
    logger.info(
        "preview token issued page_id=%s revision_id=%s user_id=%s",
        page.pk,
        revision.pk,
        request.user.pk,
    )
    frontend_url = getattr(settings, "GRAPHQL_PREVIEW_URL", "")
    if frontend_url:
        return redirect(frontend_url.format(token=token))
    return JsonResponse(
        {
            "revision": revision.pk,
            "token": token,
            "expiresInSeconds": api_settings().preview_max_age,
            "query": PREVIEW_QUERY,
        }
    )


@hooks.register("register_admin_urls")
def register_preview_token_url() -> list[Any]:
    return [
        path(
            "graphql-preview/<int:page_id>/",
            preview_token_view,
            name="graphql_preview_token",
        )
    ]


@hooks.register("register_page_header_buttons")
def preview_token_button(page, user, view_name, next_url=None):
    if page.permissions_for_user(user).can_edit():
        yield Button(
            "Pratinjau lewat API",
            reverse("graphql_preview_token", args=[page.pk]),
            icon_name="view",
            priority=75,
        )
