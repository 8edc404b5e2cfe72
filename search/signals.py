"""Schedule index updates after the transaction that changed content commits.

Nothing here touches the index inside the editor's transaction: each handler
registers an ``on_commit`` callback that enqueues ``sync_search_index``, so a
rolled-back edit never reaches search and a slow search engine never delays
the commit.
"""

from __future__ import annotations

import logging
from functools import partial

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .records import document_key, page_key

logger = logging.getLogger(__name__)


def schedule(**arguments: list) -> None:
    """Enqueue ``sync_search_index`` with ``arguments`` once the transaction commits."""
    from .tasks import sync_search_index

    transaction.on_commit(partial(sync_search_index.enqueue, **arguments))


def alias_ids_of_subtree(page_id: int) -> list[int]:
    """Return the ids of the aliases of a page or its descendants, chains included.

    An alias is public only while its original is, so a change to the
    original's visibility must re-index its aliases, which sit elsewhere in
    the tree.
    """
    root = Page.objects.filter(pk=page_id).values_list("path", flat=True).first()
    if root is None:
        return []
    found: list[int] = []
    paths = [root]
    while paths:
        condition = Q(pk__in=[])
        for path in paths:
            condition |= Q(alias_of__path__startswith=path)
        rows = list(
            Page.objects.filter(condition)
            .exclude(pk__in=found)
            .values_list("pk", "path")
        )
        found += [pk for pk, _ in rows]
        paths = [path for _, path in rows]
    return found


def page_changed(sender, instance, **kwargs) -> None:
    """Publish, unpublish and move can change the visibility of every descendant."""
    subtree_ids = [instance.pk, *alias_ids_of_subtree(instance.pk)]
    schedule(subtree_page_ids=subtree_ids, attachment_page_ids=[instance.pk])


def alias_created(sender, instance, created, **kwargs) -> None:
    """Index a new alias, which Wagtail 8.0 creates without a publish signal."""
    if created and isinstance(instance, Page) and instance.alias_of_id:
        schedule(subtree_page_ids=[instance.pk])


def page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        schedule(keys=[page_key(instance.pk)])


def restriction_changed(sender, instance, **kwargs) -> None:
    subtree_ids = [instance.page_id, *alias_ids_of_subtree(instance.page_id)]
    schedule(subtree_page_ids=subtree_ids)


def collection_restriction_changed(sender, instance, **kwargs) -> None:
    schedule(collection_ids=[instance.collection_id])


def document_changed(sender, instance, **kwargs) -> None:
    schedule(keys=[document_key(instance.pk)])


def connect() -> None:
    """Connect the handlers; called once from the app config."""
    page_published.connect(page_changed, dispatch_uid="citizen_search_published")
    page_unpublished.connect(page_changed, dispatch_uid="citizen_search_unpublished")
    post_page_move.connect(page_changed, dispatch_uid="citizen_search_moved")
    post_delete.connect(page_deleted, dispatch_uid="citizen_search_page_deleted")
    post_save.connect(alias_created, dispatch_uid="citizen_search_alias_created")
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"citizen_search_restriction_{id(signal)}",
        )
        signal.connect(
            collection_restriction_changed,
            sender=CollectionViewRestriction,
            dispatch_uid=f"citizen_search_collection_restriction_{id(signal)}",
        )
        signal.connect(
            document_changed,
            sender=get_document_model(),
            dispatch_uid=f"citizen_search_document_{id(signal)}",
        )
