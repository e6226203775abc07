"""The reply deadline of a request and what moves it: 《条例》 Arts. 30, 32–34 (domain.md §1.6).

- Art. 33: reply within 20 working days of receipt; with the approval of the head of the
  disclosure office and notice to the applicant, one extension of at most 20 working days.
- Art. 30: an unclear request gets one consolidated 补正 notice within 7 working days of
  receipt; the reply period then runs from receipt of the supplemented request.
- Arts. 32–34: time spent consulting a third party or the co-creating organs (15 working
  days to answer) is not counted towards the reply period.

Counting: the day a period starts on is not counted; a deadline is the n-th working day
after it (``WorkdayCalendar.add_workdays``).
"""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext as _

from .workdays import LIBRARY_ONLY, WorkdayCalendar

REPLY_WORKDAYS = 20
MAX_EXTENSION_WORKDAYS = 20
SUPPLEMENT_NOTICE_WORKDAYS = 7
CONSULTATION_WORKDAYS = 15


class ClockError(ValueError):
    """Dates of a request's clock that contradict each other (Chinese message)."""


class PauseKind(enum.StrEnum):
    THIRD_PARTY = "third_party"  # 征求第三方意见 (Art. 32)
    CO_CREATOR = "co_creator"  # 征求共同制作机关意见 (Art. 34)


class ClockState(enum.StrEnum):
    AWAITING_SUPPLEMENT = "awaiting_supplement"
    PAUSED = "paused"
    RUNNING = "running"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class Pause:
    """A consultation: sent on ``start``, answered on ``end`` (None while waiting).

    The working days after ``start`` up to the answer are not counted, at most
    ``CONSULTATION_WORKDAYS`` of them: after that the organ decides itself (Art. 32), so an
    unanswered or late consultation pauses the clock for exactly 15 working days.
    """

    start: datetime.date
    end: datetime.date | None = None
    kind: PauseKind = PauseKind.THIRD_PARTY

    def last_day(self, calendar: WorkdayCalendar) -> datetime.date:
        """The last day not counted."""
        cap = calendar.add_workdays(self.start, CONSULTATION_WORKDAYS)
        return cap if self.end is None else min(self.end, cap)


@dataclass(frozen=True)
class RequestClock:
    """The statutory clock of one request, from the dates staff record.

    ``received`` is the date of receipt (``receipt.receipt_date``). ``supplement_requested``
    is the day the 补正 notice went out, ``supplement_due`` the period it set and
    ``supplement_received`` the day the supplemented request arrived.
    """

    received: datetime.date
    calendar: WorkdayCalendar = field(default=LIBRARY_ONLY, compare=False, repr=False)
    supplement_requested: datetime.date | None = None
    supplement_due: datetime.date | None = None
    supplement_received: datetime.date | None = None
    pauses: tuple[Pause, ...] = ()
    extension_workdays: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "pauses", tuple(self.pauses))
        if not 0 <= self.extension_workdays <= MAX_EXTENSION_WORKDAYS:
            raise ClockError(_("延长答复期限最长不得超过20个工作日。"))
        if self.supplement_requested is None:
            if self.supplement_received or self.supplement_due:
                raise ClockError(_("未发出补正通知的申请不能填写补正期限或收到补正的日期。"))
        elif self.supplement_requested < self.received:
            raise ClockError(_("补正通知日期不能早于收到申请日期。"))
        elif self.supplement_received and self.supplement_received < self.supplement_requested:
            raise ClockError(_("收到补正申请的日期不能早于补正通知日期。"))
        if self.pauses and self.start is None:
            raise ClockError(_("等待申请人补正期间不能征求意见。"))
        for pause in self.pauses:
            if pause.start < self.start:
                raise ClockError(_("征求意见日期不能早于答复期限的起算日。"))
            if pause.end is not None and pause.end < pause.start:
                raise ClockError(_("收到意见的日期不能早于征求意见日期。"))

    # 补正 (Art. 30)

    @cached_property
    def supplement_notice_due(self) -> datetime.date:
        """The last day for the one consolidated 补正 notice: 7 working days after receipt."""
        return self.calendar.add_workdays(self.received, SUPPLEMENT_NOTICE_WORKDAYS)

    @property
    def supplement_notice_late(self) -> bool:
        return (
            self.supplement_requested is not None
            and self.supplement_requested > self.supplement_notice_due
        )

    @property
    def awaiting_supplement(self) -> bool:
        return self.supplement_requested is not None and self.supplement_received is None

    def supplement_lapsed(self, today: datetime.date) -> bool:
        """The applicant let the 补正 period pass: the request counts as withdrawn unless
        there was good reason (Art. 30)."""
        due = self.supplement_due
        return self.awaiting_supplement and due is not None and today > due

    # The reply period (Art. 33)

    @property
    def start(self) -> datetime.date | None:
        """The day the reply period runs from (not itself counted); None while waiting for
        the supplement."""
        if self.supplement_requested is None:
            return self.received
        return self.supplement_received

    @cached_property
    def excluded_days(self) -> frozenset[datetime.date]:
        """The working days consultations keep off the clock (overlaps counted once)."""
        days: set[datetime.date] = set()
        for pause in self.pauses:
            days.update(self.calendar.workdays_through(pause.start, pause.last_day(self.calendar)))
        return frozenset(days)

    def _counted_day(self, n: int) -> datetime.date | None:
        if self.start is None:
            return None
        count = 0
        for day in self.calendar.workdays_after(self.start):
            if day not in self.excluded_days:
                count += 1
                if count == n:
                    return day
        raise AssertionError("unreachable")  # pragma: no cover

    @cached_property
    def original_deadline(self) -> datetime.date | None:
        """The 20th counted working day, before any extension."""
        return self._counted_day(REPLY_WORKDAYS)

    @cached_property
    def deadline(self) -> datetime.date | None:
        """The last day to reply, extension included; None while waiting for 补正."""
        return self._counted_day(REPLY_WORKDAYS + self.extension_workdays)

    def extension_deadline(self, workdays: int = MAX_EXTENSION_WORKDAYS) -> datetime.date | None:
        """The deadline if the period were extended by ``workdays`` (at most 20)."""
        if not 0 <= workdays <= MAX_EXTENSION_WORKDAYS:
            raise ClockError(_("延长答复期限最长不得超过20个工作日。"))
        return self._counted_day(REPLY_WORKDAYS + workdays)

    @property
    def provisional_years(self) -> list[int]:
        """Years the deadline's count passes through with no holiday data (Monday–Friday
        assumed): the deadline may still move when staff enter that year's notice."""
        end = self.deadline or self.supplement_notice_due
        return self.calendar.unconfirmed_years(self.received, end)

    def is_paused(self, today: datetime.date) -> bool:
        return any(p.start < today <= p.last_day(self.calendar) for p in self.pauses)

    def workdays_left(self, today: datetime.date) -> int | None:
        """Counted working days after ``today`` up to the deadline: 0 on the deadline day,
        negative (working days late) after it, None while waiting for 补正."""
        deadline = self.deadline
        if deadline is None:
            return None
        if today >= deadline:
            return -self.calendar.workdays_between(deadline, today)
        return sum(
            1
            for day in self.calendar.workdays_through(today, deadline)
            if day not in self.excluded_days
        )

    def is_overdue(self, today: datetime.date) -> bool:
        return self.deadline is not None and today > self.deadline

    def state(self, today: datetime.date) -> ClockState:
        if self.awaiting_supplement:
            return ClockState.AWAITING_SUPPLEMENT
        if self.is_overdue(today):
            return ClockState.OVERDUE
        if today == self.deadline:
            return ClockState.DUE_TODAY
        if self.is_paused(today):
            return ClockState.PAUSED
        return ClockState.RUNNING
