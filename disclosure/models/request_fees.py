"""收费通知: a fee notice on an application, its payment or waiver.

The amount and its breakdown are computed by ``requests.fees`` when the notice is issued
and kept as issued (the notice the applicant received). An application whose notice is
neither paid nor waived by its due date ends as Table B row （六）2
(``RequestOutcome.OTHER_FEE_UNPAID``): ``lapsed_notices`` lists them for the workflow.

The amount actually charged (``charged_amount``: paid and not waived) is what the
request's ``fee_charged`` should hold, the figure section 六 of the annual report sums.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..conf import get_setting
from ..requests.fee_notice import fee_notice_text
from ..requests.fees import FeeMethod, FeeQuote, payment_due_date, quote_from_breakdown
from ..requests.workdays import WorkdayCalendar
from .cleaning import CleanTextMixin
from .workdays import workday_calendar


class FeeNoticeStatus(models.TextChoices):
    DUE = "due", _("待缴费")
    PAID = "paid", _("已缴费")
    WAIVED = "waived", _("已减免")
    LAPSED = "lapsed", _("逾期未缴")


class FeeNotice(CleanTextMixin, models.Model):
    """收费通知: what one application owes under the 办法, and whether it was paid."""

    request = models.ForeignKey(
        "disclosure.InformationRequest",
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="fee_notices",
    )
    method = models.CharField(
        _("计费方式"),
        max_length=16,
        choices=[
            (FeeMethod.PER_REQUEST.value, _("按件计收")),
            (FeeMethod.PER_PAGE.value, _("按量计收")),
        ],
    )
    quantity = models.PositiveIntegerField(_("件数或页数"))
    earlier_requests = models.PositiveIntegerField(
        _("本月此前累计件数"),
        default=0,
        help_text=_("按件计收时，同一申请人本自然月内此前的申请件数。"),
    )
    amount = models.DecimalField(
        _("应缴金额（元）"), max_digits=10, decimal_places=2, validators=[MinValueValidator(0)]
    )
    breakdown = models.JSONField(_("计费明细"), default=list, blank=True, encoder=DjangoJSONEncoder)
    issued_date = models.DateField(_("通知日期"))
    due_date = models.DateField(_("缴费期限"))
    paid_date = models.DateField(_("缴费日期"), null=True, blank=True)
    waived = models.BooleanField(_("已减免"), default=False)
    waiver_reason = models.TextField(_("减免理由"), blank=True)
    waiver_approved_by = models.CharField(_("减免批准人"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    class Meta:
        ordering = ["-issued_date", "-pk"]
        verbose_name = _("收费通知")
        verbose_name_plural = _("收费通知")
        indexes = [
            models.Index(fields=["due_date"], name="disclosure_fee_due"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="fee_notice_amount_positive"),
            models.CheckConstraint(
                condition=Q(due_date__gte=models.F("issued_date")),
                name="fee_notice_due_not_before_issued",
            ),
            models.CheckConstraint(
                condition=Q(paid_date__isnull=True) | Q(paid_date__gte=models.F("issued_date")),
                name="fee_notice_paid_not_before_issued",
            ),
            models.CheckConstraint(
                condition=~(Q(waived=True) & Q(paid_date__isnull=False)),
                name="fee_notice_paid_or_waived",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.issued_date:%Y-%m-%d} {self.get_method_display()} {self.amount}元"

    def status_on(self, today: datetime.date) -> FeeNoticeStatus:
        if self.waived:
            return FeeNoticeStatus.WAIVED
        if self.paid_date is not None:
            return FeeNoticeStatus.PAID
        if today > self.due_date:
            return FeeNoticeStatus.LAPSED
        return FeeNoticeStatus.DUE

    @property
    def status(self) -> FeeNoticeStatus:
        return self.status_on(timezone.localdate())

    @property
    def charged_amount(self) -> Decimal:
        """The fee actually collected: the amount once paid, nothing if waived or unpaid."""
        return self.amount if self.paid_date is not None and not self.waived else Decimal("0.00")

    @property
    def quote(self) -> FeeQuote:
        return quote_from_breakdown(
            self.method, self.quantity, self.earlier_requests, self.breakdown
        )

    def text(self, **kwargs) -> str:
        """The notice's text (``requests.fee_notice.fee_notice_text``)."""
        return fee_notice_text(self.quote, issued=self.issued_date, due=self.due_date, **kwargs)

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.amount is not None and self.amount <= 0:
            errors["amount"] = _("不收费的申请无需发出收费通知。")
        if self.issued_date and self.due_date and self.due_date < self.issued_date:
            errors["due_date"] = _("缴费期限不能早于通知日期。")
        if self.issued_date and self.paid_date and self.paid_date < self.issued_date:
            errors["paid_date"] = _("缴费日期不能早于通知日期。")
        if self.paid_date and self.paid_date > timezone.localdate():
            errors.setdefault("paid_date", _("日期不能晚于今天。"))
        if self.waived and self.paid_date:
            errors["waived"] = _("已缴费的收费通知不能再登记减免。")
        if self.waived and not self.waiver_reason.strip():
            errors["waiver_reason"] = _("减免必须填写理由。")
        if self.waived and not self.waiver_approved_by.strip():
            errors["waiver_approved_by"] = _("减免必须填写批准人。")
        if errors:
            raise ValidationError(errors)


def issue_fee_notice(
    request,
    quote: FeeQuote,
    *,
    issued: datetime.date | None = None,
    calendar: WorkdayCalendar | None = None,
) -> FeeNotice:
    """Save the notice of ``quote`` on ``request``, due DISCLOSURE_FEE_PAYMENT_WORKDAYS
    working days after ``issued`` (default today)."""
    issued = issued or timezone.localdate()
    calendar = calendar if calendar is not None else workday_calendar()
    notice = FeeNotice(
        request=request,
        method=quote.method.value,
        quantity=quote.quantity,
        earlier_requests=quote.earlier,
        amount=quote.amount,
        breakdown=quote.breakdown(),
        issued_date=issued,
        due_date=payment_due_date(issued, calendar, get_setting("DISCLOSURE_FEE_PAYMENT_WORKDAYS")),
    )
    notice.full_clean()
    notice.save()
    return notice


def lapsed_notices(today: datetime.date):
    """Notices neither paid nor waived whose due date is before ``today``, on applications
    still open: the workflow closes each as ``RequestOutcome.OTHER_FEE_UNPAID``."""
    return FeeNotice.objects.filter(
        paid_date__isnull=True,
        waived=False,
        due_date__lt=today,
        request__closed_date__isnull=True,
    ).select_related("request")


@dataclass(frozen=True)
class FeeTotals:
    """收费及减免: what the notices of ``notices`` came to."""

    charged_count: int
    charged: Decimal  # paid and not waived: the sum the registers' fee_charged should hold
    waived_count: int
    waived: Decimal
    unpaid_count: int  # neither paid nor waived (due or lapsed)


def fee_totals(notices) -> FeeTotals:
    """Totals of a queryset of notices; for the figures of section 六 pass the notices of
    the applications closed in the period (``request__closed_date__range``), as the
    statistics count ``fee_charged`` by closing date."""
    zero = Value(Decimal("0"), output_field=models.DecimalField(max_digits=12, decimal_places=2))
    paid = Q(paid_date__isnull=False, waived=False)
    unpaid = Q(paid_date__isnull=True, waived=False)
    waived = Q(waived=True)
    # aliases unlike the field names: an alias "waived" would shadow the field in the filters
    row = notices.order_by().aggregate(
        n_charged=Count("pk", filter=paid),
        sum_charged=Coalesce(Sum("amount", filter=paid), zero),
        n_waived=Count("pk", filter=waived),
        sum_waived=Coalesce(Sum("amount", filter=waived), zero),
        n_unpaid=Count("pk", filter=unpaid),
    )
    return FeeTotals(
        charged_count=row["n_charged"],
        charged=row["sum_charged"],
        waived_count=row["n_waived"],
        waived=row["sum_waived"],
        unpaid_count=row["n_unpaid"],
    )
