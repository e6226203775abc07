"""The public catalogue download, kept as files and written again only when it changed.

Building the catalogue of 100,000 documents takes seconds (CSV about 4 s, XLSX about 18 s);
on every request it was the slowest thing the portal served (p50 3 s under load). Here each
format and site has a file named after the versions of the ``catalogue`` and ``site`` cache
tags (``caching``) and the links' public base URL (``public_urls``), so any purge or a new
address names a new file; a file is also stale once a scheduled
go-live or expiry has passed since it was written. A stale file is never served: it may list
a page that is no longer public.

One process writes a missing file (under a lock, to a temporary name, then renamed) while
the others wait for it; older files are removed. ``run_scheduler`` calls ``refresh`` every
minute, so after a change the files that visitors download are usually written before the
next visitor asks for them.

``DISCLOSURE_CATALOGUE_DIR`` (default ``catalogue-files`` beside ``MEDIA_ROOT``) is local to
each app server: every server writes its own copy once per change.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from . import caching
from .conf import get_setting
from .public_urls import public_base_urls

EXTENSIONS = ("csv", "xlsx")
FILE_NAME = re.compile(r"^catalogue-(?P<site>\d+|none)-[0-9a-f]+\.(?P<extension>csv|xlsx)$")


def catalogue_dir() -> Path:
    configured = get_setting("DISCLOSURE_CATALOGUE_DIR")
    return Path(configured) if configured else Path(settings.MEDIA_ROOT).parent / "catalogue-files"


def current_file(extension: str, site_id: int | None) -> Path:
    """The up-to-date catalogue file of ``extension`` with the links of site ``site_id``,
    written first if there is none."""
    if extension not in EXTENSIONS:
        raise ValueError(extension)
    directory = catalogue_dir()
    directory.mkdir(parents=True, exist_ok=True)
    versions = caching.current_versions(["catalogue", "site"])
    # the links' base URL too: a setting changed without a purge must not keep old links
    state = f"{sorted(versions.items())}|{sorted(public_base_urls().items())}"
    stamp = hashlib.sha256(state.encode()).hexdigest()[:20]
    path = directory / f"catalogue-{site_id or 'none'}-{stamp}.{extension}"
    if _is_current(path):
        return path
    with open(directory / f".{extension}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the others wait for this file, not write their own
        if not _is_current(path):
            partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
            try:
                write_catalogue(partial, extension, site_id)
                os.replace(partial, path)
            finally:
                partial.unlink(missing_ok=True)
            _remove_others(directory, extension, site_id, keep=path)
    return path


def write_catalogue(path: Path, extension: str, site_id: int | None) -> None:
    from .exporting import csv_lines, public_catalog_rows, write_xlsx
    from .listing import public_documents

    rows = public_catalog_rows(public_documents(), site_id=site_id)
    if extension == "csv":
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.writelines(csv_lines(rows))
    else:
        write_xlsx(rows, path)


def refresh() -> list[Path]:
    """Write the current files of every format and site that was downloaded before (a file
    of it is present); return the files written or found current."""
    directory = catalogue_dir()
    if not directory.is_dir():
        return []
    wanted = set()
    for file in directory.iterdir():
        if match := FILE_NAME.match(file.name):
            site = match["site"]
            wanted.add((match["extension"], None if site == "none" else int(site)))
    return [current_file(extension, site_id) for extension, site_id in sorted(wanted, key=str)]


def _is_current(path: Path) -> bool:
    """Present, and no page went live or expired by schedule since it was written."""
    try:
        written = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    except FileNotFoundError:
        return False
    change = caching.next_scheduled_change(written)
    return change is None or change > timezone.now()


def _remove_others(directory: Path, extension: str, site_id: int | None, keep: Path) -> None:
    for other in directory.glob(f"catalogue-{site_id or 'none'}-*.{extension}"):
        if other != keep:
            other.unlink(missing_ok=True)
