"""Templates of the letters sent to applicants: a 答复书 per result row of Table B and the
notices of the handling (补正, 延期, 征求第三方意见, 收费, 受理回执).

Several templates may exist per kind (fine-grained local variants such as 不存在 and
非本机关 both roll up to "本机关不掌握相关政府信息"); the case worker picks an active one.
Placeholders are ``{申请人}`` style names (``requests.letters.placeholders``), checked on
save with a Chinese message for anything unknown.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..requests.letters.legal_basis import kind_choices, kind_label
from ..requests.letters.placeholders import template_errors
from .cleaning import CleanTextMixin

# The fields that hold placeholders, in the order the letter shows them.
TEMPLATE_FIELDS = ("title", "number_line", "addressee", "body", "remedy")


class LetterTemplateQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_kind(self, kind: str):
        return self.active().filter(kind=kind).order_by("sort_order", "pk")


class LetterTemplate(CleanTextMixin, models.Model):
    kind = models.CharField(_("文书类别"), max_length=40, choices=kind_choices())
    name = models.CharField(
        _("模板名称"),
        max_length=100,
        help_text=_("在同一类别的多个模板中区分本模板，例如“不存在”“非本机关负责公开”。"),
    )
    title = models.CharField(_("标题"), max_length=100, default="政府信息公开申请答复书")
    number_line = models.CharField(
        _("文号"),
        max_length=100,
        blank=True,
        default="〔{年份}〕第{序号}号",
        help_text=_("标题下的编号行，例如“某政信复〔{年份}〕第{序号}号”；不需要时留空。"),
    )
    addressee = models.CharField(
        _("主送"), max_length=100, default="{申请人}：", help_text=_("称呼行，例如“{申请人}：”。")
    )
    body = models.TextField(_("正文"))
    remedy = models.TextField(
        _("救济途径"),
        blank=True,
        help_text=_("正文后的告知行政复议、行政诉讼权利的段落；告知书不需要时留空。"),
    )
    is_active = models.BooleanField(_("启用"), default=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    objects = LetterTemplateQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "sort_order", "pk"]
        verbose_name = _("答复文书模板")
        verbose_name_plural = _("答复文书模板")
        constraints = [
            models.UniqueConstraint(fields=["kind", "name"], name="disclosure_letter_kind_name")
        ]

    def __str__(self) -> str:
        return f"{kind_label(self.kind)} · {self.name}"

    def clean(self) -> None:
        super().clean()
        errors = {}
        for name in TEMPLATE_FIELDS:
            if messages := template_errors(getattr(self, name) or ""):
                errors[name] = messages
        if errors:
            raise ValidationError(errors)
