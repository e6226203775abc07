"""The files an applicant sends with an online 补正: what is accepted and how it is kept.

A file is accepted by its content, not its name: the extension must be one of ``ACCEPTED``
and the first bytes must be that format's signature (a DOCX or an OFD is a ZIP package
holding its main part). The files go to the private request storage
(``models/request_files.py``), never to a public URL; ``store_supplement`` writes the rows,
the objects and the step all together or nothing.
"""

from __future__ import annotations

import logging
import posixpath
import unicodedata
import zipfile
from collections.abc import Callable, Iterable

from django import forms
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from ...models import RequestDocument
from ..staff.steps import MultipleFileInput

logger = logging.getLogger(__name__)

MAX_FILES = 5
MAX_BYTES = 10 * 1024 * 1024
TITLE_LENGTH = 120
AGAIN = _("请重新选择文件。")

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of Word 97–2003


def _zip_holding(part: str) -> Callable[[UploadedFile], bool]:
    """A DOCX or OFD check: a ZIP package whose directory lists ``part`` (nothing unpacked)."""

    def check(upload: UploadedFile) -> bool:
        upload.seek(0)
        if upload.read(4) != b"PK\x03\x04":
            return False
        upload.seek(0)
        try:
            with zipfile.ZipFile(upload) as package:
                return any(name.lower() == part for name in package.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return False

    return check


def _starts_with(*signatures: bytes) -> Callable[[UploadedFile], bool]:
    def check(upload: UploadedFile) -> bool:
        upload.seek(0)
        head = upload.read(16)
        return any(head.startswith(signature) for signature in signatures)

    return check


def _pdf(upload: UploadedFile) -> bool:
    # the header may follow a few bytes of junk (ISO 32000-1 §7.5.2 readers allow 1024)
    upload.seek(0)
    return b"%PDF-" in upload.read(1024)


# extension → (the format's name in messages, its content check)
ACCEPTED: dict[str, tuple[str, Callable[[UploadedFile], bool]]] = {
    "pdf": ("PDF", _pdf),
    "jpg": ("JPEG", _starts_with(b"\xff\xd8\xff")),
    "jpeg": ("JPEG", _starts_with(b"\xff\xd8\xff")),
    "png": ("PNG", _starts_with(b"\x89PNG\r\n\x1a\n")),
    "doc": ("DOC", _starts_with(OLE)),
    "docx": ("DOCX", _zip_holding("word/document.xml")),
    "ofd": ("OFD", _zip_holding("ofd.xml")),
}
ACCEPT_ATTR = ",".join(
    [f".{ext}" for ext in ACCEPTED]
    + ["application/pdf", "image/jpeg", "image/png", "application/msword"]
)


def display_name(name: str) -> str:
    """The name as sent, without a path or control characters, short enough for a title."""
    name = posixpath.basename((name or "").replace("\\", "/"))
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip()
    if len(name) > TITLE_LENGTH:
        stem, dot, ext = name.rpartition(".")
        name = stem[: TITLE_LENGTH - len(ext) - 1] + dot + ext if dot else name[:TITLE_LENGTH]
    return name or "file"


def storage_name(name: str) -> str:
    """A safe object name that keeps the (checked) extension."""
    stem, _dot, ext = display_name(name).rpartition(".")
    try:
        stem = get_valid_filename(stem[:80]).strip(".")
    except SuspiciousFileOperation:  # nothing usable left, e.g. "：.pdf"
        stem = ""
    return f"{stem or 'file'}.{ext.lower()}"


def check_upload(upload: UploadedFile) -> None:
    """Raise a Chinese ValidationError unless ``upload`` is an accepted file of its type."""
    name = display_name(upload.name)
    ext = name.rpartition(".")[2].lower() if "." in name else ""
    if ext not in ACCEPTED:
        raise ValidationError(
            _("“%(name)s”的类型不能上传：只能上传 PDF、JPG、PNG、DOC、DOCX 或 OFD 文件。"),
            code="type",
            params={"name": name},
        )
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("“%(name)s”大于 10 MB，请压缩或拆分后上传。"), code="size", params={"name": name}
        )
    if upload.size == 0:
        raise ValidationError(_("“%(name)s”是空文件。"), code="empty", params={"name": name})
    kind, check = ACCEPTED[ext]
    if not check(upload):
        raise ValidationError(
            _("“%(name)s”的内容不是 %(kind)s 文件，可能已损坏或扩展名有误。"),
            code="content",
            params={"name": name, "kind": kind},
        )
    upload.seek(0)


class SupplementFilesField(forms.FileField):
    """Up to ``MAX_FILES`` files, each checked by ``check_upload``; a list when clean."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_empty_file", True)  # refused by check_upload, in its words
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = ACCEPT_ATTR

    def clean(self, data, initial=None) -> list[UploadedFile]:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_FILES:
            raise ValidationError(
                _("最多上传 %(most)d 个文件，您选择了 %(count)d 个。")
                % {"most": MAX_FILES, "count": len(files)}
                + str(AGAIN),
                code="too_many",
            )
        errors = []
        for upload in files:
            try:
                check_upload(super().clean(upload, initial))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError([*errors, AGAIN])
        return files


def store_supplement(
    info_request, files: Iterable[UploadedFile], record_step: Callable[[], object]
) -> list[RequestDocument]:
    """Keep ``files`` as the applicant's documents of ``info_request`` and record the step.

    All or nothing: the rows and the step in one transaction, and the objects already put
    in storage deleted again if anything fails (storage is outside the transaction).
    """
    stored: list[RequestDocument] = []
    try:
        with transaction.atomic():
            for upload in files:
                document = RequestDocument(
                    request=info_request,
                    kind=RequestDocument.Kind.APPLICANT_SUPPLEMENT,
                    title=display_name(upload.name),
                )
                document.file.save(storage_name(upload.name), upload, save=False)
                stored.append(document)
                document.save()
            record_step()
    except BaseException:
        for document in stored:
            try:
                document.file.storage.delete(document.file.name)
            except Exception:  # the original failure matters more; say what is left over
                logger.exception("could not delete %s after a failed 补正", document.file.name)
        raise
    return stored
