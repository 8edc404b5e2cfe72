"""Wagtail's REST API v2 over the same public content as GraphQL.

It serves the same visibility rule (``opd_pages.visibility``) and exposes the
news fields of the GraphQL news listing, so the two can be compared on equal
terms (see ``benchmarks/graphql_vs_rest.py``).
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.fields import ImageRenditionField

from opd_pages.models import NewsPage
from opd_pages.visibility import public_pages

from .types.media import RENDITION_FILTERS, RenditionSize


class OwningOPDSerializer(serializers.Serializer):
    """The owning OPD of a page, as the GraphQL `opd` field gives it."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()
    abbreviation = serializers.CharField()


# Fields the REST API adds per page model, next to the model's own api_fields.
REST_FIELDS: dict[type, list[APIField]] = {
    NewsPage: [
        APIField("date"),
        APIField("summary"),
        APIField("opd", serializer=OwningOPDSerializer()),
        APIField(
            "hero_image_card",
            serializer=ImageRenditionField(
                RENDITION_FILTERS[RenditionSize.CARD], source="hero_image"
            ),
        ),
        APIField("tags"),
    ],
}


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint limited to ``public_pages()``."""

    @classmethod
    def get_body_fields(cls, model: Any) -> list[Any]:
        fields = super().get_body_fields(model)
        return fields + cls._convert_api_fields(REST_FIELDS.get(model, []))

    def get_base_queryset(self) -> Any:
        return public_pages(super().get_base_queryset())


rest_api_router = WagtailAPIRouter("wagtailapi")
rest_api_router.register_endpoint("pages", PublicPagesAPIViewSet)
