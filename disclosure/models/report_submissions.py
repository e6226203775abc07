"""报送: a unit's annual report submitted to the district office (《条例》第四十九条).

One row per unit report. Submitting stores the figures and narrative as submitted, so the
district compares and quotes what the unit actually sent; returning it (退回) keeps the
reason until the unit submits again.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportSubmission(models.Model):
    report = models.OneToOneField(
        "disclosure.AnnualReportPage",
        verbose_name=_("年报"),
        on_delete=models.CASCADE,
        related_name="submission",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("报送的版本"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    figures = models.JSONField(_("报送的数据"))
    narrative = models.JSONField(_("报送的文字部分"), default=dict)
    submitted_at = models.DateTimeField(_("报送时间"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("报送人"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    returned_at = models.DateTimeField(_("退回时间"), null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("退回人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    return_reason = models.TextField(_("退回理由"), blank=True)

    class Meta:
        verbose_name = _("年报报送")
        verbose_name_plural = _("年报报送")

    def __str__(self) -> str:
        return str(self.report)

    @property
    def is_returned(self) -> bool:
        return self.returned_at is not None
