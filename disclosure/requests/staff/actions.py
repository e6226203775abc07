"""One function per handling step: check the input, set the request's fields, move it on.

Every function raises ``ValidationError`` with Chinese messages keyed by the form field
they concern (``None`` for the request as a whole) and changes nothing when it does; the
state change itself goes through ``workflow.transition`` (timeline and audit log). Who may
call them is the views' business.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ...models import RequestDocument, RequestOutcome, RequestPause, RequestStatus
from ...models.choices import OUTCOME_GROUPS
from ..deadlines import CONSULTATION_WORKDAYS, MAX_EXTENSION_WORKDAYS, ClockError
from ..letters.legal_basis import EXTENSION as EXTENSION_LETTER
from ..letters.legal_basis import SUPPLEMENT as SUPPLEMENT_LETTER
from ..letters.legal_basis import THIRD_PARTY as THIRD_PARTY_LETTER
from ..workflow import TRANSITIONS, clock_for, refresh_deadline, transition
from .fee_steps import close_fee_unpaid, fee_paid, request_fee  # noqa: F401 - steps
from .letter import reply_letter_file, reply_template
from .notices import store_notice

S = RequestStatus
O = RequestOutcome  # noqa: E741

# （五）不予处理: the rows a request not accepted (不予受理) is counted in.
NOT_ACCEPTED_OUTCOMES = tuple(dict(OUTCOME_GROUPS)["（五）不予处理"])
# The rows that have their own step (逾期不补正, 逾期未缴费, 撤回) are not replies to choose.
REPLY_OUTCOMES = tuple(o for o in O if o not in {O.OTHER_NO_SUPPLEMENT, O.OTHER_FEE_UNPAID})
# A reply is given while the request is being handled, not while waiting for 补正 or a fee.
REPLY_FROM = frozenset({S.PROCESSING, S.CONSULTING, S.EXTENDED})


def _require_status(request, allowed: Iterable[str], target: str) -> None:
    if request.status not in allowed or target not in TRANSITIONS[S(request.status)]:
        raise ValidationError(
            _("申请当前为“%(current)s”，不能办理此步骤。") % {"current": S(request.status).label}
        )


def _check_date(
    value: datetime.date | None,
    field: str,
    *,
    not_before: datetime.date | None = None,
    before_message: str = "",
    future_allowed: bool = False,
) -> datetime.date:
    if value is None:
        raise ValidationError({field: _("请填写日期。")})
    if not future_allowed and value > timezone.localdate():
        raise ValidationError({field: _("日期不能晚于今天。")})
    if not_before is not None and value < not_before:
        raise ValidationError({field: before_message})
    return value


def _required(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


def _validated_clock(request):
    try:
        return clock_for(request)
    except ClockError as error:
        raise ValidationError(str(error)) from None


def _close(request, outcome: str, closed_on: datetime.date) -> None:
    request.outcome = outcome
    request.closed_date = _check_date(
        closed_on,
        "closed_on",
        not_before=request.received_date,
        before_message=_("办结日期不能早于收到申请日期。"),
    )


@transaction.atomic
def accept(request, *, user, note: str = ""):
    _require_status(request, {S.REGISTERED}, S.ACCEPTED)
    return transition(request, S.ACCEPTED, user=user, note=note)


@transaction.atomic
def start_processing(request, *, user, note: str = ""):
    _require_status(request, {S.ACCEPTED}, S.PROCESSING)
    return transition(request, S.PROCESSING, user=user, note=note)


@transaction.atomic
def not_accept(request, *, user, outcome: str, closed_on: datetime.date, reason: str):
    """不予受理 (e.g. a 信访 complaint, Art. 39): counted in a （五） row."""
    _require_status(request, {S.REGISTERED}, S.NOT_ACCEPTED)
    if outcome not in NOT_ACCEPTED_OUTCOMES:
        raise ValidationError({"outcome": _("请选择不予处理的情形。")})
    reason = _required(reason, "reason", _("请填写不予受理的理由。"))
    _close(request, outcome, closed_on)
    return transition(request, S.NOT_ACCEPTED, user=user, note=reason)


@transaction.atomic
def request_supplement(
    request,
    *,
    user,
    sent_on: datetime.date,
    due: datetime.date,
    items: str,
    late_reason: str = "",
):
    """The one consolidated 补正 notice (Art. 30): within 7 working days of receipt."""
    _require_status(request, {S.REGISTERED, S.ACCEPTED, S.PROCESSING}, S.AWAITING_SUPPLEMENT)
    if request.supplement_requested is not None:
        raise ValidationError(_("补正通知应一次性告知，本申请已发出过补正通知。"))
    if request.pauses.exists():
        raise ValidationError(_("已征求第三方意见的申请不能再通知补正。"))
    items = _required(items, "items", _("请写明需要补正的事项。"))
    _check_date(
        sent_on,
        "sent_on",
        not_before=request.received_date,
        before_message=_("补正通知日期不能早于收到申请日期。"),
    )
    if due is None or due <= sent_on:
        raise ValidationError({"due": _("补正期限应晚于补正通知日期。")})
    notice_due = clock_for(request).supplement_notice_due
    late_reason = (late_reason or "").strip()
    if sent_on > notice_due and not late_reason:
        raise ValidationError(
            {
                "late_reason": _(
                    "补正通知应在收到申请之日起7个工作日内（%(date)s前）发出；"
                    "逾期发出的，请说明原因。"
                )
                % {"date": f"{notice_due:%Y-%m-%d}"}
            }
        )
    request.supplement_requested, request.supplement_due = sent_on, due
    _validated_clock(request)
    note = items if not late_reason else f"{items}\n" + _("逾期发出原因：") + late_reason
    request.save()
    store_notice(
        request,
        SUPPLEMENT_LETTER,
        RequestDocument.Kind.SUPPLEMENT_NOTICE,
        user=user,
        supplement_items=items.splitlines(),
        reply_date=sent_on,
    )
    return transition(
        request,
        S.AWAITING_SUPPLEMENT,
        user=user,
        title=_("发出补正通知（补正期限%(due)s）") % {"due": f"{due:%Y-%m-%d}"},
        note=note,
        data={"supplement_due": due.isoformat(), "late": sent_on > notice_due},
    )


@transaction.atomic
def receive_supplement(request, *, user, received_on: datetime.date, note: str = ""):
    """The supplemented request arrived: the reply period runs again from that day."""
    _require_status(request, {S.AWAITING_SUPPLEMENT}, S.PROCESSING)
    _check_date(
        received_on,
        "received_on",
        not_before=request.supplement_requested,
        before_message=_("收到补正的日期不能早于补正通知日期。"),
        # online (user None) after hours: received on the next working day (Art. 31)
        future_allowed=user is None,
    )
    if received_on > request.supplement_due and not (note or "").strip():
        raise ValidationError({"note": _("申请人逾期补正的，请说明是否有正当理由。")})
    request.supplement_received = received_on
    _validated_clock(request)
    title = _("申请人提交补正") if user is None else _("收到补正材料")
    return transition(request, S.PROCESSING, user=user, title=title, note=note)


@transaction.atomic
def close_unsupplemented(request, *, user, closed_on: datetime.date, note: str = ""):
    """逾期不补正 (Art. 30): counted in （六）1."""
    _require_status(request, {S.AWAITING_SUPPLEMENT}, S.REPLIED)
    if closed_on is not None and request.supplement_due and closed_on <= request.supplement_due:
        raise ValidationError(
            {
                "closed_on": _("补正期限（%(date)s）届满后才能按逾期不补正办结。")
                % {"date": f"{request.supplement_due:%Y-%m-%d}"}
            }
        )
    _close(request, O.OTHER_NO_SUPPLEMENT, closed_on)
    return transition(request, S.REPLIED, user=user, title=_("逾期未补正，不再处理"), note=note)


@transaction.atomic
def start_consultation(
    request, *, user, sent_on: datetime.date, consulted: str, kind: str, note: str = ""
):
    """征求第三方（或共同制作机关）意见 (Arts. 32, 34): up to 15 working days off the clock."""
    _require_status(request, {S.PROCESSING, S.EXTENDED}, S.CONSULTING)
    consulted = _required(consulted, "consulted", _("请填写征求意见的对象。"))
    start = clock_for(request).start
    _check_date(
        sent_on,
        "sent_on",
        not_before=start,
        before_message=_("征求意见日期不能早于答复期限的起算日。"),
    )
    RequestPause.objects.create(request=request, start=sent_on, consulted=consulted, kind=kind)
    # the letter to the third party (征求意见函): staff papers, not shown to the applicant
    answer_by = clock_for(request).calendar.add_workdays(sent_on, CONSULTATION_WORKDAYS)
    store_notice(
        request,
        THIRD_PARTY_LETTER,
        RequestDocument.Kind.OTHER,
        user=user,
        third_party=consulted,
        deadline=answer_by,
        reply_date=sent_on,
    )
    return transition(
        request,
        S.CONSULTING,
        user=user,
        title=_("征求意见：%(who)s") % {"who": consulted},
        note=note,
    )


@transaction.atomic
def end_consultation(request, *, user, answered_on: datetime.date, note: str = ""):
    _require_status(request, {S.CONSULTING}, S.PROCESSING)
    pause = request.pauses.filter(end__isnull=True).order_by("-start").first()
    if pause is None:
        raise ValidationError(_("没有等待答复的征求意见。"))
    pause.end = _check_date(
        answered_on,
        "answered_on",
        not_before=pause.start,
        before_message=_("收到意见的日期不能早于征求意见日期。"),
    )
    pause.save(update_fields=["end"])
    # back to 已延期 if the period was extended, so the list still says so
    target = S.EXTENDED if request.extension_workdays else S.PROCESSING
    if target not in TRANSITIONS[S.CONSULTING]:
        target = S.PROCESSING
    return transition(request, target, user=user, title=_("收到征求意见的答复"), note=note)


@transaction.atomic
def extend(
    request,
    *,
    user,
    workdays: int,
    approver: str,
    reason: str,
    decided_on: datetime.date,
):
    """延长答复期限 (Art. 33): once, at most 20 working days, approved by the office head."""
    _require_status(request, {S.PROCESSING, S.CONSULTING}, S.EXTENDED)
    if request.extension_workdays:
        raise ValidationError(_("答复期限只能延长一次。"))
    if workdays is None or not 1 <= workdays <= MAX_EXTENSION_WORKDAYS:
        raise ValidationError({"workdays": _("延长的期限应为1至20个工作日。")})
    approver = _required(approver, "approver", _("请填写批准延期的负责人。"))
    reason = _required(reason, "reason", _("请填写延期的理由。"))
    deadline = clock_for(request).deadline
    _check_date(decided_on, "decided_on")
    if deadline is not None and decided_on > deadline:
        raise ValidationError(
            {
                "decided_on": _("答复期限（%(date)s）届满后不能再延长。")
                % {"date": f"{deadline:%Y-%m-%d}"}
            }
        )
    request.extension_workdays = workdays
    refresh_deadline(request)
    store_notice(
        request,
        EXTENSION_LETTER,
        RequestDocument.Kind.EXTENSION_NOTICE,
        user=user,
        reason=reason,
        reply_date=decided_on,
    )
    note = _("经%(approver)s批准延长%(days)d个工作日。理由：%(reason)s") % {
        "approver": approver,
        "days": workdays,
        "reason": reason,
    }
    return transition(
        request,
        S.EXTENDED,
        user=user,
        title=_("延长答复期限%(days)d个工作日") % {"days": workdays},
        note=note,
        data={"workdays": workdays, "approver": approver, "reason": reason},
    )


@transaction.atomic
def reply(
    request,
    *,
    user,
    outcome: str,
    closed_on: datetime.date,
    delivery_method: str,
    delivered_on: datetime.date,
    attachments: Iterable = (),
    note: str = "",
):
    """答复: the outcome (one Table B row), the generated letter, attachments, delivery."""
    _require_status(request, REPLY_FROM, S.REPLIED)
    if outcome not in REPLY_OUTCOMES:
        raise ValidationError({"outcome": _("请选择办理结果。")})
    if not delivery_method:
        raise ValidationError({"delivery_method": _("请选择送达方式。")})
    template = reply_template(outcome)  # before anything changes: no template, no reply
    _close(request, outcome, closed_on)
    _check_date(
        delivered_on,
        "delivered_on",
        not_before=request.closed_date,
        before_message=_("送达日期不能早于答复日期。"),
    )
    # the consultation still open ends with the reply (the organ decided without it)
    request.pauses.filter(end__isnull=True).update(end=closed_on)
    event = transition(
        request,
        S.REPLIED,
        user=user,
        title=_("答复：%(outcome)s") % {"outcome": O(outcome).label},
        note=note,
        data={"outcome": outcome, "delivery_method": delivery_method},
    )
    filename, content = reply_letter_file(request, reason=note)
    RequestDocument.objects.create(
        request=request,
        kind=RequestDocument.Kind.REPLY_LETTER,
        title=template.title,
        file=ContentFile(content, name=filename),
        created_by=user,
        delivery_method=delivery_method,
        delivered_on=delivered_on,
    )
    for upload in attachments:
        RequestDocument.objects.create(
            request=request,
            kind=RequestDocument.Kind.ATTACHMENT,
            title=upload.name[:120],
            file=upload,
            created_by=user,
        )
    return event


@transaction.atomic
def withdraw(request, *, user, closed_on: datetime.date, note: str):
    """The applicant withdrew (recorded by staff): counted in （六）3 其他."""
    if request.status not in TRANSITIONS or S.WITHDRAWN not in TRANSITIONS[S(request.status)]:
        raise ValidationError(
            _("申请当前为“%(current)s”，不能撤回。") % {"current": S(request.status).label}
        )
    note = _required(note, "note", _("请写明申请人撤回的方式和日期。"))
    _close(request, O.OTHER, closed_on)
    request.pauses.filter(end__isnull=True).update(end=closed_on)
    return transition(request, S.WITHDRAWN, user=user, title=_("申请人撤回申请"), note=note)


@transaction.atomic
def archive(request, *, user, note: str = ""):
    _require_status(request, {S.REPLIED, S.NOT_ACCEPTED, S.WITHDRAWN}, S.ARCHIVED)
    return transition(request, S.ARCHIVED, user=user, note=note, public=False)
