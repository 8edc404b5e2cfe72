"""Invalidate cached GraphQL responses whenever public content may change."""

from __future__ import annotations

import logging
from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.signals import page_published, page_unpublished, post_page_move

from opd_pages.models import Kecamatan, Kelurahan

from .views import bump_content_generation

logger = logging.getLogger(__name__)


def _invalidate(sender: Any, **kwargs: Any) -> None:
    bump_content_generation()
    logger.debug(
        "graphql cache invalidated sender=%s", getattr(sender, "__name__", sender)
    )


def _invalidate_for_pages(sender: Any, **kwargs: Any) -> None:
    if isinstance(sender, type) and issubclass(sender, Page):
        _invalidate(sender)


def connect_signals() -> None:
    """Connect cache invalidation to every change that can alter a response."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_invalidate, dispatch_uid=f"graphql_api.invalidate.{id(signal)}")
    post_save.connect(_invalidate_for_pages, dispatch_uid="graphql_api.page_saved")
    post_delete.connect(_invalidate_for_pages, dispatch_uid="graphql_api.page_deleted")
    watched = [
        PageViewRestriction,
        CollectionViewRestriction,
        Site,
        get_document_model(),
        get_image_model(),
        Kecamatan,
        Kelurahan,
    ]
    for model in watched:
        for signal in (post_save, post_delete):
            signal.connect(
                _invalidate,
                sender=model,
                dispatch_uid=f"graphql_api.invalidate.{model.__name__}.{id(signal)}",
            )
