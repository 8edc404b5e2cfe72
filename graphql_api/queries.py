"""Root query fields for public content: OPDs, pages, listings, regions, preview."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import strawberry
from django.db.models import Q, QuerySet
from django.utils import timezone
from strawberry.types import Info
from wagtail.models import Page

from opd_pages import models as page_models

from .context import api_context, site_for_hostname
from .errors import InvalidInputError
from .listings import (
    ListingOrder,
    filter_by_dates,
    filter_by_opd,
    filter_by_tag,
    find_opd,
    ordering,
)
from .loaders import page_slice, specific_pages, visible_pages, with_relations
from .pagination import Connection, Window, build_connection, page_window
from .preview import page_for_preview_token
from .types.pages import (
    AnnouncementPageType,
    EventPageType,
    InformationCategory,
    NewsPageType,
    OPDKind,
    OPDPageType,
    PageInterface,
    PublicInformationPageType,
    ServicePageType,
)
from .types.regions import Kecamatan
from .types.registry import PAGE_TYPES


@strawberry.enum(description="Page types that `pages` can be narrowed to.")
class PageType(Enum):
    OPD_INDEX_PAGE = "OPDIndexPage"
    OPD_PAGE = "OPDPage"
    NEWS_PAGE = "NewsPage"
    ANNOUNCEMENT_PAGE = "AnnouncementPage"
    SERVICE_PAGE = "ServicePage"
    PUBLIC_INFORMATION_PAGE = "PublicInformationPage"
    EVENT_PAGE = "EventPage"
    STANDARD_PAGE = "StandardPage"


def _model_for(page_type: PageType) -> type[Page]:
    return next(model for model in PAGE_TYPES if model.__name__ == page_type.value)


def _typed_connection(
    info: Info, queryset: QuerySet, order: ListingOrder, window: Window
) -> Connection[Any]:
    ordered = with_relations(queryset).order_by(*ordering(queryset.model, order))
    items, total = page_slice(ordered, window)
    if queryset.model is page_models.PublicInformationPage:
        document_ids = {
            row.document_id for item in items for row in item.attachments.all()
        }
        api_context(info).public_documents(document_ids)
    return build_connection(items, total, window)


def _public(model: type[Page]) -> QuerySet:
    return visible_pages(model.objects.all())


def _normalise_path(url_path: str) -> str:
    path = url_path.strip()
    if not path.startswith("/"):
        raise InvalidInputError(
            f"Invalid urlPath {url_path!r}: give a path that starts with '/', "
            "e.g. '/disdukcapil/ktp-el/'."
        )
    return path if path.endswith("/") else path + "/"


def _page_by_url(info: Info, url_path: str, hostname: str | None) -> Any:
    context = api_context(info)
    site = site_for_hostname(hostname, context)
    if site is None:
        raise InvalidInputError("No default site is configured: pass `site`.")
    context.scope_site(info, site)
    full_path = site.root_page.url_path + _normalise_path(url_path)[1:]
    pages = specific_pages(visible_pages(Page.objects.filter(url_path=full_path)))
    return pages[0] if pages else None


@strawberry.type
class ContentQuery:
    @strawberry.field(description="The directory of OPDs, by title.")
    def opds(
        self,
        info: Info,
        kind: OPDKind | None = None,
        search: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[OPDPageType]:
        window = page_window(first, after)
        queryset = _public(page_models.OPDPage)
        if kind is not None:
            queryset = queryset.filter(kind=kind.value)
        if search is not None:
            text = search.strip()
            if not text:
                raise InvalidInputError("Empty `search`: give some text or omit it.")
            queryset = queryset.filter(
                Q(title__icontains=text)
                | Q(official_name__icontains=text)
                | Q(abbreviation__icontains=text)
            )
        connection = _typed_connection(info, queryset, ListingOrder.TITLE, window)
        listed = api_context(info).batches.setdefault("listed_opd_ids", [])
        listed.extend(node.pk for node in connection.nodes())
        return connection

    @strawberry.field(description="One OPD by slug or by abbreviation.")
    def opd(
        self, slug: str | None = None, abbreviation: str | None = None
    ) -> OPDPageType | None:
        if (slug is None) == (abbreviation is None):
            raise InvalidInputError("Give exactly one of `slug` and `abbreviation`.")
        field = "slug__iexact" if slug is not None else "abbreviation__iexact"
        value = (slug if slug is not None else abbreviation or "").strip()
        queryset = with_relations(_public(page_models.OPDPage)).filter(**{field: value})
        return queryset.first()

    @strawberry.field(
        description="One public page by id, or by urlPath on a site "
        "(the default site unless `site` names a hostname)."
    )
    def page(
        self,
        info: Info,
        id: strawberry.ID | None = None,  # noqa: A002
        url_path: str | None = None,
        site: str | None = None,
    ) -> PageInterface | None:
        if (id is None) == (url_path is None):
            raise InvalidInputError("Give exactly one of `id` and `urlPath`.")
        if url_path is not None:
            return _page_by_url(info, url_path, site)
        if site is not None:
            raise InvalidInputError("`site` applies only to `urlPath`: remove it.")
        if not str(id).isdigit():
            raise InvalidInputError(f"Invalid page id {id!r}: give a number.")
        pages = specific_pages(visible_pages(Page.objects.filter(pk=int(id))))
        return pages[0] if pages else None

    @strawberry.field(description="Public pages of every type, filtered and ordered.")
    def pages(
        self,
        info: Info,
        opd: str | None = None,
        type: PageType | None = None,  # noqa: A002
        tag: str | None = None,
        date_from: datetime.date | None = None,
        date_to: datetime.date | None = None,
        order: ListingOrder = ListingOrder.NEWEST_FIRST,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[PageInterface]:
        window = page_window(first, after)
        if type is not None:
            queryset = filter_by_opd(_public(_model_for(type)), opd)
            queryset = filter_by_dates(filter_by_tag(queryset, tag), date_from, date_to)
            return _typed_connection(info, queryset, order, window)
        queryset = visible_pages(Page.objects.filter(depth__gt=1))
        if opd is not None:
            queryset = queryset.filter(path__startswith=find_opd(opd).path)
        queryset = filter_by_dates(filter_by_tag(queryset, tag), date_from, date_to)
        queryset = queryset.order_by(*ordering(Page, order))
        total = queryset.count()
        nodes = specific_pages(queryset[window.offset : window.offset + window.limit])
        return build_connection(nodes, total, window)

    @strawberry.field(description="News, newest first unless `order` says otherwise.")
    def news(
        self,
        info: Info,
        opd: str | None = None,
        tag: str | None = None,
        date_from: datetime.date | None = None,
        date_to: datetime.date | None = None,
        order: ListingOrder = ListingOrder.NEWEST_FIRST,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[NewsPageType]:
        window = page_window(first, after)
        queryset = filter_by_opd(_public(page_models.NewsPage), opd)
        queryset = filter_by_dates(filter_by_tag(queryset, tag), date_from, date_to)
        return _typed_connection(info, queryset, order, window)

    @strawberry.field(description="The newest news, of every OPD or of one.")
    def latest_news(
        self, info: Info, opd: str | None = None, first: int | None = None
    ) -> Connection[NewsPageType]:
        window = page_window(first, None)
        queryset = filter_by_opd(_public(page_models.NewsPage), opd)
        return _typed_connection(info, queryset, ListingOrder.NEWEST_FIRST, window)

    @strawberry.field(description="Announcements valid today (Asia/Jakarta).")
    def active_announcements(
        self,
        info: Info,
        opd: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[AnnouncementPageType]:
        window = page_window(first, after)
        today = timezone.localdate()
        queryset = filter_by_opd(_public(page_models.AnnouncementPage), opd).filter(
            Q(valid_from__lte=today),
            Q(valid_until__isnull=True) | Q(valid_until__gte=today),
        )
        return _typed_connection(info, queryset, ListingOrder.NEWEST_FIRST, window)

    @strawberry.field(
        description="Public services, by title unless `order` says otherwise."
    )
    def services(
        self,
        info: Info,
        opd: str | None = None,
        tag: str | None = None,
        order: ListingOrder = ListingOrder.TITLE,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[ServicePageType]:
        window = page_window(first, after)
        queryset = filter_by_tag(
            filter_by_opd(_public(page_models.ServicePage), opd), tag
        )
        return _typed_connection(info, queryset, order, window)

    @strawberry.field(description="Public information items, newest first.")
    def public_information(
        self,
        info: Info,
        category: InformationCategory | None = None,
        opd: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[PublicInformationPageType]:
        window = page_window(first, after)
        queryset = filter_by_opd(_public(page_models.PublicInformationPage), opd)
        if category is not None:
            queryset = queryset.filter(category=category.value)
        return _typed_connection(info, queryset, ListingOrder.NEWEST_FIRST, window)

    @strawberry.field(description="Events that have not ended yet, soonest first.")
    def upcoming_events(
        self,
        info: Info,
        opd: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[EventPageType]:
        window = page_window(first, after)
        now = timezone.now()
        queryset = filter_by_opd(_public(page_models.EventPage), opd).filter(
            Q(start__gte=now) | Q(end__gte=now)
        )
        return _typed_connection(info, queryset, ListingOrder.OLDEST_FIRST, window)

    @strawberry.field(description="Every kecamatan with its kelurahan, by code.")
    def regions(self) -> list[Kecamatan]:
        return list(page_models.Kecamatan.objects.prefetch_related("kelurahan"))

    @strawberry.field(
        description="The draft revision named by a preview token from the admin."
    )
    def preview(self, token: str) -> PageInterface | None:
        page = page_for_preview_token(token)
        return page if type(page) in PAGE_TYPES else None
