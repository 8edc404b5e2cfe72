"""The Page interface and one GraphQL type per page model.

Resolvers receive the Django page object as their parent. Fields that return
other pages go through ``visible_pages``; nested listings of an OPD are
batched across every OPD in the same response.
"""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import strawberry
from django.utils import timezone
from strawberry.types import Info
from wagtail.models import Page

from opd_pages import models as page_models
from opd_pages.freshness.graphql import (
    OPDFreshness,
    PageFreshness,
    resolve_opd_freshness,
    resolve_page_freshness,
)

from ..context import api_context, request_site
from ..links import page_url_parts
from ..listings import ListingOrder, ordering
from ..loaders import grouped_slices, specific_pages, visible_pages, with_relations
from ..pagination import Connection, build_connection, page_window
from ..richtext import render_rich_text
from .blocks import AnnouncementBlock, ContentBlock, ServiceBlock, stream_blocks
from .media import DocumentType, ImageType, image_or_none, public_document_or_none
from .regions import Kecamatan
from .registry import PAGE_TYPES

Parent = strawberry.Parent[Any]


def _url_parts(root: Page, info: Info) -> tuple[str, str] | None:
    return page_url_parts(root, request_site(info))


@strawberry.interface(name="Page", description="Fields every public page has.")
class PageInterface:
    id: strawberry.ID
    title: str
    slug: str
    seo_title: str = strawberry.field(description="Title for search engines, if set.")
    search_description: str
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None

    @strawberry.field(
        description="Path relative to the site root, e.g. `/disdukcapil/ktp-el/`; "
        "null when the page is under no site."
    )
    def url_path(self, root: Parent, info: Info) -> str | None:
        parts = _url_parts(root, info)
        return parts[1] if parts else None

    @strawberry.field(description="Absolute URL of the page on its site.")
    def full_url(self, root: Parent, info: Info) -> str | None:
        parts = _url_parts(root, info)
        return parts[0].rstrip("/") + parts[1] if parts else None

    @strawberry.field(description="The OPD that owns this page.")
    def opd(self, root: Parent) -> OPDPageType | None:
        return getattr(root, "opd", None)

    @strawberry.field(
        description="When the page was last updated or reviewed, and whether "
        "its review is overdue."
    )
    def freshness(self, root: Parent, info: Info) -> PageFreshness:
        return resolve_page_freshness(root, info)

    # TODO: parent, ancestors and children run their queries for each page they
    # are asked on, so selecting them inside a listing costs queries per item.
    @strawberry.field(description="The public parent page, null at the site root.")
    def parent(self, root: Parent) -> PageInterface | None:
        parent_qs = visible_pages(Page.objects.parent_of(root).filter(depth__gt=1))
        pages = specific_pages(parent_qs)
        return pages[0] if pages else None

    @strawberry.field(description="Public ancestors from the site root down.")
    def ancestors(self, root: Parent) -> list[PageInterface]:
        ancestors = Page.objects.ancestor_of(root).filter(depth__gt=1)
        return specific_pages(visible_pages(ancestors).order_by("depth"))

    @strawberry.field(description="Public child pages in menu order.")
    def children(
        self, root: Parent, first: int | None = None, after: str | None = None
    ) -> Connection[PageInterface]:
        window = page_window(first, after)
        queryset = visible_pages(Page.objects.child_of(root)).order_by("path")
        total = queryset.count()
        nodes = specific_pages(queryset[window.offset : window.offset + window.limit])
        return build_connection(nodes, total, window)


def _tags(root: Any) -> list[Tag]:
    return [
        Tag(name=item.tag.name, slug=item.tag.slug) for item in root.tagged_items.all()
    ]


@strawberry.type(description="A free-form tag on a content page.")
class Tag:
    name: str
    slug: str


@strawberry.type(description="A page of an OPD that belongs to one region or none.")
class RegionalFields:
    @strawberry.field(description="The kecamatan this page is about, if any.")
    def region(self, root: Parent) -> Kecamatan | None:
        return root.region


def _register(model: type[Page]):
    """Tie a GraphQL type to its page model for interface type resolution."""

    def decorate(cls):
        cls.is_type_of = classmethod(lambda _cls, obj, _info: type(obj) is model)
        PAGE_TYPES[model] = cls
        return cls

    return decorate


@strawberry.type(name="OPDIndexPage", description="The directory of every OPD.")
@_register(page_models.OPDIndexPage)
class OPDIndexPageType(PageInterface):
    @strawberry.field(description="Introduction as browser-ready HTML.")
    def intro_html(self, root: Parent, info: Info) -> str:
        return render_rich_text(root.intro, api_context(info), request_site(info))


@strawberry.enum(description="Kind of regional agency.")
class OPDKind(Enum):
    SEKRETARIAT = "sekretariat"
    INSPEKTORAT = "inspektorat"
    DINAS = "dinas"
    BADAN = "badan"
    KECAMATAN = "kecamatan"
    RSUD = "rsud"
    SATUAN = "satuan"


@strawberry.type(description="Information officer (PPID) of an OPD.")
class PPIDContact:
    name: str
    email: str
    phone: str


def _opd_listing(
    root: Any,
    info: Info,
    model: type[Page],
    order: ListingOrder,
    first: int | None,
    after: str | None,
) -> Connection[Any]:
    """Return one page of ``model`` pages owned by ``root``, batched over listed OPDs."""
    window = page_window(first, after)
    context = api_context(info)
    key = ("opd-listing", model, order, window)
    batch = context.batches.get(key)
    if batch is None or root.pk not in batch["ids"]:
        listed = context.batches.get("listed_opd_ids", [])
        ids = list(listed) if root.pk in listed else [root.pk]
        queryset = with_relations(visible_pages(model.objects.all()))
        items, totals = grouped_slices(
            queryset, "opd_id", ids, ordering(model, order), window
        )
        batch = {"ids": set(ids), "items": items, "totals": totals}
        context.batches[key] = batch
    nodes = batch["items"].get(root.pk, [])
    return build_connection(nodes, batch["totals"].get(root.pk, 0), window)


@strawberry.type(name="OPDPage", description="One regional agency (OPD).")
@_register(page_models.OPDPage)
class OPDPageType(PageInterface):
    official_name: str
    abbreviation: str
    other_abbreviations: list[str]
    government_affairs: list[str]
    address: str
    phone: str
    email: str
    website: str
    service_hours: str

    @strawberry.field
    def kind(self, root: Parent) -> OPDKind:
        return OPDKind(root.kind)

    @strawberry.field(description="Duties and functions as browser-ready HTML.")
    def mandate_html(self, root: Parent, info: Info) -> str:
        return render_rich_text(root.mandate, api_context(info), request_site(info))

    @strawberry.field
    def logo(self, root: Parent) -> ImageType | None:
        return image_or_none(root.logo)

    @strawberry.field
    def ppid(self, root: Parent) -> PPIDContact:
        return PPIDContact(
            name=root.ppid_name, email=root.ppid_email, phone=root.ppid_phone
        )

    @strawberry.field(description="The kecamatan served, for kecamatan OPDs only.")
    def kecamatan(self, root: Parent) -> Kecamatan | None:
        return root.kecamatan

    @strawberry.field(
        description="How current this OPD keeps its public content. Named apart "
        "from `freshness`, which every page has for itself."
    )
    def opd_freshness(self, root: Parent, info: Info) -> OPDFreshness:
        return resolve_opd_freshness(root, info)

    @strawberry.field(description="News of this OPD.")
    def news(
        self,
        root: Parent,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        order: ListingOrder = ListingOrder.NEWEST_FIRST,
    ) -> Connection[NewsPageType]:
        return _opd_listing(root, info, page_models.NewsPage, order, first, after)

    @strawberry.field(description="Public services of this OPD.")
    def services(
        self,
        root: Parent,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        order: ListingOrder = ListingOrder.TITLE,
    ) -> Connection[ServicePageType]:
        return _opd_listing(root, info, page_models.ServicePage, order, first, after)

    @strawberry.field(description="Announcements of this OPD, active or not.")
    def announcements(
        self,
        root: Parent,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        order: ListingOrder = ListingOrder.NEWEST_FIRST,
    ) -> Connection[AnnouncementPageType]:
        return _opd_listing(
            root, info, page_models.AnnouncementPage, order, first, after
        )


@strawberry.type(description="Fields shared by the content pages of an OPD.")
class ContentFields:
    summary: str

    @strawberry.field
    def tags(self, root: Parent) -> list[Tag]:
        return _tags(root)


@strawberry.type(name="NewsPage", description="A news item of one OPD.")
@_register(page_models.NewsPage)
class NewsPageType(PageInterface, ContentFields, RegionalFields):
    date: datetime.date

    @strawberry.field
    def hero_image(self, root: Parent) -> ImageType | None:
        return image_or_none(root.hero_image)

    @strawberry.field
    def body(self, root: Parent, info: Info) -> list[ContentBlock]:
        return stream_blocks(root.body, info)


@strawberry.type(
    name="AnnouncementPage", description="An announcement valid for a period."
)
@_register(page_models.AnnouncementPage)
class AnnouncementPageType(PageInterface, ContentFields, RegionalFields):
    valid_from: datetime.date
    valid_until: datetime.date | None = strawberry.field(
        description="Last valid day; null while valid until revoked."
    )

    @strawberry.field(description="Whether the announcement is valid today in Jakarta.")
    def is_active(self, root: Parent) -> bool:
        return root.is_active(timezone.localdate())

    @strawberry.field
    def body(self, root: Parent, info: Info) -> list[AnnouncementBlock]:
        return stream_blocks(root.body, info)


@strawberry.type(description="A channel where residents can file a complaint.")
class ComplaintChannel:
    name: str
    url: str
    note: str


def _item_texts(stream_value: Any) -> list[str]:
    return [str(child.value) for child in stream_value]


@strawberry.type(name="ServicePage", description="A public service and its standard.")
@_register(page_models.ServicePage)
class ServicePageType(PageInterface, ContentFields):
    alternative_names: list[str]
    processing_time: str
    cost: str
    product: str
    service_hours: str
    online_url: str

    @strawberry.field
    def requirements(self, root: Parent) -> list[str]:
        return _item_texts(root.requirements)

    @strawberry.field
    def procedure(self, root: Parent) -> list[str]:
        return _item_texts(root.procedure)

    @strawberry.field
    def legal_basis(self, root: Parent) -> list[str]:
        return _item_texts(root.legal_basis)

    @strawberry.field
    def complaint_channels(self, root: Parent) -> list[ComplaintChannel]:
        return [
            ComplaintChannel(
                name=child.value.get("name") or "",
                url=child.value.get("url") or "",
                note=child.value.get("note") or "",
            )
            for child in root.complaint_channels
        ]

    @strawberry.field(description="Other public OPDs involved in this service.")
    def related_opds(self, root: Parent) -> list[OPDPageType]:
        return list(root.related_opds.all())

    @strawberry.field
    def body(self, root: Parent, info: Info) -> list[ServiceBlock]:
        return stream_blocks(root.body, info)


@strawberry.enum(description="Category of public information (Law 14/2008).")
class InformationCategory(Enum):
    BERKALA = "berkala"
    SERTA_MERTA = "serta_merta"
    SETIAP_SAAT = "setiap_saat"
    DIKECUALIKAN = "dikecualikan"


@strawberry.type(description="A document attached to public information.")
class Attachment:
    title: str = strawberry.field(description="Display title given by the editor.")
    _document: strawberry.Private[Any]

    @strawberry.field(description="The document, or null when it is not public.")
    def document(self, info: Info) -> DocumentType | None:
        return public_document_or_none(self._document, info)


@strawberry.type(
    name="PublicInformationPage", description="An item of public information."
)
@_register(page_models.PublicInformationPage)
class PublicInformationPageType(PageInterface, ContentFields):
    period_start: datetime.date | None
    period_end: datetime.date | None
    exemption_reason: str
    exemption_ends_on: datetime.date | None

    @strawberry.field
    def category(self, root: Parent) -> InformationCategory:
        return InformationCategory(root.category)

    @strawberry.field(
        description="Attached documents; exempt items' documents are null."
    )
    def attachments(self, root: Parent, info: Info) -> list[Attachment]:
        rows = list(root.attachments.all())
        api_context(info).public_documents({row.document_id for row in rows})
        return [Attachment(title=row.title, _document=row.document) for row in rows]

    @strawberry.field
    def body(self, root: Parent, info: Info) -> list[ContentBlock]:
        return stream_blocks(root.body, info)


@strawberry.type(
    name="EventPage", description="An event organised or announced by an OPD."
)
@_register(page_models.EventPage)
class EventPageType(PageInterface, ContentFields, RegionalFields):
    start: datetime.datetime
    end: datetime.datetime | None
    location: str

    @strawberry.field
    def body(self, root: Parent, info: Info) -> list[ContentBlock]:
        return stream_blocks(root.body, info)


@strawberry.type(name="StandardPage", description="A plain page such as a profile.")
@_register(page_models.StandardPage)
class StandardPageType(PageInterface):
    summary: str

    @strawberry.field
    def body(self, root: Parent, info: Info) -> list[ContentBlock]:
        return stream_blocks(root.body, info)


ALL_PAGE_TYPES = list(PAGE_TYPES.values())
