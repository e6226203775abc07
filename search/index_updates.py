"""Saves of indexed objects update Elasticsearch after the commit, and survive its outage.

modelsearch updates every backend from ``post_save``, inside the saving transaction: a
rolled-back save left Elasticsearch holding a page the database never kept, and while
Elasticsearch was down the update was logged and lost (the page stayed stale or missing in
the public search until a full ``update_index``). Here the database backends are still updated
in the transaction (they roll back with it); the external ones get the object once the
transaction commits (``disclosure.search_updates``), and a page they cannot take is queued
and sent by ``run_scheduler`` when Elasticsearch is back.
"""

from __future__ import annotations

import logging

from django.db.models.signals import post_save
from modelsearch import signal_handlers
from modelsearch.index import get_indexed_instance, get_indexed_models

from disclosure import search_updates

logger = logging.getLogger(__name__)


def update_after_save(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    indexed = get_indexed_instance(instance)
    if indexed is None:
        return
    # What the database holds, not the saved object: a draft (``save_revision``) saves a
    # live page with its draft title in memory, and the live row keeps the published one.
    indexed = type(indexed)._default_manager.filter(pk=indexed.pk).first()
    if indexed is None:
        return
    for backend in search_updates.transactional_backends():
        backend.add(indexed)  # an error here belongs to the transaction: not caught
    search_updates.index_after_commit(type(indexed), [indexed.pk])


def connect() -> None:
    """Replace modelsearch's ``post_save`` handler on every indexed model."""
    for model in get_indexed_models():
        if not getattr(model, "search_auto_update", True):
            continue
        post_save.disconnect(signal_handlers.post_save_signal_handler, sender=model)
        post_save.connect(update_after_save, sender=model, dispatch_uid=f"index-{model}")
