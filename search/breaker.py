"""The public search survives an Elasticsearch that stops, hangs or slows down.

- Every public search request to Elasticsearch has a short timeout
  (``PORTAL_SEARCH_TIMEOUT``, 2 s) and no retry after a timeout: a citizen waits that long at
  worst, then gets the database's results with a notice (``views.search``). A node of a
  cluster that refuses the connection (stopped) is a quick error, so the request goes on to
  the next node in ``URLS``; the database answers only when none does.
- After a failure the breaker opens for ``PORTAL_SEARCH_BREAK_SECONDS`` (30 s): meanwhile
  searches go to the database at once, instead of each waiting for the timeout. The state
  is kept in Django's cache, so with a shared cache (Redis) one server's failure spares the
  others the wait too; a cache that fails counts as a closed breaker.
"""

from __future__ import annotations

import contextlib
import logging

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

SEARCH_TIMEOUT = 2.0
BREAK_SECONDS = 30


def _key(backend_name: str) -> str:
    return f"portal:search-backend-down:{backend_name}"


def is_open(backend_name: str) -> bool:
    """Whether ``backend_name`` failed recently and is to be skipped."""
    try:
        return bool(cache.get(_key(backend_name)))
    except Exception:  # noqa: BLE001 - a broken cache must not break searching
        return False


def trip(backend_name: str) -> None:
    seconds = getattr(settings, "PORTAL_SEARCH_BREAK_SECONDS", BREAK_SECONDS)
    logger.warning("search backend %s failed; skipping it for %s s", backend_name, seconds)
    with contextlib.suppress(Exception):  # a broken cache must not break searching
        cache.set(_key(backend_name), True, seconds)


def reset(backend_name: str) -> None:
    with contextlib.suppress(Exception):
        cache.delete(_key(backend_name))


def with_search_timeout(backend):
    """``backend`` with the public search's timeout on its Elasticsearch client, if any."""
    client = getattr(backend, "es", None)
    if client is not None:
        timeout = getattr(settings, "PORTAL_SEARCH_TIMEOUT", SEARCH_TIMEOUT)
        # a retry per other node: a refused connection moves on at once; a timeout is never
        # retried (retry_on_timeout), so the wait stays one timeout at worst
        retries = max(len(getattr(backend, "hosts", None) or ()) - 1, 0)
        backend.es = client.options(
            request_timeout=timeout, max_retries=retries, retry_on_timeout=False
        )
    return backend
