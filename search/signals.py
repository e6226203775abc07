"""Keep the search indexes current when a page's visibility changes its subtree's.

A page's subtree is re-submitted when the page gains or loses a view restriction, when a page
with children goes live or offline (publish, unpublish, scheduled go-live or expiry, a
changed expiry time), and when a page is moved (its new parents may be hidden or not).

A restriction hides the page *and every page below it*, but only the page's own save updates
the index, and adding or removing a restriction saves no page. So a page restricted after
publication stayed in the public-only Elasticsearch index, and a page freed from its
restriction stayed out of it. Here the whole subtree is re-submitted to every public-only
search backend; ``PublicOnlyIndex.add_items`` then keeps the public pages and deletes the
others.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save, pre_save
from modelsearch.index import class_is_indexed
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backends_with_name
from wagtail.signals import post_page_move

from disclosure import search_updates

logger = logging.getLogger(__name__)

BATCH_SIZE = 500  # pages per bulk request: a restricted section may hold thousands


def _batches(queryset: QuerySet, size: int) -> Iterator[list]:
    rows = queryset.iterator(chunk_size=size)
    while batch := list(islice(rows, size)):
        yield batch


def reindex_subtree(page_id: int) -> None:
    """Re-submit the page and its descendants, each as its specific model, to every backend."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:  # the restriction went with its page, whose deletion updated the index
        return
    subtree = Page.objects.descendant_of(page, inclusive=True)
    content_type_ids = subtree.order_by().values_list("content_type", flat=True).distinct()
    for content_type_id in content_type_ids:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or not class_is_indexed(model):
            continue
        # get_indexed_objects() of a page model holds only pages of exactly that type
        pages = model.get_indexed_objects().descendant_of(page, inclusive=True).order_by("pk")
        for batch in _batches(pages, BATCH_SIZE):
            for name, backend in get_search_backends_with_name(with_auto_update=True):
                if not getattr(backend, "indexes_public_pages_only", False):
                    continue  # an index of every page (the database's) has nothing to change
                try:
                    backend.add_bulk(model, batch)
                except Exception:
                    # as Wagtail's own signal handlers: an Elasticsearch outage must not
                    # break the editor's request; a database backend error must surface.
                    # The pages wait in the queue that run_scheduler sends when it is back.
                    logger.exception("Could not reindex %s pages in %r", model.__name__, name)
                    if not backend.catch_indexing_errors:
                        raise
                    search_updates.queue_pages([p.pk for p in batch])
    search_updates.searchable_changed()


def _restriction_saved(
    sender, instance: PageViewRestriction, created: bool, raw: bool, **kwargs
) -> None:
    # only a new restriction changes who may see the pages (an edited password does not);
    # raw: loaddata, whose pages may not be complete yet
    if created and not raw:
        page_id = instance.page_id
        transaction.on_commit(lambda: reindex_subtree(page_id))


def _restriction_deleted(sender, instance: PageViewRestriction, **kwargs) -> None:
    page_id = instance.page_id
    transaction.on_commit(lambda: reindex_subtree(page_id))


def _reindex_subtree_after_commit(page_id: int) -> None:
    transaction.on_commit(lambda: reindex_subtree(page_id))


def _page_visibility_may_change(sender, instance, raw: bool = False, **kwargs) -> None:
    # only a page with children hides or shows other pages; a leaf's own save already
    # updates its index entry
    if raw or not isinstance(instance, Page) or not instance.pk or not instance.numchild:
        return
    stored = Page.objects.filter(pk=instance.pk).values("live", "expire_at").first()
    if stored is None:
        return
    if (stored["live"], stored["expire_at"]) != (instance.live, instance.expire_at):
        _reindex_subtree_after_commit(instance.pk)


def _page_moved(sender, instance, **kwargs) -> None:
    _reindex_subtree_after_commit(instance.pk)


def connect() -> None:
    pre_save.connect(_page_visibility_may_change, dispatch_uid="search-page-visibility")
    post_page_move.connect(_page_moved, dispatch_uid="search-page-moved")
    post_save.connect(_restriction_saved, sender=PageViewRestriction, dispatch_uid="search-pvr")
    post_delete.connect(_restriction_deleted, sender=PageViewRestriction, dispatch_uid="search-pvr")
