"""The public catalogue download, kept as files and written again only when it changed.

Building the catalogue of 100,000 documents takes seconds; on every request it was the
slowest thing the portal served (p50 3 s under load). Here each format is a file named after
the versions of the ``catalogue`` and ``site`` cache tags (``caching``), so any purge names
a new file; a file is also stale once a scheduled go-live or expiry has passed since it was
written. One process writes a missing file (under a lock, to a temporary name, then renamed)
while the others wait for it; older files are removed.

``DISCLOSURE_CATALOGUE_DIR`` (default ``catalogue-files`` beside ``MEDIA_ROOT``) is local to
each app server: every server writes its own copy once per change.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from . import caching
from .conf import get_setting


def catalogue_dir() -> Path:
    configured = get_setting("DISCLOSURE_CATALOGUE_DIR")
    return Path(configured) if configured else Path(settings.MEDIA_ROOT).parent / "catalogue-files"


def current_file(extension: str, host: str, write: Callable[[Path], None]) -> Path:
    """The up-to-date catalogue file of ``extension`` for links on ``host``; ``write(path)``
    creates it when there is none."""
    directory = catalogue_dir()
    directory.mkdir(parents=True, exist_ok=True)
    versions = caching.current_versions(["catalogue", "site"])
    stamp = hashlib.sha256(f"{host}|{sorted(versions.items())}".encode()).hexdigest()[:20]
    path = directory / f"catalogue-{stamp}.{extension}"
    if _is_current(path):
        return path
    with open(directory / f".{extension}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the others wait for this file, not write their own
        if not _is_current(path):
            partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
            try:
                write(partial)
                os.replace(partial, path)
            finally:
                partial.unlink(missing_ok=True)
            _remove_others(directory, extension, keep=path)
    return path


def _is_current(path: Path) -> bool:
    """Present, and no page went live or expired by schedule since it was written."""
    try:
        written = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    except FileNotFoundError:
        return False
    change = caching.next_scheduled_change(written)
    return change is None or change > timezone.now()


def _remove_others(directory: Path, extension: str, keep: Path) -> None:
    for other in directory.glob(f"catalogue-*.{extension}"):
        if other != keep:
            other.unlink(missing_ok=True)
