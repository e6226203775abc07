"""Working days and statutory deadlines, against the State Council's holiday notices.

Every expected date below was counted by hand on a printed calendar from the notices,
never from the code under test. The day of receipt is not counted; the deadline is the
n-th working day after it. The notices' lines (新华社 full texts):

国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12):
  "六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、
   10月11日（周六）上班。"
国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04):
  "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
   2月14日（周六）、2月28日（周六）上班。"
  "六、中秋节：9月25日（周五）至27日（周日）放假，共3天。"
  "七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日
   （周六）上班。"
No notice for 2027 is in ``chinese-calendar`` 1.11 (nor was one found): 2027 entries below
are test input for the staff table, not a claim about the 2027 holidays.
"""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure.requests.workdays import (
    LIBRARY_ONLY,
    Source,
    WorkdayCalendar,
    add_workdays,
    is_workday,
    workdays_between,
)

from .fuzzing import fuzz_settings

D = datetime.date


# --- single days, straight from the notices -------------------------------------------------


@pytest.mark.parametrize(
    "day, expected",
    [
        (D(2025, 9, 28), True),  # "9月28日（周日）…上班"
        (D(2025, 10, 8), False),  # "10月1日（周三）至8日（周三）放假调休"
        (D(2025, 10, 11), True),  # "10月11日（周六）上班"
        (D(2026, 2, 14), True),  # "2月14日（周六）…上班"
        (D(2026, 2, 23), False),  # "2月15日…至23日（农历正月初七、周一）放假调休"
        (D(2026, 2, 28), True),  # "2月28日（周六）上班"
        (D(2026, 9, 20), True),  # "9月20日（周日）…上班"
        (D(2026, 9, 25), False),  # "中秋节：9月25日（周五）至27日（周日）放假"
        (D(2026, 10, 10), True),  # "10月10日（周六）上班"
        (D(2026, 10, 9), True),  # a plain Friday after "10月1日（周四）至7日（周三）"
        (D(2026, 10, 11), False),  # a plain Sunday
    ],
)
def test_days_of_the_2025_and_2026_notices(day, expected):
    assert is_workday(day) is expected
    assert LIBRARY_ONLY.source(day) == Source.LIBRARY


# --- deadlines across 国庆 and 春节 -----------------------------------------------------------


def test_twenty_workdays_across_national_day_2025():
    # Received Fri 2025-09-26. Counted: 9/28 Sun (上班) 1, 9/29 2, 9/30 3, [10/1–10/8 休],
    # 10/9 4, 10/10 5, 10/11 Sat (上班) 6, 10/13–17 7–11, 10/20–24 12–16, 10/27 17,
    # 10/28 18, 10/29 19, 10/30 Thu 20.
    assert add_workdays(D(2025, 9, 26), 20) == D(2025, 10, 30)
    assert workdays_between(D(2025, 9, 26), D(2025, 10, 30)) == 20


def test_received_on_a_holiday_counts_from_the_first_working_day_after():
    # Received Fri 2025-10-03 (inside "10月1日（周三）至8日（周三）放假调休"): 10/9 1, 10/10 2,
    # 10/11 Sat (上班) 3, 10/13–17 4–8, 10/20–24 9–13, 10/27–31 14–18, 11/3 19, 11/4 Tue 20.
    assert add_workdays(D(2025, 10, 3), 20) == D(2025, 11, 4)


def test_twenty_workdays_across_spring_festival_2026():
    # Received Fri 2026-02-13. 2/14 Sat (上班) 1, [2/15–2/23 休], 2/24 2, 2/25 3, 2/26 4,
    # 2/27 5, 2/28 Sat (上班) 6, 3/2–6 7–11, 3/9–13 12–16, 3/16 17, 3/17 18, 3/18 19,
    # 3/19 Thu 20.
    assert add_workdays(D(2026, 2, 13), 20) == D(2026, 3, 19)
    # The 补正 notice period of 7 working days: 2/14 1, 2/24–2/27 2–5, 2/28 6, 3/2 Mon 7.
    assert add_workdays(D(2026, 2, 13), 7) == D(2026, 3, 2)


def test_twenty_workdays_across_mid_autumn_and_national_day_2026():
    # Received Fri 2026-09-18. 9/20 Sun (上班) 1, 9/21–24 2–5, [9/25–27 中秋 休], 9/28 6,
    # 9/29 7, 9/30 8, [10/1–10/7 休], 10/8 9, 10/9 10, 10/10 Sat (上班) 11, 10/12–16 12–16,
    # 10/19 17, 10/20 18, 10/21 19, 10/22 Thu 20.
    assert add_workdays(D(2026, 9, 18), 20) == D(2026, 10, 22)


# --- the 2026 → 2027 boundary and the staff table ---------------------------------------------


# A later chinese-calendar release will carry the 2027 notice; these cases are then moot.


@pytest.mark.usefixtures("without_2027_library_data")
def test_2027_without_data_falls_back_to_monday_to_friday_and_says_so():
    # Received Sun 2026-12-20. 12/21–25 1–5, 12/28–31 6–9, Fri 2027-01-01 10 (no 2027 data:
    # a plain Friday), 1/4–8 11–15, 1/11–15 16–20 → Fri 2027-01-15.
    calendar = WorkdayCalendar()
    assert calendar.add_workdays(D(2026, 12, 20), 20) == D(2027, 1, 15)
    assert calendar.source(D(2027, 1, 1)) == Source.WEEKDAY
    assert calendar.unconfirmed_years(D(2026, 12, 20), D(2027, 1, 15)) == [2027]
    assert calendar.unconfirmed_years(D(2026, 1, 1), D(2026, 12, 31)) == []


@pytest.mark.usefixtures("without_2027_library_data")
def test_2027_entries_in_the_table_move_the_deadline_and_confirm_the_year():
    # Test input: the table holds "2027-01-01 元旦 休". Then 1/1 is not counted: 12/21–25 1–5,
    # 12/28–31 6–9, 1/4–8 10–14, 1/11–15 15–19, Mon 2027-01-18 20.
    calendar = WorkdayCalendar({D(2027, 1, 1): False})
    assert calendar.add_workdays(D(2026, 12, 20), 20) == D(2027, 1, 18)
    assert calendar.unconfirmed_years(D(2026, 12, 20), D(2027, 1, 18)) == []
    # and a make-up Saturday in the table counts: test input "2027-01-09 … 班" → 1/9 is the
    # 15th, so the 20th is Fri 2027-01-15 again.
    calendar = WorkdayCalendar({D(2027, 1, 1): False, D(2027, 1, 9): True})
    assert calendar.add_workdays(D(2026, 12, 20), 20) == D(2027, 1, 15)
    assert calendar.source(D(2027, 1, 9)) == Source.TABLE


def test_the_table_overrides_the_library_in_a_year_it_knows():
    # Test input: a correction marking the plain Friday 2026-10-09 as 休 and the library's
    # make-up Saturday 2026-10-10 ("10月10日（周六）上班") as 休. From Fri 2026-09-18: …,
    # 10/8 9, 10/12–16 10–14, 10/19–23 15–19, Mon 10/26 20.
    calendar = WorkdayCalendar({D(2026, 10, 9): False, D(2026, 10, 10): False})
    assert calendar.add_workdays(D(2026, 9, 18), 20) == D(2026, 10, 26)
    assert add_workdays(D(2026, 9, 18), 20) == D(2026, 10, 22)  # the library alone


def test_the_calendar_keeps_its_own_copy_of_the_table():
    table = {D(2027, 1, 1): False}
    calendar = WorkdayCalendar(table)
    table[D(2027, 1, 4)] = False
    assert calendar.is_workday(D(2027, 1, 4))


def test_bad_arguments():
    with pytest.raises(ValueError):
        add_workdays(D(2026, 1, 1), -1)
    assert add_workdays(D(2026, 1, 3), 0) == D(2026, 1, 3)
    assert workdays_between(D(2026, 10, 22), D(2026, 9, 18)) == -20


# --- properties ---------------------------------------------------------------------------------

days = st.dates(min_value=D(2023, 1, 1), max_value=D(2028, 12, 31))
tables = st.dictionaries(st.dates(D(2025, 6, 1), D(2027, 12, 31)), st.booleans(), max_size=30)


@fuzz_settings
@given(start=days, n=st.integers(1, 60), table=tables)
def test_the_result_is_a_working_day_with_n_working_days_between(start, n, table):
    calendar = WorkdayCalendar(table)
    end = calendar.add_workdays(start, n)
    assert end > start
    assert calendar.is_workday(end)
    assert calendar.workdays_between(start, end) == n
    assert calendar.workdays_between(start, end - datetime.timedelta(days=1)) == n - 1
    assert calendar.workdays_between(end, start) == -n


@fuzz_settings
@given(start=days, other=days, n=st.integers(1, 40), more=st.integers(1, 20), table=tables)
def test_add_workdays_is_monotonic(start, other, n, more, table):
    calendar = WorkdayCalendar(table)
    assert calendar.add_workdays(start, n) < calendar.add_workdays(start, n + more)
    early, late = sorted((start, other))
    assert calendar.add_workdays(early, n) <= calendar.add_workdays(late, n)


@fuzz_settings
@given(day=days, table=tables)
def test_the_table_decides_where_it_has_an_entry(day, table):
    calendar = WorkdayCalendar(table)
    if day in table:
        assert calendar.is_workday(day) is table[day]
        assert calendar.year_is_confirmed(day.year)
    elif day.year >= 2027 and not any(d.year == day.year for d in table):
        assert calendar.is_workday(day) is (day.weekday() < 5)
        assert calendar.unconfirmed_years(day, day) == [day.year]
