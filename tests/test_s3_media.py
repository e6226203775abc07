"""Uploads in S3-compatible object storage (a real S3Proxy, tests/s3.py): an attachment goes to
the bucket, is downloaded through the portal while its page is public and only then (404, not
a redirect to a signed URL, once the page is withdrawn), and leaves the bucket with its
document; images and renditions are streamed by the portal at MEDIA_URL; /healthz checks the
bucket; the production settings switch to the bucket only when one is named."""

import json
import os
import subprocess
import sys

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents import get_document_model

from disclosure.models import DisclosureDocumentPage

from .conftest import add_column, admin_document_form
from .test_settings import GOOD_KEY, ROOT

PDF = b"%PDF-1.4\n" + "关于公开附件的说明".encode() + bytes(range(256)) * 64


def _upload(client, title: str, filename: str, content: bytes):
    """An editor's upload through the admin's document form."""
    response = client.post(
        "/admin/documents/add/",
        {"title": title, "file": SimpleUploadedFile(filename, content, "application/pdf")},
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    return get_document_model().objects.get(title=title)


def _publish_with_attachment(client, column, unit, file, slug: str) -> DisclosureDocumentPage:
    """An editor's new document page with ``file`` as its attachment, published."""
    form = admin_document_form(
        unit,
        title="关于附件存储的通知",
        slug=slug,
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-document": str(file.pk),
            "attachments-0-title": "",
            "attachments-0-id": "",
            "attachments-0-ORDER": "1",
            "action-publish": "publish",
        },
    )
    response = client.post(f"/admin/pages/add/disclosure/disclosuredocumentpage/{column.pk}/", form)
    assert response.status_code == 302, response.content.decode()[-3000:]
    page = DisclosureDocumentPage.objects.get(slug=slug)
    assert page.live and [a.document_id for a in page.attachments.all()] == [file.pk]
    return page


def _download(url: str) -> tuple[int, bytes, dict]:
    response = Client().get(url)  # an anonymous visitor
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body, response.headers


def test_an_attachment_lives_in_the_bucket_and_is_served_only_while_its_page_is_public(
    client, webmaster, index, unit, s3_media, django_capture_on_commit_callbacks
):
    column = add_column(index, "通知公告")
    file = _upload(client, "存储附件", "附件 说明.pdf", PDF)

    key = file.file.name
    assert key.startswith("documents/") and key in s3_media.object_keys()
    assert s3_media.read(key) == PDF

    assert _download(file.url)[0] == 404  # attached to no public page yet
    page = _publish_with_attachment(client, column, unit, file, "s3-attachment")

    status, body, headers = _download(file.url)
    assert status == 200, headers
    assert body == PDF
    assert headers["Content-Length"] == str(len(PDF))
    assert headers["Content-Type"] == "application/pdf"
    assert headers["Content-Disposition"] == file.content_disposition  # PDF: inline
    assert headers["Content-Security-Policy"] == "default-src 'none'"
    assert "Location" not in headers  # streamed by the portal, never a redirect to the bucket

    page.unpublish()
    status, body, headers = _download(file.url)
    assert status == 404 and "Location" not in headers
    assert PDF not in body

    # an editor deletes the document: the object leaves the bucket after the commit
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/documents/delete/{file.pk}/")
    assert response.status_code == 302
    assert not get_document_model().objects.filter(pk=file.pk).exists()
    assert key not in s3_media.object_keys()


def test_two_uploads_with_one_name_keep_two_objects(client, webmaster, s3_media):
    first = _upload(client, "第一份", "同名.pdf", PDF)
    second = _upload(client, "第二份", "同名.pdf", PDF + b"v2")
    assert first.file.name != second.file.name
    assert s3_media.read(first.file.name) == PDF  # never overwritten
    assert s3_media.read(second.file.name) == PDF + b"v2"


def test_images_and_renditions_are_served_from_the_bucket_by_the_portal(db, s3_media):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    image = get_image_model().objects.create(title="现场照片", file=get_test_image_file())
    rendition = image.get_rendition("width-100")
    for file in (image.file, rendition.file):
        assert file.name in s3_media.object_keys()
        # the portal's own URL: pages never carry the bucket's signed, expiring URLs
        assert file.url == "/media/" + file.name
        status, body, headers = _download(file.url)
        assert status == 200 and body == s3_media.read(file.name)
        assert headers["Content-Type"] == "image/png"

    assert _download("/media/images/no-such-file.png")[0] == 404


def test_document_files_are_never_served_from_media(client, webmaster, s3_media):
    file = _upload(client, "媒体路径附件", "media.pdf", PDF)
    assert file.file.name.startswith("documents/")
    assert _download("/media/" + file.file.name)[0] == 404
    assert _download("/media/images/../" + file.file.name)[0] == 404


def test_healthz_reports_the_s3_storage(client, db, s3_media):
    response = client.get("/healthz")
    storage = json.loads(response.content)["checks"]["storage"]
    assert storage["ok"], storage
    assert storage["detail"] == "S3MediaStorage"
    assert s3_media.object_keys() == []  # the probe file is deleted again


def test_healthz_reports_a_missing_bucket(client, db, s3_media, settings):
    gone = {**s3_media.env(), "AWS_STORAGE_BUCKET_NAME": "no-such-bucket-here"}
    from disclosure_portal.storage import s3_storage

    settings.STORAGES = {**settings.STORAGES, "default": s3_storage(gone)}
    response = client.get("/healthz")
    body = json.loads(response.content)
    assert response.status_code == 200 and body["status"] == "degraded"
    assert not body["checks"]["storage"]["ok"]


def _production_settings(**env: str) -> dict:
    """What the production settings make of ``env`` (the shell's AWS_* left out)."""
    script = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'default': s.STORAGES['default'], 'serve': s.WAGTAILDOCS_SERVE_METHOD,"
        "'media': getattr(s, 'PORTAL_SERVE_MEDIA', False)}))"
    )
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "AWS_"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="disclosure_portal.settings.production",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="xxgk.example.gov.cn",
        **env,
    )
    for command in (["check", "--deploy", "--fail-level", "WARNING"], ["shell", "-c", script]):
        result = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *command],
            cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr + result.stdout
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_production_settings_use_the_bucket_only_when_one_is_named():
    local = _production_settings()
    assert local["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert local["serve"] == "serve_view" and not local["media"]
    assert _production_settings(AWS_STORAGE_BUCKET_NAME="")["default"] == local["default"]

    s3 = _production_settings(
        AWS_STORAGE_BUCKET_NAME="portal-media",
        AWS_S3_ENDPOINT_URL="https://s3.intranet.example:9000",
        AWS_ACCESS_KEY_ID="portal",
        AWS_SECRET_ACCESS_KEY="never-in-the-options",
        AWS_LOCATION="/portal/",
    )
    assert s3["default"]["BACKEND"] == "disclosure_portal.media.S3MediaStorage"
    assert s3["serve"] == "serve_view" and s3["media"]
    assert s3["default"]["OPTIONS"] == {
        "bucket_name": "portal-media",
        "endpoint_url": "https://s3.intranet.example:9000",
        "region_name": "us-east-1",
        "location": "portal",
        "default_acl": None,
        "querystring_auth": True,
        "file_overwrite": False,
        "max_memory_size": 2 * 1024 * 1024,
        "addressing_style": "path",
        "signature_version": "s3v4",
    }


def test_without_object_storage_media_root_files_are_served_as_before(db):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    image = get_image_model().objects.create(title="本地照片", file=get_test_image_file())
    status, body, _ = _download(image.file.url)
    assert status == 200 and body == image.file.open("rb").read()
    assert _download("/media/documents/anything.pdf")[0] == 404
