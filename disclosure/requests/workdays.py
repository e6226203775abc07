"""Working days (工作日) in mainland China: weekends, statutory holidays and 调休.

The State Council's yearly notice (国务院办公厅关于××年部分节假日安排的通知) turns some
weekdays into holidays and some Saturdays/Sundays into working days (调休). The
``chinese-calendar`` package carries these notices for the years it knows; a
:class:`WorkdayCalendar` puts the portal's own table (entered by staff from the notice,
``overrides``: date → is a working day) in front of it. For a year that neither knows, it
falls back to Monday–Friday, and :meth:`WorkdayCalendar.unconfirmed_years` names that year
so staff can be warned that its deadlines are provisional.

Counting follows the rule for time limits in working days: the day the period starts on
(e.g. the day a request is received) is not counted; the deadline is the n-th working day
after it.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import chinese_calendar

ONE_DAY = datetime.timedelta(days=1)


class Source(enum.StrEnum):
    """Where a day's status comes from; ``WEEKDAY`` means unconfirmed."""

    TABLE = "table"
    LIBRARY = "library"
    WEEKDAY = "weekday"


@lru_cache(maxsize=512)
def library_knows_year(year: int) -> bool:
    """Whether ``chinese-calendar`` has the holiday notice of ``year``."""
    try:
        chinese_calendar.is_workday(datetime.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


@dataclass(frozen=True)
class WorkdayCalendar:
    """The working-day calendar: the staff table over the library over Monday–Friday.

    ``overrides`` maps a date to True (a working day, e.g. a make-up Saturday) or False
    (a holiday). A year with at least one table entry counts as entered by staff.
    """

    overrides: Mapping[datetime.date, bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # A private copy: a caller's dict changing later must not change our answers.
        object.__setattr__(self, "overrides", dict(self.overrides))
        object.__setattr__(self, "_table_years", frozenset(d.year for d in self.overrides))

    def source(self, day: datetime.date) -> Source:
        if day in self.overrides:
            return Source.TABLE
        if library_knows_year(day.year):
            return Source.LIBRARY
        return Source.WEEKDAY

    def is_workday(self, day: datetime.date) -> bool:
        if (entry := self.overrides.get(day)) is not None:
            return entry
        if library_knows_year(day.year):
            return chinese_calendar.is_workday(day)
        return day.weekday() < 5

    def year_is_confirmed(self, year: int) -> bool:
        """A year whose holidays come from the library or the staff table."""
        return year in self._table_years or library_knows_year(year)

    def unconfirmed_years(self, start: datetime.date, end: datetime.date) -> list[int]:
        """The years between ``start`` and ``end`` (inclusive, either order) that fall back
        to Monday–Friday: deadlines reaching into them are provisional."""
        first, last = sorted((start.year, end.year))
        return [y for y in range(first, last + 1) if not self.year_is_confirmed(y)]

    def workdays_after(self, start: datetime.date) -> Iterator[datetime.date]:
        """The working days after ``start`` (``start`` itself excluded), in order."""
        day = start
        while True:
            day += ONE_DAY
            if self.is_workday(day):
                yield day

    def workdays_through(self, start: datetime.date, end: datetime.date) -> Iterator[datetime.date]:
        """The working days d with start < d ≤ end, in order."""
        for day in self.workdays_after(start):
            if day > end:
                return
            yield day

    def add_workdays(self, start: datetime.date, n: int) -> datetime.date:
        """The n-th working day after ``start`` (the start day is not counted); n ≥ 1.

        ``n == 0`` returns ``start`` itself."""
        if n < 0:
            raise ValueError("n must not be negative")
        if n == 0:
            return start
        for count, day in enumerate(self.workdays_after(start), start=1):
            if count == n:
                return day
        raise AssertionError("unreachable")  # pragma: no cover

    def workdays_between(self, start: datetime.date, end: datetime.date) -> int:
        """The working days d with start < d ≤ end; negative when ``end`` is before
        ``start``. ``workdays_between(s, add_workdays(s, n)) == n``."""
        if end < start:
            return -self.workdays_between(end, start)
        return sum(1 for _ in self.workdays_through(start, end))

    def next_workday(self, day: datetime.date) -> datetime.date:
        """``day`` if it is a working day, otherwise the first working day after it."""
        return day if self.is_workday(day) else self.add_workdays(day, 1)


LIBRARY_ONLY = WorkdayCalendar()


def is_workday(day: datetime.date, calendar: WorkdayCalendar = LIBRARY_ONLY) -> bool:
    return calendar.is_workday(day)


def add_workdays(
    start: datetime.date, n: int, calendar: WorkdayCalendar = LIBRARY_ONLY
) -> datetime.date:
    return calendar.add_workdays(start, n)


def workdays_between(
    start: datetime.date, end: datetime.date, calendar: WorkdayCalendar = LIBRARY_ONLY
) -> int:
    return calendar.workdays_between(start, end)
