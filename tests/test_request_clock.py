"""The statutory clock of a request (deadlines.RequestClock) and the date of receipt
(receipt), with dates counted by hand from the State Council's notices.

国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), the lines used here:
  "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
   2月14日（周六）、2月28日（周六）上班。"
  "六、中秋节：9月25日（周五）至27日（周日）放假，共3天。"
  "七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日
   （周六）上班。"
November and December 2026 hold no holiday in that notice.
"""

import datetime

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from disclosure.models import InformationRequest
from disclosure.requests.deadlines import (
    ClockError,
    ClockState,
    Pause,
    RequestClock,
)
from disclosure.requests.receipt import (
    Channel,
    ReceiptError,
    earliest_confirmation_date,
    receipt_date,
)
from disclosure.requests.workdays import LIBRARY_ONLY, WorkdayCalendar

from .fuzzing import fuzz_settings

D = datetime.date
SEPT_18 = D(2026, 9, 18)  # a Friday, the week before 中秋 and 国庆 2026


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hans"):
        yield


def test_the_plain_deadline_across_mid_autumn_and_national_day():
    clock = RequestClock(SEPT_18)
    # 9/20 Sun (上班) 1, 9/21–24 2–5, [9/25–27 休], 9/28–30 6–8, [10/1–7 休], 10/8 9, 10/9 10,
    # 10/10 Sat (上班) 11, 10/12–16 12–16, 10/19–22 17–20 → Thu 2026-10-22.
    assert clock.deadline == clock.original_deadline == D(2026, 10, 22)
    assert clock.state(D(2026, 10, 21)) == ClockState.RUNNING
    assert clock.workdays_left(D(2026, 10, 21)) == 1
    assert clock.state(D(2026, 10, 22)) == ClockState.DUE_TODAY
    assert clock.workdays_left(D(2026, 10, 22)) == 0
    assert clock.is_overdue(D(2026, 10, 23))
    # two working days late on Mon 10/26: Fri 10/23 and Mon 10/26
    assert clock.workdays_left(D(2026, 10, 26)) == -2
    # On Thu 9/24 the days left are 9/28–30, 10/8–10, 10/12–16, 10/19–22: 3+3+5+4 = 15.
    assert clock.workdays_left(D(2026, 9, 24)) == 15


def test_an_extension_adds_up_to_twenty_working_days():
    # From Thu 10/22 (the 20th): 10/23 21, 10/26–30 22–26, 11/2–6 27–31, 11/9–13 32–36,
    # 11/16 37, 11/17 38, 11/18 39, 11/19 Thu 40.
    clock = RequestClock(SEPT_18, extension_workdays=20)
    assert clock.deadline == D(2026, 11, 19)
    assert clock.original_deadline == D(2026, 10, 22)
    # 5 more working days: 10/23 21, 10/26–29 22–25 → Thu 10/29.
    assert RequestClock(SEPT_18, extension_workdays=5).deadline == D(2026, 10, 29)
    assert RequestClock(SEPT_18).extension_deadline() == D(2026, 11, 19)
    with pytest.raises(ClockError, match="最长不得超过20个工作日"):
        RequestClock(SEPT_18, extension_workdays=21)


def test_a_consultation_pauses_the_clock():
    # Sent Tue 9/22 (the 3rd counted day), answered Tue 9/29: the working days 9/23, 9/24,
    # 9/28, 9/29 are not counted. 9/20 1, 9/21 2, 9/22 3, 9/30 4, 10/8 5, 10/9 6, 10/10 7,
    # 10/12–16 8–12, 10/19–23 13–17, 10/26 18, 10/27 19, Wed 10/28 20.
    clock = RequestClock(SEPT_18, pauses=[Pause(D(2026, 9, 22), D(2026, 9, 29))])
    assert clock.deadline == D(2026, 10, 28)
    assert clock.state(D(2026, 9, 24)) == ClockState.PAUSED
    assert clock.state(D(2026, 9, 30)) == ClockState.RUNNING
    # With a 20-day extension on top: 10/29 21, 10/30 22, 11/2–6 23–27, 11/9–13 28–32,
    # 11/16–20 33–37, 11/23 38, 11/24 39, Wed 11/25 40.
    extended = RequestClock(
        SEPT_18, pauses=[Pause(D(2026, 9, 22), D(2026, 9, 29))], extension_workdays=20
    )
    assert extended.deadline == D(2026, 11, 25)


@pytest.mark.parametrize("answered", [None, D(2026, 10, 30)])
def test_an_unanswered_or_late_consultation_pauses_fifteen_working_days(answered):
    # Sent Tue 9/22; the third party's 15 working days: 9/23 1, 9/24 2, 9/28–30 3–5,
    # 10/8 6, 10/9 7, 10/10 8, 10/12–16 9–13, 10/19 14, Tue 10/20 15. The clock had counted
    # 3 (9/20–22) and goes on: 10/21 4, 10/22 5, 10/23 6, 10/26–30 7–11, 11/2–6 12–16,
    # 11/9 17, 11/10 18, 11/11 19, Thu 11/12 20.
    clock = RequestClock(SEPT_18, pauses=[Pause(D(2026, 9, 22), answered)])
    assert clock.deadline == D(2026, 11, 12)
    assert clock.is_paused(D(2026, 10, 20)) and not clock.is_paused(D(2026, 10, 21))


def test_overlapping_consultations_count_once():
    # Two third parties, sent 9/22 and 9/24, answered 9/29 and 9/30: the days off the clock
    # are 9/23, 9/24, 9/28, 9/29, 9/30 (five). 9/20–22 1–3, 10/8 4, 10/9 5, 10/10 6,
    # 10/12–16 7–11, 10/19–23 12–16, 10/26–29 17–20 → Thu 10/29.
    clock = RequestClock(
        SEPT_18,
        pauses=[Pause(D(2026, 9, 22), D(2026, 9, 29)), Pause(D(2026, 9, 24), D(2026, 9, 30))],
    )
    assert clock.deadline == D(2026, 10, 29)


def test_supplement_restarts_the_clock_from_its_receipt():
    # Received Fri 2026-02-13; the 补正 notice is due by the 7th working day: 2/14 Sat (上班)
    # 1, [2/15–23 休], 2/24–27 2–5, 2/28 Sat (上班) 6, Mon 3/2 7.
    clock = RequestClock(D(2026, 2, 13), supplement_requested=D(2026, 2, 24))
    assert clock.supplement_notice_due == D(2026, 3, 2)
    assert not clock.supplement_notice_late
    assert clock.deadline is None and clock.workdays_left(D(2026, 3, 1)) is None
    assert clock.state(D(2026, 3, 1)) == ClockState.AWAITING_SUPPLEMENT
    late = RequestClock(D(2026, 2, 13), supplement_requested=D(2026, 3, 3))
    assert late.supplement_notice_late
    # The supplement arrives Fri 2026-02-27: 2/28 Sat (上班) 1, 3/2–6 2–6, 3/9–13 7–11,
    # 3/16–20 12–16, 3/23–26 17–20 → Thu 2026-03-26.
    supplemented = RequestClock(
        D(2026, 2, 13), supplement_requested=D(2026, 2, 24), supplement_received=D(2026, 2, 27)
    )
    assert supplemented.deadline == D(2026, 3, 26)


def test_a_lapsed_supplement_period():
    clock = RequestClock(
        D(2026, 2, 13), supplement_requested=D(2026, 2, 24), supplement_due=D(2026, 3, 10)
    )
    assert not clock.supplement_lapsed(D(2026, 3, 10))
    assert clock.supplement_lapsed(D(2026, 3, 11))


@pytest.mark.usefixtures("without_2027_library_data")
def test_2027_deadlines_are_provisional_until_the_table_has_the_year():
    # Received Sun 2026-12-20: 20th working day Fri 2027-01-15 counting 1/1 as a Friday
    # (see test_workdays); with "2027-01-01 元旦 休" in the table (test input) Mon 1/18.
    clock = RequestClock(D(2026, 12, 20))
    assert (clock.deadline, clock.provisional_years) == (D(2027, 1, 15), [2027])
    table = WorkdayCalendar({D(2027, 1, 1): False})
    clock = RequestClock(D(2026, 12, 20), calendar=table)
    assert (clock.deadline, clock.provisional_years) == (D(2027, 1, 18), [])


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"supplement_received": D(2026, 3, 1)}, "未发出补正通知"),
        ({"supplement_requested": D(2026, 9, 17)}, "不能早于收到申请日期"),
        (
            {"supplement_requested": D(2026, 9, 21), "supplement_received": D(2026, 9, 20)},
            "不能早于补正通知日期",
        ),
        ({"pauses": [Pause(D(2026, 9, 17))]}, "不能早于答复期限的起算日"),
        ({"pauses": [Pause(D(2026, 9, 22), D(2026, 9, 21))]}, "不能早于征求意见日期"),
        (
            {"supplement_requested": D(2026, 9, 21), "pauses": [Pause(D(2026, 9, 22))]},
            "等待申请人补正期间",
        ),
    ],
)
def test_contradictory_dates_are_refused_in_chinese(fields, message):
    with pytest.raises(ClockError, match=message):
        RequestClock(SEPT_18, **fields)


# --- date of receipt (Art. 31) ---------------------------------------------------------------


def test_the_channels_are_those_of_the_register():
    assert {c.value for c in Channel} == set(InformationRequest.Channel.values)


def test_receipt_date_by_channel():
    day, other = D(2026, 2, 14), D(2026, 2, 24)
    assert receipt_date("in_person", submitted_on=day) == day
    assert receipt_date("letter", signed_on=day) == day  # signed-for post: the day signed
    assert receipt_date("letter", confirmed_on=other) == other  # ordinary mail: confirmed
    for channel in ("online", "fax", "email"):  # 双方确认之日
        assert receipt_date(channel, submitted_on=day, confirmed_on=other) == other
    with pytest.raises(ReceiptError, match="双方确认"):
        receipt_date("online", submitted_on=day)
    with pytest.raises(ReceiptError, match="只填写签收日期"):
        receipt_date("letter", signed_on=day, confirmed_on=other)
    with pytest.raises(ReceiptError, match="提交日期"):
        receipt_date("in_person")


def test_earliest_confirmation_of_an_online_request():
    at = datetime.datetime
    # Sat 2026-02-14 is a working day ("2月14日（周六）…上班"): confirmed the same day.
    assert earliest_confirmation_date(at(2026, 2, 14, 10), LIBRARY_ONLY) == D(2026, 2, 14)
    # Fri 2026-02-13 after closing → the next working day, that make-up Saturday.
    assert earliest_confirmation_date(at(2026, 2, 13, 18), LIBRARY_ONLY) == D(2026, 2, 14)
    # Sun 2026-02-15, inside "2月15日…至23日…放假调休" → Tue 2026-02-24.
    assert earliest_confirmation_date(at(2026, 2, 15, 10), LIBRARY_ONLY) == D(2026, 2, 24)
    # An aware time is read in Shanghai: 2026-02-13 01:00 UTC is 09:00 that Friday there;
    # 2026-02-13 10:00 UTC is 18:00 there, after closing.
    utc = datetime.UTC
    assert earliest_confirmation_date(at(2026, 2, 13, 1, tzinfo=utc), LIBRARY_ONLY) == D(
        2026, 2, 13
    )
    assert earliest_confirmation_date(at(2026, 2, 13, 10, tzinfo=utc), LIBRARY_ONLY) == D(
        2026, 2, 14
    )


# --- properties ----------------------------------------------------------------------------------

days = st.dates(min_value=D(2024, 1, 1), max_value=D(2027, 6, 30))


@st.composite
def pauses(draw, start):
    begin = draw(st.dates(start, start + datetime.timedelta(days=60)))
    end = draw(st.none() | st.dates(begin, begin + datetime.timedelta(days=40)))
    return Pause(begin, end)


@fuzz_settings
@given(data=st.data(), received=days, extension=st.integers(0, 20))
def test_pauses_and_extensions_only_push_the_deadline_later(data, received, extension):
    plain = RequestClock(received)
    some = data.draw(st.lists(pauses(received), max_size=3))
    paused = RequestClock(received, pauses=some, extension_workdays=extension)
    assert paused.deadline >= plain.deadline
    assert LIBRARY_ONLY.is_workday(paused.deadline) and paused.deadline not in paused.excluded_days
    # each pause keeps at most 15 working days off the clock, the deadline moves by no more
    counted = LIBRARY_ONLY.workdays_between(received, paused.deadline)
    assert counted == 20 + extension + len(
        [d for d in paused.excluded_days if d <= paused.deadline]
    )
    assert len(paused.excluded_days) <= 15 * len(some)
    assert paused.workdays_left(received) == 20 + extension
