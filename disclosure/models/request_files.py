"""The files of a request's handling: reply letters, notices, attached material.

They hold personal data and undisclosed information, so they live under ``documents/`` of
the storage (``disclosure_private`` in ``STORAGES`` when a deployment defines one): that
prefix is never served at ``MEDIA_URL`` (``disclosure_portal.views.serve_media``, the web
server rule in docs/deployment.md), only through the staff views after the unit check.
"""

from __future__ import annotations

import posixpath
import uuid

from django.conf import settings
from django.core.files.storage import Storage, default_storage, storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .requests import DeliveryMethod

PRIVATE_STORAGE_ALIAS = "disclosure_private"


def private_storage() -> Storage:
    if PRIVATE_STORAGE_ALIAS in settings.STORAGES:
        return storages[PRIVATE_STORAGE_ALIAS]
    return default_storage


def request_file_path(instance: RequestDocument, filename: str) -> str:
    """documents/requests/<request id>/<random>/<name>: no guessable names."""
    name = posixpath.basename(filename.replace("\\", "/"))[-100:] or "file"
    return f"documents/requests/{instance.request_id}/{uuid.uuid4().hex}/{name}"


class RequestDocument(models.Model):
    """One file of a request, e.g. the reply letter; its delivery when it went out."""

    class Kind(models.TextChoices):
        REPLY_LETTER = "reply_letter", _("答复书")
        ATTACHMENT = "attachment", _("答复附件")
        SUPPLEMENT_NOTICE = "supplement_notice", _("补正通知书")
        EXTENSION_NOTICE = "extension_notice", _("延期答复告知书")
        FEE_NOTICE = "fee_notice", _("收费通知书")
        OTHER = "other", _("其他材料")
        # sent by the applicant with an online 补正: seen by the unit's staff only
        APPLICANT_SUPPLEMENT = "applicant_supplement", _("申请人补正材料")

    request = models.ForeignKey(
        "disclosure.InformationRequest",
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    kind = models.CharField(_("类型"), max_length=24, choices=Kind.choices)
    title = models.CharField(_("名称"), max_length=120)
    file = models.FileField(
        _("文件"), upload_to=request_file_path, storage=private_storage, max_length=255
    )
    created_at = models.DateTimeField(_("生成时间"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("经办人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    delivery_method = models.CharField(
        _("送达方式"), max_length=16, choices=DeliveryMethod.choices, blank=True
    )
    delivered_on = models.DateField(_("送达日期"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("办理文书")
        verbose_name_plural = _("办理文书")

    def __str__(self) -> str:
        return self.title

    @property
    def filename(self) -> str:
        return posixpath.basename(self.file.name)
