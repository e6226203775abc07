"""The popular-search log (Wagtail's search promotions report), kept off the request path.

Wagtail's ``Query.get(q).add_hit()`` writes two rows on every search: under an import on
SQLite the search then fails with "database is locked", and any visitor can add rows without
limit. Here a search only counts in memory; a background thread of the same process writes
the counts every ``FLUSH_SECONDS`` in one transaction, and if that fails (the database is
busy or down) the counts wait for the next round. The buffer is bounded: past
``MAX_PENDING_QUERIES`` distinct queries a new one is not counted until the next flush.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter

from django.conf import settings
from django.db import close_old_connections, transaction
from django.db.models import F
from django.utils import timezone
from modelsearch.utils import normalise_query_string

logger = logging.getLogger(__name__)

FLUSH_SECONDS = 30.0  # PORTAL_SEARCH_HITS_FLUSH_SECONDS; None: only explicit flush() (tests)
MAX_PENDING_QUERIES = 500
MAX_QUERY_LENGTH = 200

_pending: Counter = Counter()
_lock = threading.Lock()
_flusher: threading.Thread | None = None


def record_hit(query_string: str) -> None:
    """Count one search for ``query_string``; never raises, never touches the database."""
    query_string = _normalise(query_string)
    if not query_string:
        return
    with _lock:
        if query_string in _pending or len(_pending) < MAX_PENDING_QUERIES:
            _pending[query_string] += 1
        _ensure_flusher()


def clear() -> None:
    """Forget the counted hits (tests)."""
    with _lock:
        _pending.clear()


def pending() -> dict[str, int]:
    with _lock:
        return dict(_pending)


def flush() -> int:
    """Write the counted hits to Wagtail's tables; return how many queries were written.
    On failure the counts are put back (within the bound) and 0 is returned."""
    with _lock:
        batch = dict(_pending)
        _pending.clear()
    if not batch:
        return 0
    try:
        _write(batch)
    except Exception:  # noqa: BLE001 - the log must never break searching
        logger.warning("search hit log: could not write %d queries, retrying", len(batch))
        with _lock:
            for query_string, hits in batch.items():
                if query_string in _pending or len(_pending) < MAX_PENDING_QUERIES:
                    _pending[query_string] += hits
        return 0
    return len(batch)


def _write(batch: dict[str, int]) -> None:
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    today = timezone.localdate()
    with transaction.atomic():
        for query_string, hits in batch.items():
            query = Query.get(query_string)
            daily, created = QueryDailyHits.objects.get_or_create(
                query=query, date=today, defaults={"hits": hits}
            )
            if not created:
                QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + hits)


def _normalise(query_string: str) -> str:
    return normalise_query_string(query_string)[:MAX_QUERY_LENGTH]  # as Query.get does


def _flush_seconds() -> float | None:
    return getattr(settings, "PORTAL_SEARCH_HITS_FLUSH_SECONDS", FLUSH_SECONDS)


def _ensure_flusher() -> None:
    global _flusher
    if _flush_seconds() is None:
        return
    if _flusher is None or not _flusher.is_alive():
        _flusher = threading.Thread(target=_flush_forever, name="search-hit-log", daemon=True)
        _flusher.start()


def _flush_forever() -> None:
    stop = threading.Event()
    while not stop.wait(_flush_seconds() or FLUSH_SECONDS):
        flush()
        close_old_connections()  # this thread's connection, not a request's
