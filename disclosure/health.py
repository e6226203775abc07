"""``/healthz`` for the load balancer, and the scheduler's heartbeat it reports.

Each check returns ``(ok, detail)``. The answer is 503 when this server cannot serve pages
(no database, no cache: a purge would not reach it); an unreachable Elasticsearch (the
public search falls back to the database), media storage or scheduler make it "degraded"
but still 200, so the balancer keeps a server that works and the monitoring sees the rest.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from . import caching


def scheduler_last_seen() -> float | None:
    """Seconds since ``publish_scheduled`` last ran, or None if it never did (the database
    row ``dashboard.heartbeat`` keeps, the same for every app server)."""
    from .dashboard import heartbeat

    return heartbeat.status().seconds_since


def check_database() -> tuple[bool, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return True, connection.vendor


def check_cache() -> tuple[bool, str]:
    key, value = f"disclosure:health:{secrets.token_hex(4)}", secrets.token_hex(4)
    store = caching.cache()
    store.set(key, value, timeout=30)
    ok = store.get(key) == value
    store.delete(key)
    return ok, type(store).__name__


def check_search() -> tuple[bool, str]:
    from wagtail.search.backends import get_search_backend

    name = getattr(settings, "PORTAL_SEARCH_BACKEND", "default")
    backend = get_search_backend(name)
    client = getattr(backend, "es", None)
    if client is None:
        return True, f"{name}: the database"
    return bool(client.ping()), f"{name}: Elasticsearch"


def check_storage() -> tuple[bool, str]:
    name = default_storage.save(f"healthz/{secrets.token_hex(6)}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name) as handle:
            ok = handle.read() == b"ok"
    finally:
        default_storage.delete(name)
    # the class behind the lazy default_storage (type() would name the lazy wrapper)
    return ok, default_storage.__class__.__name__


def check_scheduler() -> tuple[bool, str]:
    seen = scheduler_last_seen()
    if seen is None:
        return False, "run_scheduler has not run"
    from .dashboard.heartbeat import STALE_AFTER

    return seen < STALE_AFTER.total_seconds(), f"last run {seen:.0f} s ago"


ESSENTIAL = {"database": check_database, "cache": check_cache}
OTHERS = {"search": check_search, "storage": check_storage, "scheduler": check_scheduler}


def _run(check: Callable[[], tuple[bool, str]]) -> dict:
    started = time.monotonic()
    try:
        ok, detail = check()
    except Exception as error:  # noqa: BLE001 - any failure of the part is the answer
        ok, detail = False, f"{type(error).__name__}: {error}"[:300]
    return {"ok": ok, "detail": detail, "ms": round((time.monotonic() - started) * 1000, 1)}


def health() -> tuple[int, dict]:
    checks = {name: _run(check) for name, check in {**ESSENTIAL, **OTHERS}.items()}
    if not all(checks[name]["ok"] for name in ESSENTIAL):
        status, code = "fail", 503
    elif not all(result["ok"] for result in checks.values()):
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return code, {"status": status, "time": timezone.now().isoformat(), "checks": checks}


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    code, body = health()
    return JsonResponse(body, status=code, json_dumps_params={"ensure_ascii": False})
