"""The fee steps of a request (信息处理费, 国办函〔2020〕109号): the notice with its amount
from ``requests.fees``, payment or waiver, and closing an unpaid one as （六）2."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from ...models import InformationRequest, RequestDocument, RequestOutcome, RequestStatus
from ...models.request_fees import FeeNotice, issue_fee_notice
from ..fees import FeeError, FeeMethod, count_earlier_in_month, quote_fee
from ..letters.legal_basis import FEE
from ..workflow import transition
from .notices import store_notice

S = RequestStatus


def earlier_requests_this_month(request) -> int:
    """The applicant's other applications received earlier in the same month (by identity
    number); a request without one (paper, anonymised) counts alone."""
    applicant = getattr(request, "applicant", None)
    number = (applicant.id_number or "").strip().upper() if applicant else ""
    if not number:
        return 0
    same_applicant = InformationRequest.objects.filter(applicant__id_number__iexact=number)
    earlier = same_applicant.exclude(pk=request.pk).filter(
        received_date__lt=request.received_date
    ) | same_applicant.filter(received_date=request.received_date, pk__lt=request.pk)
    return count_earlier_in_month(earlier.distinct(), request.received_date)


def _open_notice(request) -> FeeNotice:
    notice = request.fee_notices.filter(paid_date__isnull=True, waived=False).last()
    if notice is None:
        raise ValidationError(_("本申请没有待缴费的收费通知。"))
    return notice


@transaction.atomic
def request_fee(
    request,
    *,
    user,
    method: str,
    quantity: int,
    issued_on: datetime.date,
    note: str = "",
):
    """发出收费通知: by request (with the month's earlier requests) or by page, never both."""
    from .actions import _check_date, _require_status

    _require_status(request, {S.PROCESSING, S.EXTENDED}, S.AWAITING_FEE)
    _check_date(issued_on, "issued_on", not_before=request.received_date)
    earlier = earlier_requests_this_month(request)
    try:
        if method == FeeMethod.PER_REQUEST:
            quote = quote_fee(requests=quantity, earlier_requests=earlier)
        elif method == FeeMethod.PER_PAGE:
            quote = quote_fee(pages=quantity)
        else:
            quote = quote_fee()  # neither: the calculator explains
    except FeeError as error:
        raise ValidationError({"quantity": str(error)}) from None
    if quote.amount <= 0:
        raise ValidationError(
            {"quantity": _("按收费标准本申请不收费（%(summary)s）。") % {"summary": quote.summary}}
        )
    notice = issue_fee_notice(request, quote, issued=issued_on)
    store_notice(request, FEE, RequestDocument.Kind.FEE_NOTICE, user=user)
    return transition(
        request,
        S.AWAITING_FEE,
        user=user,
        title=_("发出收费通知（%(amount)s元，缴费期限%(due)s）")
        % {"amount": notice.amount, "due": f"{notice.due_date:%Y-%m-%d}"},
        note="\n".join(filter(None, [quote.summary, note])),
        data={"amount": str(notice.amount), "method": quote.method.value},
    )


@transaction.atomic
def fee_paid(
    request,
    *,
    user,
    paid_on: datetime.date,
    waived: bool = False,
    waiver_reason: str = "",
    note: str = "",
):
    """已缴费 (the fee counts in the year's 收费 figures) or 减免 (recorded with its reason)."""
    from .actions import _check_date, _require_status

    _require_status(request, {S.AWAITING_FEE}, S.PROCESSING)
    notice = _open_notice(request)
    _check_date(paid_on, "paid_on", not_before=notice.issued_date)
    if waived:
        if not (waiver_reason or "").strip():
            raise ValidationError({"waiver_reason": _("减免收费的，请写明理由。")})
        notice.waived, notice.waiver_reason = True, waiver_reason.strip()
        notice.waiver_approved_by = user.get_full_name() or user.get_username() if user else ""
        title = _("减免信息处理费")
    else:
        notice.paid_date = paid_on
        title = _("申请人已缴费")
    notice.full_clean()
    notice.save()
    paid = request.fee_notices.filter(paid_date__isnull=False, waived=False)
    request.fee_charged = paid.aggregate(total=Sum("amount"))["total"] or 0
    return transition(request, S.PROCESSING, user=user, title=title, note=note or waiver_reason)


@transaction.atomic
def close_fee_unpaid(request, *, user, closed_on: datetime.date, note: str = ""):
    """逾期未缴费 (《办法》): counted in （六）2, after the notice's payment deadline."""
    from .actions import _close, _require_status

    _require_status(request, {S.AWAITING_FEE}, S.REPLIED)
    notice = _open_notice(request)
    if closed_on is not None and closed_on <= notice.due_date:
        raise ValidationError(
            {
                "closed_on": _("缴费期限（%(date)s）届满后才能按逾期未缴费办结。")
                % {"date": f"{notice.due_date:%Y-%m-%d}"}
            }
        )
    request.fee_charged = 0
    _close(request, RequestOutcome.OTHER_FEE_UNPAID, closed_on)
    return transition(request, S.REPLIED, user=user, title=_("逾期未缴费，不再处理"), note=note)
