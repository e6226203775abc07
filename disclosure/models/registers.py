"""The registers behind Tables B and C of the annual report.

``InformationRequest`` (依申请公开登记) is one application, from receipt to the closing
decision, whether it came through the portal's form or was typed in from paper. It holds no
personal data: that is ``RequestApplicant`` (requests.py), with the pauses and the timeline.
Closing a request fills in ``closed_date`` and ``outcome``, so Table B keeps one source.

``ReviewCase`` (复议诉讼登记) is one administrative reconsideration or lawsuit about
disclosure work.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import (
    ApplicantType,
    RequestOutcome,
    ReviewKind,
    ReviewResult,
    grouped_outcome_choices,
)
from .cleaning import CleanTextMixin
from .requests import Carrier, DeliveryMethod, RequestStatus


def _check_dates(
    start: datetime.date | None,
    end: datetime.date | None,
    start_field: str,
    end_field: str,
    end_message,
) -> dict:
    """The Chinese errors of a (start, end) date pair: no future dates, end not before start."""
    errors = {}
    today = timezone.localdate()
    if start and start > today:
        errors[start_field] = _("日期不能晚于今天。")
    if end and end > today:
        errors[end_field] = _("日期不能晚于今天。")
    if start and end and end < start:
        errors[end_field] = end_message
    return errors


class InformationRequest(CleanTextMixin, models.Model):
    """依申请公开登记: one application for government information."""

    class Channel(models.TextChoices):
        IN_PERSON = "in_person", _("当面提交")
        ONLINE = "online", _("网上申请")
        LETTER = "letter", _("信函")
        FAX = "fax", _("传真")
        EMAIL = "email", _("电子邮件")
        OTHER = "other", _("其他")

    unit = models.ForeignKey(
        "disclosure.DisclosureUnit",
        verbose_name=_("受理单位"),
        on_delete=models.PROTECT,
        related_name="information_requests",
    )
    reference_no = models.CharField(
        _("登记编号"),
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        help_text=_("本单位的申请登记编号或网上申请查询码，可留空。"),
    )
    received_date = models.DateField(
        _("收到申请日期"),
        help_text=_("按《条例》第三十一条确定的收到申请之日。"),
    )
    channel = models.CharField(
        _("申请方式"), max_length=16, choices=Channel.choices, default=Channel.IN_PERSON
    )
    applicant_type = models.CharField(_("申请人类型"), max_length=32, choices=ApplicantType.choices)
    subject = models.TextField(_("申请内容"), help_text=_("所需信息的名称、文号或内容描述。"))
    closed_date = models.DateField(
        _("办结日期"), null=True, blank=True, help_text=_("尚未办结的留空。")
    )
    outcome = models.CharField(
        _("办理结果"),
        max_length=32,
        choices=grouped_outcome_choices(),
        blank=True,
        help_text=_("办结时必须选择，且只能选择一项；部分公开的只计“部分公开”。"),
    )
    fee_charged = models.DecimalField(
        _("收取信息处理费（元）"),
        max_digits=10,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    notes = models.TextField(_("备注"), blank=True)
    # The handling workflow (disclosure.requests.workflow).
    status = models.CharField(
        _("办理状态"),
        max_length=24,
        choices=RequestStatus.choices,
        default=RequestStatus.REGISTERED,
    )
    query_code = models.CharField(
        _("查询码"), max_length=16, unique=True, null=True, blank=True, editable=False
    )
    submitted_at = models.DateTimeField(_("网上提交时间"), null=True, blank=True)
    document_reference = models.CharField(
        _("文号或索引号"), max_length=100, blank=True, help_text=_("申请人知道的可以填写。")
    )
    purpose = models.TextField(_("用途"), blank=True, help_text=_("申请人自愿填写。"))
    carrier = models.CharField(
        _("提供载体"), max_length=16, choices=Carrier.choices, default=Carrier.ELECTRONIC
    )
    delivery_method = models.CharField(
        _("获取方式"),
        max_length=16,
        choices=DeliveryMethod.choices,
        default=DeliveryMethod.ONLINE,
    )
    # The clock (disclosure.requests.deadlines.RequestClock); pauses are RequestPause rows.
    supplement_requested = models.DateField(_("发出补正通知日期"), null=True, blank=True)
    supplement_due = models.DateField(_("补正期限"), null=True, blank=True)
    supplement_received = models.DateField(_("收到补正日期"), null=True, blank=True)
    extension_workdays = models.PositiveSmallIntegerField(
        _("延长答复期限（工作日）"), default=0, validators=[MaxValueValidator(20)]
    )
    deadline = models.DateField(
        _("答复期限"), null=True, blank=True, editable=False, help_text=_("按工作日自动计算。")
    )
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    class Meta:
        ordering = ["-received_date", "-pk"]
        verbose_name = _("依申请公开登记")
        verbose_name_plural = _("依申请公开登记")
        indexes = [
            models.Index(fields=["received_date", "unit"], name="disclosure_req_received"),
            models.Index(fields=["closed_date", "unit"], name="disclosure_req_closed"),
            models.Index(fields=["status", "deadline"], name="disclosure_req_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_date__isnull=True)
                | Q(closed_date__gte=models.F("received_date")),
                name="request_closed_not_before_received",
            ),
            models.CheckConstraint(
                condition=(Q(closed_date__isnull=True) & Q(outcome=""))
                | (Q(closed_date__isnull=False) & ~Q(outcome="")),
                name="request_outcome_iff_closed",
            ),
            models.CheckConstraint(
                condition=Q(fee_charged__gte=0), name="request_fee_not_negative"
            ),
        ]

    def __str__(self) -> str:
        subject = self.subject if len(self.subject) <= 30 else self.subject[:30] + "…"
        return f"{self.received_date:%Y-%m-%d} {subject}"

    @property
    def is_open(self) -> bool:
        return self.closed_date is None

    def clean(self) -> None:
        super().clean()
        errors = _check_dates(
            self.received_date,
            self.closed_date,
            "received_date",
            "closed_date",
            _("办结日期不能早于收到申请日期。"),
        )
        if self.closed_date and not self.outcome:
            errors.setdefault("outcome", _("已办结的申请必须选择办理结果。"))
        if self.outcome and not self.closed_date:
            errors.setdefault("closed_date", _("选择了办理结果的申请必须填写办结日期。"))
        if self.outcome == RequestOutcome.OTHER_FEE_UNPAID and self.fee_charged:
            errors.setdefault(
                "fee_charged", _("申请人逾期未缴费、不再处理的申请不应登记收取的费用。")
            )
        if errors:
            raise ValidationError(errors)


class ReviewCase(CleanTextMixin, models.Model):
    """复议诉讼登记: one reconsideration or lawsuit about disclosure work."""

    unit = models.ForeignKey(
        "disclosure.DisclosureUnit",
        verbose_name=_("被申请（被诉）单位"),
        on_delete=models.PROTECT,
        related_name="review_cases",
    )
    kind = models.CharField(_("类型"), max_length=40, choices=ReviewKind.choices)
    case_no = models.CharField(_("案号"), max_length=64, blank=True)
    filed_date = models.DateField(_("收到（立案）日期"))
    closed_date = models.DateField(
        _("审结日期"), null=True, blank=True, help_text=_("尚未审结的留空。")
    )
    result = models.CharField(
        _("审理结果"),
        max_length=16,
        choices=ReviewResult.choices,
        blank=True,
        help_text=_("审结时必须选择；尚未审结的留空。"),
    )
    request = models.ForeignKey(
        InformationRequest,
        verbose_name=_("涉及的申请"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="review_cases",
    )
    notes = models.TextField(_("备注"), blank=True)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    class Meta:
        ordering = ["-filed_date", "-pk"]
        verbose_name = _("复议诉讼登记")
        verbose_name_plural = _("复议诉讼登记")
        indexes = [
            models.Index(fields=["filed_date", "unit"], name="disclosure_review_filed"),
            models.Index(fields=["closed_date", "unit"], name="disclosure_review_closed"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_date__isnull=True) | Q(closed_date__gte=models.F("filed_date")),
                name="review_closed_not_before_filed",
            ),
            models.CheckConstraint(
                condition=(Q(closed_date__isnull=True) & Q(result=""))
                | (Q(closed_date__isnull=False) & ~Q(result="")),
                name="review_result_iff_closed",
            ),
        ]

    def __str__(self) -> str:
        label = self.case_no or f"{self.filed_date:%Y-%m-%d}"
        return f"{self.get_kind_display()} {label}"

    @property
    def is_open(self) -> bool:
        return self.closed_date is None

    def clean(self) -> None:
        super().clean()
        errors = _check_dates(
            self.filed_date,
            self.closed_date,
            "filed_date",
            "closed_date",
            _("审结日期不能早于收到（立案）日期。"),
        )
        if self.closed_date and not self.result:
            errors.setdefault("result", _("已审结的案件必须选择审理结果。"))
        if self.result and not self.closed_date:
            errors.setdefault("closed_date", _("选择了审理结果的案件必须填写审结日期。"))
        if self.request_id and self.request.unit_id != self.unit_id:
            errors.setdefault("request", _("涉及的申请必须是本单位受理的申请。"))
        if errors:
            raise ValidationError(errors)
