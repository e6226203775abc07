"""The handling workflow of a request: its states, the allowed transitions, the clock.

States follow 条例第四十五条 (登记 → 审核 → 办理 → 答复 → 归档) and domain.md §4.4:
已登记 → 已受理 / 不予受理 → 办理中 → (补正中 | 征求第三方意见中 | 已延期 | 待缴费)
→ 已答复 → 已归档; the applicant may withdraw (撤回) until the reply.

``transition`` is the only way a status changes: it checks the table, records a
``RequestEvent`` (the applicant's timeline) and writes Wagtail's audit log (who, when, why).
Who may call it for which unit is the staff views' business (``disclosure.unit_access``).
"""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..models.requests import RequestEvent, RequestStatus
from ..models.workdays import workday_calendar
from .deadlines import Pause, RequestClock

S = RequestStatus

TRANSITION_ACTION = "disclosure.request.transition"

# Withdrawal (撤回) is open until the reply is sent.
_WITHDRAWABLE = {S.WITHDRAWN}

TRANSITIONS: dict[str, frozenset[str]] = {
    # an unclear request gets its 补正 notice within 7 working days, accepted or not yet
    S.REGISTERED: frozenset({S.ACCEPTED, S.NOT_ACCEPTED, S.AWAITING_SUPPLEMENT} | _WITHDRAWABLE),
    S.ACCEPTED: frozenset({S.PROCESSING, S.AWAITING_SUPPLEMENT} | _WITHDRAWABLE),
    S.PROCESSING: frozenset(
        {S.AWAITING_SUPPLEMENT, S.CONSULTING, S.EXTENDED, S.AWAITING_FEE, S.REPLIED} | _WITHDRAWABLE
    ),
    # back to 办理中 on the supplement; 已答复 when the period lapses (（六）1) or it stays
    # unclear (（四）3)
    S.AWAITING_SUPPLEMENT: frozenset({S.PROCESSING, S.REPLIED} | _WITHDRAWABLE),
    S.CONSULTING: frozenset({S.PROCESSING, S.EXTENDED, S.REPLIED} | _WITHDRAWABLE),
    S.EXTENDED: frozenset({S.CONSULTING, S.AWAITING_FEE, S.REPLIED} | _WITHDRAWABLE),
    # paid → 办理中; unpaid by the deadline → 已答复 with （六）2
    S.AWAITING_FEE: frozenset({S.PROCESSING, S.REPLIED} | _WITHDRAWABLE),
    S.REPLIED: frozenset({S.ARCHIVED}),
    S.NOT_ACCEPTED: frozenset({S.ARCHIVED}),
    S.WITHDRAWN: frozenset({S.ARCHIVED}),
    S.ARCHIVED: frozenset(),
}

# States in which the applicant's clock no longer runs.
CLOSED_STATES = frozenset({S.NOT_ACCEPTED, S.REPLIED, S.WITHDRAWN, S.ARCHIVED})


class TransitionError(ValueError):
    """A transition the table does not allow (Chinese message)."""


def allowed_transitions(status: str) -> frozenset[str]:
    return TRANSITIONS[RequestStatus(status)]


# the characters of a 查询码: none of the look-alikes 0/O, 1/I/L
QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
QUERY_CODE_LENGTH = 12


def new_query_code() -> str:
    """A 查询码: 12 characters without look-alikes, about 60 bits."""
    return "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(QUERY_CODE_LENGTH))


def clock_for(request) -> RequestClock:
    """The statutory clock of ``request`` from its recorded dates and pauses."""
    return RequestClock(
        received=request.received_date,
        calendar=workday_calendar(),
        supplement_requested=request.supplement_requested,
        supplement_due=request.supplement_due,
        supplement_received=request.supplement_received,
        pauses=tuple(Pause(start=p.start, end=p.end, kind=p.kind) for p in request.pauses.all()),
        extension_workdays=request.extension_workdays,
    )


def refresh_deadline(request, *, save: bool = True) -> None:
    """Store the current reply deadline (for lists and the dashboard's queries)."""
    request.deadline = clock_for(request).deadline
    if save:
        request.save(update_fields=["deadline", "updated_at"])


@transaction.atomic
def transition(
    request,
    to_status: str,
    *,
    user=None,
    title: str = "",
    note: str = "",
    public: bool = True,
    data: dict | None = None,
):
    """Move ``request`` to ``to_status``: record the step and write the audit log.

    ``user`` None means the applicant acting online (submission, 补正, 撤回).
    Field changes that go with the step (dates, outcome) are made by the caller before;
    this saves the request. ``data`` adds to the audit log entry (e.g. who approved).
    """
    from_status = request.status
    to_status = RequestStatus(to_status)
    if to_status not in allowed_transitions(from_status):
        raise TransitionError(
            _("申请当前为“%(current)s”，不能转为“%(target)s”。")
            % {"current": RequestStatus(from_status).label, "target": to_status.label}
        )
    request.status = to_status
    if to_status not in CLOSED_STATES:
        refresh_deadline(request, save=False)
    request.save()
    event = RequestEvent.objects.create(
        request=request,
        actor=user,
        from_status=from_status,
        to_status=to_status,
        title=title or str(to_status.label),
        note=note,
        public=public,
    )
    log(
        instance=request,
        action=TRANSITION_ACTION,
        user=user,
        data={
            "from": from_status,
            "to": to_status.value,
            "title": event.title,
            "note": note,
            **(data or {}),
        },
    )
    return event


def record_submission(request, *, title: str = "", note: str = "") -> RequestEvent:
    """The first step of a request: registered (online by the applicant, or by staff)."""
    request.deadline = clock_for(request).deadline
    request.save(update_fields=["deadline", "updated_at"])
    return RequestEvent.objects.create(
        request=request,
        from_status="",
        to_status=request.status,
        title=title or _("提交申请"),
        note=note,
        at=request.submitted_at or timezone.now(),
    )
