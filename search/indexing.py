"""Write the public truth of the database into the search backend.

Every write starts from keys ("page:12", "document:5") and re-reads their
current state: a key whose object is public gets a fresh record, any other
key is deleted. A late or repeated task therefore writes the current state,
never the state at the time of the edit. Two workers that run at the same
moment can still finish in the wrong order, and ``search_check --fix``
repairs that. A write that fails because the backend is unavailable is
stored in ``PendingSync`` and retried by the next sync task or by
``search_check --fix``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from opd_pages.models import Kecamatan, OPDPage, PublicInformationAttachment
from opd_pages.visibility import public_documents, public_pages

from .backends import get_backend
from .backends.base import BackendUnavailable, SearchBackend
from .models import PendingSync
from .records import (
    CONTENT_TYPES,
    SearchRecord,
    document_key,
    document_record,
    page_key,
    page_record,
    parse_key,
)

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
RETRY_DELAYS = (0.2, 1.0)


def indexed_page_models() -> list[type]:
    return list(CONTENT_TYPES)


def lookup_tables() -> tuple[dict[int, OPDPage], dict[int, Kecamatan]]:
    """Load every OPD and kecamatan once, so records cost no query per page."""
    opds = {opd.pk: opd for opd in OPDPage.objects.all()}
    regions = {region.pk: region for region in Kecamatan.objects.all()}
    return opds, regions


def page_records(page_ids: list[int]) -> list[SearchRecord]:
    """Build records for the public, indexable pages among ``page_ids``."""
    opds, regions = lookup_tables()
    records = []
    for start in range(0, len(page_ids), BATCH_SIZE):
        chunk = page_ids[start : start + BATCH_SIZE]
        pages = public_pages(Page.objects.filter(pk__in=chunk)).specific()
        for page in pages:
            if type(page) in CONTENT_TYPES:
                records.append(page_record(page, opds, regions))
    return records


def document_categories(document_ids: list[int]) -> dict[int, str]:
    """Map each document to the category of the public information item it is attached to."""
    attachments = PublicInformationAttachment.objects.filter(
        document_id__in=document_ids
    ).values_list("document_id", "page__category")
    return {document_id: category or "" for document_id, category in attachments}


def document_records(document_ids: list[int]) -> list[SearchRecord]:
    """Build records for the public documents among ``document_ids``."""
    Document = get_document_model()
    opds_by_title = {opd.title: opd for opd in OPDPage.objects.all()}
    categories = document_categories(document_ids)
    queryset = public_documents(Document.objects.filter(pk__in=document_ids))
    return [
        document_record(document, opds_by_title, categories.get(document.pk, ""))
        for document in queryset.select_related("collection")
    ]


def records_for_keys(keys: list[str]) -> list[SearchRecord]:
    """Build the records that ``keys`` should have in the index right now."""
    page_ids, document_ids = split_keys(keys)
    return page_records(page_ids) + document_records(document_ids)


def split_keys(keys: list[str]) -> tuple[list[int], list[int]]:
    page_ids, document_ids = [], []
    for key in keys:
        kind, object_id = parse_key(key)
        (page_ids if kind == "page" else document_ids).append(object_id)
    return page_ids, document_ids


def subtree_keys(page_id: int) -> list[str]:
    """Keys of a page and every page below it."""
    page = Page.objects.filter(pk=page_id).only("path").first()
    if page is None:
        return [page_key(page_id)]
    ids = Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True)
    return [page_key(pk) for pk in ids]


def collection_document_keys(collection_id: int) -> list[str]:
    """Keys of every document in a collection and the collections below it."""
    collection = Collection.objects.filter(pk=collection_id).first()
    if collection is None:
        return []
    collections = Collection.objects.filter(path__startswith=collection.path)
    ids = get_document_model().objects.filter(collection__in=collections)
    return [document_key(pk) for pk in ids.values_list("pk", flat=True)]


def attached_document_keys(page_id: int) -> list[str]:
    """Keys of the documents attached to a public information page."""
    ids = PublicInformationAttachment.objects.filter(page_id=page_id).values_list(
        "document_id", flat=True
    )
    return [document_key(pk) for pk in ids]


def write_keys(keys: list[str], backend: SearchBackend) -> tuple[int, int]:
    """Index the public ones among ``keys`` and delete the rest; return both counts."""
    records = records_for_keys(keys)
    present = {record.key for record in records}
    absent = [key for key in keys if key not in present]
    if records:
        backend.write(records)
    if absent:
        backend.delete(absent)
    return len(records), len(absent)


def with_retries(operation, keys: list[str]):
    """Run ``operation`` and retry it after short delays while the backend is down."""
    for delay in (*RETRY_DELAYS, None):
        try:
            return operation()
        except BackendUnavailable as error:
            if delay is None:
                raise
            logger.warning(
                "search write retry keys=%s delay=%s error=%s", len(keys), delay, error
            )
            time.sleep(delay)
    return None


def sync_keys(keys: list[str], backend: SearchBackend | None = None) -> int:
    """Bring ``keys`` in the index in line with the database; park them on failure."""
    keys = sorted(set(keys))
    if not keys:
        return 0
    backend = backend or get_backend()
    try:
        written, deleted = with_retries(lambda: write_keys(keys, backend), keys)
    except BackendUnavailable as error:
        park(keys, error)
        return 0
    PendingSync.objects.filter(key__in=keys).delete()
    logger.info("search synced written=%s deleted=%s", written, deleted)
    return written + deleted


def park(keys: list[str], error: Exception) -> None:
    """Record failed keys in ``PendingSync`` so a later run retries them."""
    for key in keys:
        pending, _ = PendingSync.objects.get_or_create(key=key)
        pending.attempts += 1
        pending.last_error = str(error)[:2000]
        pending.save(update_fields=["attempts", "last_error", "updated_at"])
    logger.warning("search write parked keys=%s error=%s", len(keys), error)


def retry_pending(backend: SearchBackend | None = None) -> int:
    """Retry every parked key; return how many were written or deleted."""
    keys = list(PendingSync.objects.values_list("key", flat=True))
    return sync_keys(keys, backend) if keys else 0


def all_public_records() -> Iterator[SearchRecord]:
    """Yield a record for every public page and document, in batches."""
    page_ids = list(
        public_pages(Page.objects.type(*indexed_page_models()))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for start in range(0, len(page_ids), BATCH_SIZE):
        yield from page_records(page_ids[start : start + BATCH_SIZE])
    document_ids = list(public_documents().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(document_ids), BATCH_SIZE):
        yield from document_records(document_ids[start : start + BATCH_SIZE])


def count_public_objects() -> int:
    """Count the public pages and documents a rebuild will index (an upper bound)."""
    pages = public_pages(Page.objects.type(*indexed_page_models())).count()
    return pages + public_documents().count()


@dataclass
class Drift:
    """Differences between the database's public truth and the index."""

    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        return self.missing + self.stale + self.unexpected

    def __bool__(self) -> bool:
        return bool(self.keys)


def find_drift(backend: SearchBackend | None = None) -> Drift:
    """Compare every public record with the index by key and content hash."""
    backend = backend or get_backend()
    stored = backend.stored_hashes()
    drift = Drift()
    expected_keys = set()
    for record in all_public_records():
        expected_keys.add(record.key)
        stored_hash = stored.get(record.key)
        if stored_hash is None:
            drift.missing.append(record.key)
        elif stored_hash != record.content_hash():
            drift.stale.append(record.key)
    drift.unexpected = sorted(set(stored) - expected_keys)
    return drift
