"""The date of receipt of a request (收到申请之日), by channel: 《条例》 Art. 31.

domain.md §1.5 "Date of receipt (Art. 31) [C]":
- In person: the day of submission.
- Registered or signed-for post: the day the organ signs for it.
- Ordinary unsigned mail: the office must confirm with the applicant on the day it
  arrives, and the confirmation date counts.
- Internet or fax: the date on which both sides confirm receipt.

The channel values are those of ``InformationRequest.Channel`` (信函 covers both kinds of
post: signed-for post gives ``signed_on``, ordinary mail ``confirmed_on``; e-mail is a data
message like an online form).
"""

from __future__ import annotations

import datetime
import enum
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from .workdays import WorkdayCalendar

SHANGHAI = ZoneInfo("Asia/Shanghai")


class Channel(enum.StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    LETTER = "letter"
    FAX = "fax"
    EMAIL = "email"
    OTHER = "other"


CONFIRMED_CHANNELS = frozenset({Channel.ONLINE, Channel.FAX, Channel.EMAIL})


class ReceiptError(ValueError):
    """A date the channel needs is missing or contradictory (Chinese message)."""


def receipt_date(
    channel: str,
    *,
    submitted_on: datetime.date | None = None,
    signed_on: datetime.date | None = None,
    confirmed_on: datetime.date | None = None,
) -> datetime.date:
    """收到申请之日 under Art. 31 from the dates the channel needs."""
    channel = Channel(channel)
    if channel in CONFIRMED_CHANNELS:
        # Art. 31(3): 以双方确认之日为收到申请之日.
        if confirmed_on is None:
            raise ReceiptError(_("网上、电子邮件或传真提交的申请，须填写双方确认收到申请的日期。"))
        return confirmed_on
    if channel == Channel.LETTER:
        # Art. 31(2): signed-for post → the day of signing; ordinary mail → the day the
        # office confirms with the applicant.
        if signed_on is not None and confirmed_on is not None:
            raise ReceiptError(
                _("信函申请只填写签收日期（挂号等需签收的邮件）或确认日期（平常信函）之一。")
            )
        if (day := signed_on or confirmed_on) is None:
            raise ReceiptError(
                _("信函申请须填写签收日期（需签收的邮件）或与申请人确认收到的日期（平常信函）。")
            )
        return day
    # Art. 31(1): in person (and an oral application written down by staff) → that day.
    if submitted_on is None:
        raise ReceiptError(_("当面提交的申请须填写提交日期。"))
    return submitted_on


def earliest_confirmation_date(
    submitted_at: datetime.datetime,
    calendar: WorkdayCalendar,
    office_closes: datetime.time = datetime.time(17, 30),
) -> datetime.date:
    """The first day the office can confirm an online submission (Art. 31(3)'s 双方确认).

    Not a statutory rule but how an online system proposes the confirmation date [P]: the
    office confirms during its working hours, so a submission on a working day before the
    office closes is confirmed that day (one before opening when it opens); one after
    closing, or on a non-working day, on the next working day. An aware ``submitted_at``
    is read in Asia/Shanghai time.
    """
    if submitted_at.tzinfo is not None:
        submitted_at = submitted_at.astimezone(SHANGHAI)
    day = submitted_at.date()
    if calendar.is_workday(day) and submitted_at.time() < office_closes:
        return day
    return calendar.add_workdays(day, 1)
