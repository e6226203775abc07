"""Updates of external search engines that must not follow a transaction that may roll back.

The database search index lives in the same transaction as the pages: it rolls back with
them. Elasticsearch does not. A bulk import therefore writes the database index in its
transaction and sends its documents to the external engines only after the commit
(``index_after_commit``); if an engine is unreachable then, the pages are queued
(``PendingSearchUpdate``) and ``retry_pending`` sends them later (``run_scheduler`` calls it
every minute), so an outage neither fails the import nor loses an update, and a rolled-back
import never leaves hits for pages that do not exist.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.search.backends import get_search_backends

from .conf import get_setting

logger = logging.getLogger(__name__)

BATCH_SIZE = 500


def is_transactional(backend) -> bool:
    """Whether ``backend`` stores its index in the database (and so in its transactions)."""
    return any(
        cls.__module__.startswith("modelsearch.backends.database") for cls in type(backend).__mro__
    )


def transactional_backends() -> list:
    return [b for b in get_search_backends(with_auto_update=True) if is_transactional(b)]


def external_backends() -> list:
    return [b for b in get_search_backends(with_auto_update=True) if not is_transactional(b)]


def index_after_commit(model, pks: Iterable[int]) -> None:
    """Send the pages ``pks`` of ``model`` to the external engines once the current
    transaction commits (at once outside a transaction); nothing if it rolls back.

    ``DISCLOSURE_SEARCH_UPDATES_ON_COMMIT = False`` sends them at once instead: the test
    settings do, as a test's transaction never commits."""
    pks = list(pks)
    if not pks or not external_backends():
        return
    if get_setting("DISCLOSURE_SEARCH_UPDATES_ON_COMMIT"):
        transaction.on_commit(partial(_send_or_queue, model, pks))
    else:
        _send_or_queue(model, pks)


def pending_count() -> int:
    from .models import PendingSearchUpdate

    return PendingSearchUpdate.objects.count()


def pending_message(count: int) -> str:
    return _(
        "全文检索服务暂时无法连接：%(count)d 条信息已排队，服务恢复后自动补建索引"
        "（定时任务每分钟重试）。信息已发布，栏目和目录中可以看到。"
    ) % {"count": count}


def retry_pending(limit: int = 5000) -> int:
    """Send up to ``limit`` queued pages; return how many were sent (0 while an engine is
    still unreachable: the queue stays)."""
    from wagtail.models import Page

    from .models import PendingSearchUpdate

    queued = list(PendingSearchUpdate.objects.order_by("pk").values_list("page_id", flat=True))
    queued = queued[:limit]
    if not queued:
        return 0
    sent = 0
    for start in range(0, len(queued), BATCH_SIZE):
        pks = queued[start : start + BATCH_SIZE]
        pages = Page.objects.filter(pk__in=pks).specific()
        by_model: dict[type, list] = {}
        for page in pages:
            by_model.setdefault(type(page), []).append(page)
        try:
            for model, objects in by_model.items():
                _send(model, objects)
        except Exception as error:  # noqa: BLE001 - the engine's own errors, many kinds
            logger.warning("search index: %d pages still queued (%r)", len(queued) - sent, error)
            return sent
        PendingSearchUpdate.objects.filter(page_id__in=pks).delete()
        sent += len(pks)
    return sent


def queue_pages(pks: Iterable[int]) -> None:
    """Queue pages an external engine could not take, for ``retry_pending``."""
    from .models import PendingSearchUpdate

    PendingSearchUpdate.objects.bulk_create(
        [PendingSearchUpdate(page_id=pk) for pk in pks], ignore_conflicts=True
    )


def _send_or_queue(model, pks: list[int]) -> None:
    from wagtail.models import Page

    for start in range(0, len(pks), BATCH_SIZE):
        batch = pks[start : start + BATCH_SIZE]
        try:
            _send(model, list(model.objects.filter(pk__in=batch)))
        except Exception as error:  # noqa: BLE001 - the engine's own errors, many kinds
            rest = pks[start:]
            if not issubclass(model, Page):  # only pages can wait in the queue
                logger.warning("search index unreachable (%r): %r not indexed", error, model)
                return
            logger.warning("search index unreachable (%r): %d pages queued", error, len(rest))
            queue_pages(rest)
            return


def _send(model, objects: list) -> None:
    for backend in external_backends():
        backend.add_bulk(model, objects)
        # searchable now, not within the next refresh second: a search in between would be
        # cached without them until the next change
        backend.get_index_for_model(model).refresh()
    searchable_changed()


def searchable_changed() -> None:
    """Purge the cached searches: an external engine's index changed after the commit that
    purged them (``page_cache``)."""
    from . import caching

    caching.bump({"search"})
