"""信息公开 → 目录导入: upload, validation and preview, confirmation, import — each step a task
on the database queue, run here by the worker's own ``run_task``."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageLogEntry

from disclosure.importing.jobs import ImportJob
from disclosure.models import DisclosureDocumentPage

from .catalog_helpers import row, write_csv

BACKEND = "disclosure_imports"


def run_queued_tasks() -> int:
    """What ``manage.py db_worker --backend disclosure_imports`` does with each ready task."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name=BACKEND,
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ready = list(DBTaskResult.objects.ready().filter(backend_name=BACKEND))
    for result in ready:
        result.claim(worker.worker_id)
        worker.run_task(result)
    return len(ready)


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("webmaster", "w@example.invalid", "pw")
    client.force_login(user)
    return client


def upload(client, tmp_path, rows, **options):
    path = write_csv(tmp_path / "catalogue.csv", rows)
    data = {"file": SimpleUploadedFile("目录.csv", path.read_bytes()), **options}
    response = client.post(reverse("disclosure_import:upload"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def test_only_superusers_may_import(client, db):
    user = get_user_model().objects.create_user("editor", "e@example.invalid", "pw")
    user.is_staff = True
    user.save()
    client.force_login(user)
    assert client.get(reverse("disclosure_import:upload")).status_code in (302, 403)


def test_upload_validate_preview_confirm_import(admin_client, index, column, unit, tmp_path):
    rows = [row(标题=f"后台导入 {i}") for i in range(12)]
    status_url = upload(admin_client, tmp_path, rows)
    # Nothing ran inside the request: the validation waits in the database queue.
    assert DBTaskResult.objects.filter(backend_name=BACKEND, status="READY").count() == 1
    page = admin_client.get(status_url).content.decode()
    assert 'data-phase="queued"' in page and 'http-equiv="refresh"' in page

    assert run_queued_tasks() == 1
    page = admin_client.get(status_url).content.decode()
    assert 'data-phase="validated"' in page
    assert "校验通过：12 行。" in page and "后台导入 9" in page and "后台导入 10" not in page
    assert not DisclosureDocumentPage.objects.exists()

    job_id = status_url.rstrip("/").rsplit("/", 1)[-1]
    response = admin_client.post(reverse("disclosure_import:confirm", args=[job_id]))
    assert response.status_code == 302
    assert 'data-phase="confirmed"' in admin_client.get(status_url).content.decode()
    assert run_queued_tasks() == 1
    page = admin_client.get(status_url).content.decode()
    assert 'data-phase="done"' in page and "导入完成：12 条信息。" in page
    assert DisclosureDocumentPage.objects.live().count() == 12
    entry = PageLogEntry.objects.filter(action="disclosure.import").first()
    assert entry.data["source"] == "目录.csv" and entry.user.username == "webmaster"
    assert not ImportJob(job_id).upload_path.exists()
    # A job is confirmed once.
    assert admin_client.post(reverse("disclosure_import:confirm", args=[job_id])).status_code == 404


def test_invalid_file_shows_errors_and_offers_the_report(admin_client, index, column, tmp_path):
    status_url = upload(admin_client, tmp_path, [row(), row(发布日期="2024-13-01")])
    run_queued_tasks()
    page = admin_client.get(status_url).content.decode()
    assert 'data-phase="invalid"' in page
    assert "第 3 行 [发布日期]" in page and "确认导入" not in page
    job_id = status_url.rstrip("/").rsplit("/", 1)[-1]
    report = admin_client.get(reverse("disclosure_import:report", args=[job_id]))
    assert "第" not in b"".join(report.streaming_content).decode("utf-8-sig").splitlines()[0]
    assert not DisclosureDocumentPage.objects.exists()


def test_wrong_file_type_is_refused_by_the_form(admin_client, index):
    data = {"file": SimpleUploadedFile("目录.txt", b"x")}
    response = admin_client.post(reverse("disclosure_import:upload"), data)
    assert response.status_code == 200
    assert "只能上传 .csv 或 .xlsx 文件" in response.content.decode()


def test_unknown_job_is_not_found(admin_client):
    assert admin_client.get("/admin/disclosure/import/" + "0" * 32 + "/").status_code == 404
    assert admin_client.get("/admin/disclosure/import/../etc/").status_code == 404
