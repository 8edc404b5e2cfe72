"""Turn live pages and public documents into search records.

A ``SearchRecord`` contains each indexed field once, and both backends store exactly
these fields, so a field added here reaches the database table and the
Elasticsearch mapping through one definition. Records are read from the page
table, which Wagtail keeps at the live revision: a saved draft lives only in
its revision row and never reaches a record.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from dataclasses import asdict, dataclass, field

from django.utils import timezone
from wagtail.models import Collection, Page
from wagtail.rich_text import get_text_for_indexing

from opd_pages.models import (
    AnnouncementPage,
    EventPage,
    NewsPage,
    OPDPage,
    PublicInformationPage,
    ServicePage,
    StandardPage,
)

from .pdf import extract_pdf_text

logger = logging.getLogger(__name__)

# Content type names shown to clients, one per indexed model.
CONTENT_TYPES: dict[type, str] = {
    ServicePage: "service",
    OPDPage: "opd",
    PublicInformationPage: "public_information",
    StandardPage: "standard",
    NewsPage: "news",
    AnnouncementPage: "announcement",
    EventPage: "event",
}
DOCUMENT_TYPE = "document"

# Services and agencies are where a citizen's errand ends, so they rank above
# news that merely mentions them. Applied as a multiplier by both backends.
RANK_BOOSTS: dict[str, float] = {
    "service": 3.0,
    "opd": 2.5,
    "public_information": 1.2,
    "standard": 1.0,
    "document": 0.9,
    "news": 0.8,
    "announcement": 0.8,
    "event": 0.8,
}

# Body text beyond this many characters is cut, which bounds row size and
# highlighting work; the start of a page carries its main terms.
MAX_BODY_CHARS = 50_000


@dataclass
class SearchRecord:
    """Every field that citizen search stores for one page or document."""

    key: str
    kind: str
    object_id: int
    content_type: str
    title: str
    url: str
    summary: str = ""
    body: str = ""
    aliases: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    opd_id: int | None = None
    opd_slug: str = ""
    opd_name: str = ""
    opd_abbreviation: str = ""
    category: str = ""
    region_id: int | None = None
    region_name: str = ""
    published_on: dt.date | None = None
    expire_at: dt.datetime | None = None
    path: str = ""
    public: bool = True
    rank_boost: float = 1.0

    def content_hash(self) -> str:
        """Return a digest of every field, used to find stale index entries."""
        payload = json.dumps(asdict(self), default=str, sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()


def page_key(page_id: int) -> str:
    """Return the index key of a page."""
    return f"page:{page_id}"


def document_key(document_id: int) -> str:
    """Return the index key of a document."""
    return f"document:{document_id}"


def parse_key(key: str) -> tuple[str, int]:
    """Split an index key into kind and id; raise ValueError on anything else."""
    kind, _, raw_id = key.partition(":")
    if kind not in {"page", "document"} or not raw_id.isdigit():
        raise ValueError(
            f"Invalid search key {key!r}: expected 'page:ID' or 'document:ID'."
        )
    return kind, int(raw_id)


def join_text(parts) -> str:
    """Join non-empty text parts with newlines."""
    return "\n".join(part.strip() for part in parts if part and part.strip())


def stream_text(stream_value) -> str:
    """Return the searchable text of a StreamField value."""
    if not stream_value:
        return ""
    block = stream_value.stream_block
    return join_text(str(text) for text in block.get_searchable_content(stream_value))


def page_body(page: Page) -> str:
    """Collect the body text of a page from its rich text and stream fields."""
    if isinstance(page, OPDPage):
        parts = [
            get_text_for_indexing(page.mandate),
            ", ".join(page.government_affairs or []),
            page.address,
            page.service_hours,
        ]
    elif isinstance(page, ServicePage):
        parts = [
            stream_text(page.requirements),
            stream_text(page.procedure),
            page.processing_time,
            page.cost,
            page.service_hours,
            stream_text(page.legal_basis),
            stream_text(page.body),
        ]
    else:
        parts = [
            getattr(page, "location", ""),
            stream_text(getattr(page, "body", None)),
        ]
    return join_text(parts)[:MAX_BODY_CHARS]


def page_aliases(page: Page) -> list[str]:
    """Names a citizen may type for the page besides its title."""
    if isinstance(page, OPDPage):
        # The affairs an agency handles ("perizinan", "tenaga kerja") are how
        # citizens name it when they do not know its title.
        names = [
            page.official_name,
            page.abbreviation,
            *page.other_abbreviations,
            *(page.government_affairs or []),
        ]
    elif isinstance(page, ServicePage):
        names = [*page.alternative_names, page.product]
    else:
        names = []
    return [name for name in names if name]


def page_published_on(page: Page) -> dt.date | None:
    """Return the date a citizen reads as the page's date, or None."""
    if isinstance(page, NewsPage):
        return page.date
    if isinstance(page, AnnouncementPage):
        return page.valid_from
    if isinstance(page, EventPage):
        return timezone.localdate(page.start)
    if page.first_published_at:
        return timezone.localdate(page.first_published_at)
    return None


def page_record(page: Page, opds: dict[int, OPDPage], regions: dict) -> SearchRecord:
    """Build the record of one specific, public page."""
    content_type = CONTENT_TYPES[type(page)]
    opd = opds.get(page.opd_id) if page.opd_id else None
    region = regions.get(page.region_id) if page.region_id else None
    if isinstance(page, OPDPage) and page.kecamatan_id:
        region = regions.get(page.kecamatan_id)
    tags = sorted(tag.name for tag in page.tags.all()) if hasattr(page, "tags") else []
    return SearchRecord(
        key=page_key(page.pk),
        kind="page",
        object_id=page.pk,
        content_type=content_type,
        title=page.title,
        url=page_url(page),
        summary=getattr(page, "summary", "") or "",
        body=page_body(page),
        aliases=page_aliases(page),
        tags=tags,
        opd_id=opd.pk if opd else None,
        opd_slug=opd.slug if opd else "",
        opd_name=opd.title if opd else "",
        opd_abbreviation=opd.abbreviation if opd else "",
        category=getattr(page, "category", "") or "",
        region_id=region.pk if region else None,
        region_name=region.name if region else "",
        published_on=page_published_on(page),
        expire_at=page.expire_at,
        path=page.path,
        rank_boost=RANK_BOOSTS[content_type],
    )


def page_url(page: Page) -> str:
    """Return the site-relative URL of a page, e.g. ``/disdukcapil/ktp-el/``."""
    parts = page.get_url_parts()
    if parts is None:
        return ""
    return parts[2]


def collection_opd(collection: Collection, opds_by_title: dict[str, OPDPage]):
    """Return the OPD that owns a collection: the one named like it or an ancestor."""
    for candidate in [collection, *collection.get_ancestors().order_by("-depth")]:
        if candidate.name in opds_by_title:
            return opds_by_title[candidate.name]
    return None


def document_record(document, opds_by_title: dict[str, OPDPage], category: str):
    """Build the record of one public document, with text extracted from PDFs."""
    opd = collection_opd(document.collection, opds_by_title)
    body = ""
    if document.file_extension.lower() == "pdf":
        body = extract_pdf_text(document)[:MAX_BODY_CHARS]
    return SearchRecord(
        key=document_key(document.pk),
        kind="document",
        object_id=document.pk,
        content_type=DOCUMENT_TYPE,
        title=document.title,
        url=document.url,
        body=body,
        tags=sorted(tag.name for tag in document.tags.all()),
        opd_id=opd.pk if opd else None,
        opd_slug=opd.slug if opd else "",
        opd_name=opd.title if opd else "",
        opd_abbreviation=opd.abbreviation if opd else "",
        category=category,
        published_on=timezone.localdate(document.created_at),
        rank_boost=RANK_BOOSTS[DOCUMENT_TYPE],
    )
