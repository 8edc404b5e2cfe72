"""Background tasks that keep the search index in step with published content."""

from __future__ import annotations

import logging

from django_tasks import task

from . import indexing

logger = logging.getLogger(__name__)


@task()
def sync_search_index(
    keys: list[str] | None = None,
    subtree_page_ids: list[int] | None = None,
    collection_ids: list[int] | None = None,
    attachment_page_ids: list[int] | None = None,
) -> int:
    """Re-index the given keys, page subtrees, collections and page attachments.

    Parked writes from earlier failures are retried first, so an outage ends
    with the next successful run.
    """
    indexing.retry_pending()
    all_keys = set(keys or [])
    for page_id in subtree_page_ids or []:
        all_keys.update(indexing.subtree_keys(page_id))
    for collection_id in collection_ids or []:
        all_keys.update(indexing.collection_document_keys(collection_id))
    for page_id in attachment_page_ids or []:
        all_keys.update(indexing.attached_document_keys(page_id))
    return indexing.sync_keys(sorted(all_keys))
