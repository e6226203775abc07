"""The task worker killed in the middle of an import: nothing is written, the admin says the
import was interrupted (instead of "importing" forever) and offers to run it again."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from disclosure.importing.jobs import ImportJob
from disclosure.models import DisclosureDocumentPage

from .catalog_helpers import row, write_csv
from .servers import database_url

REPO = Path(__file__).resolve().parents[1]
ROWS = 4000


def start_worker(settings) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "disclosure_portal.settings.test",
        "DATABASE_URL": database_url(),
        "DISCLOSURE_IMPORT_DIR": str(settings.DISCLOSURE_IMPORT_DIR),
    }
    command = [sys.executable, "manage.py", "db_worker", "--backend", "disclosure_imports"]
    command += ["--no-reload", "--interval", "0.2"]
    return subprocess.Popen(command, cwd=REPO, env=env)  # noqa: S603


def wait_for(predicate, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.1)


def phase(job_id: str) -> str:
    return ImportJob(job_id).state["phase"]


@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_leaves_nothing_and_the_import_can_be_retried(
    client, settings, column, unit, tmp_path
):
    settings.DISCLOSURE_IMPORT_DIR = str(tmp_path / "imports")
    user = get_user_model().objects.create_superuser("webmaster", "w@example.invalid", "pw")
    client.force_login(user)
    rows = [row(标题=f"第{n}号通知") for n in range(ROWS)]
    path = write_csv(tmp_path / "catalogue.csv", rows)
    response = client.post(
        reverse("disclosure_import:upload"),
        {"file": SimpleUploadedFile("目录.csv", path.read_bytes())},
    )
    job_id = response["Location"].rstrip("/").split("/")[-1]

    worker = start_worker(settings)
    try:
        wait_for(lambda: phase(job_id) == "validated")
        client.post(reverse("disclosure_import:confirm", args=[job_id]))
        # killed once the import has written its first batches (inside its transaction)
        wait_for(lambda: (ImportJob(job_id).state.get("progress") or {}).get("phase") == "write")
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()

    assert phase(job_id) == "importing"  # what the killed worker left
    assert DisclosureDocumentPage.objects.count() == 0
    status = client.get(reverse("disclosure_import:status", args=[job_id]))
    content = status.content.decode()
    assert "导入已中断" in content and "未写入任何内容" in content
    assert 'http-equiv="refresh"' not in content

    client.post(reverse("disclosure_import:retry", args=[job_id]))
    assert phase(job_id) == "confirmed"
    worker = start_worker(settings)
    try:
        wait_for(lambda: phase(job_id) == "done")
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    assert DisclosureDocumentPage.objects.count() == ROWS
    assert (
        "导入完成"
        in client.get(reverse("disclosure_import:status", args=[job_id])).content.decode()
    )


def test_a_running_job_with_a_live_worker_is_not_dead(settings, tmp_path, db):
    settings.DISCLOSURE_IMPORT_DIR = str(tmp_path)
    job = ImportJob.create(
        SimpleUploadedFile("a.csv", b"x"), user=None, create_units=False, unit=None
    )
    import socket

    job.update(phase="importing", worker={"host": socket.gethostname(), "pid": os.getpid()})
    job.heartbeat_path.touch()
    assert not job.is_dead()
    os.utime(job.heartbeat_path, (time.time() - 3600, time.time() - 3600))
    assert job.is_dead()  # a stale heartbeat: a worker on another host that died
