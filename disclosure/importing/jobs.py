"""Imports started from the admin: an upload, a validation task, a confirmation, an import task.

Both steps run as background tasks (``django-tasks``) on the backend named by the setting
``DISCLOSURE_IMPORT_TASK_BACKEND``: a real queue such as ``django_tasks_db.DatabaseBackend``
with its worker (``manage.py db_worker --backend <alias>``), so a 10,000-row file never runs
inside a web request. A job is a directory under ``DISCLOSURE_IMPORT_DIR`` holding the upload
and ``state.json`` (phase, progress, result), written atomically by the task and read by the
admin page, so no database table is needed.
"""

import contextlib
import json
import os
import re
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from .. import search_updates
from ..conf import get_setting
from ..models import DisclosureUnit
from . import import_catalog
from .errors import UnreadableFile, write_error_report
from .reader import CatalogReader
from .values import text

PREVIEW_ROWS = 10
SHOWN_ERRORS = 200
RUNNING_PHASES = ("queued", "validating", "confirmed", "importing")
WORKING_PHASES = ("validating", "importing")  # a worker holds the job
# The worker touches the job's heartbeat file this often while it works on it (the final
# commit of a large import makes no progress calls); a job whose heartbeat is older than
# STALE_SECONDS, or whose worker process on this host is gone, was killed.
HEARTBEAT_SECONDS = 5.0
STALE_SECONDS = 60.0
_JOB_ID = re.compile(r"^[0-9a-f]{32}$")


def import_dir() -> Path:
    configured = get_setting("DISCLOSURE_IMPORT_DIR")
    return (
        Path(configured) if configured else Path(settings.MEDIA_ROOT).parent / "catalogue-imports"
    )


class ImportJob:
    def __init__(self, job_id: str):
        if not _JOB_ID.match(job_id):
            raise FileNotFoundError(job_id)
        self.id = job_id
        self.dir = import_dir() / job_id
        self.state_path = self.dir / "state.json"
        self.state: dict = json.loads(self.state_path.read_text(encoding="utf-8"))
        self._saved_at = 0.0

    @classmethod
    def create(cls, upload: UploadedFile, *, user, create_units: bool, unit) -> "ImportJob":
        job_id = uuid.uuid4().hex
        directory = import_dir() / job_id
        directory.mkdir(parents=True)
        suffix = Path(upload.name).suffix.lower()
        with open(directory / f"upload{suffix}", "wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        state = {
            "phase": "queued",
            "file_name": Path(upload.name).name,
            "upload": f"upload{suffix}",
            "user_id": user.pk if user else None,
            "create_units": create_units,
            "unit_id": unit.pk if unit else None,
            "created_at": timezone.now().isoformat(),
            "progress": {"done": 0, "total": None},
        }
        (directory / "state.json").write_text(json.dumps(state), encoding="utf-8")
        return cls(job_id)

    @property
    def upload_path(self) -> Path:
        return self.dir / self.state["upload"]

    @property
    def report_path(self) -> Path:
        return self.dir / "errors.csv"

    def update(self, **changes) -> None:
        self.state.update(changes)
        temporary = self.state_path.with_suffix(".tmp")
        temporary.write_text(json.dumps(self.state, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, self.state_path)
        self._saved_at = time.monotonic()

    @property
    def heartbeat_path(self) -> Path:
        return self.dir / "heartbeat"

    def is_dead(self) -> bool:
        """Whether the worker that held this job was killed (the job can be retried: an
        interrupted validation or import wrote nothing)."""
        if self.state["phase"] not in WORKING_PHASES:
            return False
        worker = self.state.get("worker") or {}
        if worker.get("host") == socket.gethostname() and not _process_alive(worker.get("pid")):
            return True
        try:
            beat = self.heartbeat_path.stat().st_mtime
        except FileNotFoundError:
            return True
        return time.time() - beat > STALE_SECONDS

    def retry(self) -> None:
        """Queue an interrupted job's step again: validation, or the confirmed import."""
        if self.state["phase"] == "validating":
            self.update(phase="queued", progress={"done": 0, "total": None})
            validate_import.enqueue(self.id)
        else:
            self.update(phase="confirmed", progress={"done": 0, "total": None})
            run_import.enqueue(self.id)

    def progress(self, phase: str, done: int, total: int | None) -> None:
        if done == total or time.monotonic() - self._saved_at > 1:
            self.update(progress={"phase": phase, "done": done, "total": total})

    def options(self) -> dict:
        from ..permissions.importing import ImportScope

        unit = DisclosureUnit.objects.filter(pk=self.state["unit_id"]).first()
        user = get_user_model().objects.filter(pk=self.state["user_id"]).first()
        return {
            "create_units": self.state["create_units"],
            "unit": unit,
            # a unit person's file: their rows only (nothing at all if they were deleted)
            "scope": ImportScope.for_user(user)
            if user or self.state["user_id"] is None
            else ImportScope(frozenset()),
        }

    def preview(self) -> list[list[str]]:
        reader = CatalogReader(self.upload_path)
        rows = []
        for number, row in reader.iter_rows():
            rows.append([str(number), *(text(row.get(key)) for key in PREVIEW_KEYS)])
            if len(rows) >= PREVIEW_ROWS:
                break
        return rows


PREVIEW_KEYS = ("title", "column", "unit", "index_no", "publish_date")


def _summary(result) -> dict:
    return {
        "rows": result.rows,
        "written": result.written,
        "kept": result.index_numbers_kept,
        "allocated": result.index_numbers_allocated,
        "columns_created": result.columns_created,
        "units_created": result.units_created,
        "ignored_headers": result.ignored_headers,
        "error_count": len(result.errors),
        "errors": [str(e) for e in result.errors[:SHOWN_ERRORS]],
        "elapsed": round(result.elapsed, 1),
        "rate": round(result.rows_per_second),
    }


def _process_alive(pid) -> bool:
    if not isinstance(pid, int):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


@contextlib.contextmanager
def _heartbeat(job: ImportJob) -> Iterator[None]:
    """Touch the job's heartbeat file every few seconds while the block runs."""
    stop = threading.Event()

    def beat() -> None:
        while True:
            job.heartbeat_path.touch()
            if stop.wait(HEARTBEAT_SECONDS):
                return

    thread = threading.Thread(target=beat, name=f"import-heartbeat-{job.id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def _run(job: ImportJob, phase: str, done_phase: str, **options) -> dict:
    worker = {"host": socket.gethostname(), "pid": os.getpid()}
    job.update(phase=phase, worker=worker, progress={"done": 0, "total": None})
    with _heartbeat(job):
        return _run_step(job, done_phase, **options)


def _run_step(job: ImportJob, done_phase: str, **options) -> dict:
    try:
        result = import_catalog(job.upload_path, progress=job.progress, **job.options(), **options)
    except UnreadableFile as exc:
        job.update(phase="failed", message=_("无法读取文件：%(error)s") % {"error": exc})
        return {"message": str(exc)}
    except Exception as exc:
        message = _("导入时发生意外错误，未写入任何内容（%(error)r）。请稍后重试或联系管理员。")
        job.update(phase="failed", message=message % {"error": exc})
        raise
    summary = _summary(result)
    if done_phase == "done":
        summary["search_pending"] = search_updates.pending_count()
    if result.errors:
        write_error_report(result.errors, job.report_path)
    job.update(phase=done_phase if result.ok else "invalid", result=summary)
    return summary


@task(backend=get_setting("DISCLOSURE_IMPORT_TASK_BACKEND"))
def validate_import(job_id: str) -> dict:
    """First step: validate the whole file (a dry run) and keep a preview of its first rows."""
    job = ImportJob(job_id)
    try:
        job.update(preview=job.preview())
    except Exception as exc:  # noqa: BLE001 - whatever the file holds: explained, not raised
        job.update(phase="failed", message=_("无法读取文件：%(error)s") % {"error": exc})
        return {"message": str(exc)}
    return _run(job, "validating", "validated", dry_run=True)


@task(backend=get_setting("DISCLOSURE_IMPORT_TASK_BACKEND"))
def run_import(job_id: str) -> dict:
    """Second step, after the confirmation: the import itself, all or nothing."""
    job = ImportJob(job_id)
    user = get_user_model().objects.filter(pk=job.state["user_id"]).first()
    summary = _run(job, "importing", "done", user=user, source=job.state["file_name"])
    if job.state["phase"] == "done":
        job.upload_path.unlink(missing_ok=True)
    return summary
