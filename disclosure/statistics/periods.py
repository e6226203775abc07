"""Reporting periods: a calendar year or one of its quarters, bounded in Asia/Shanghai."""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

# Every year boundary of the report is Beijing time, whatever the server's TIME_ZONE.
REPORT_TIMEZONE = ZoneInfo("Asia/Shanghai")

ONE_DECIMAL = Decimal("0.1")


@dataclass(frozen=True)
class Period:
    """1 January (or the quarter's first day) to 31 December (or its last day), inclusive."""

    year: int
    quarter: int | None = None

    def __post_init__(self) -> None:
        if not 1900 <= self.year <= 9998:
            raise ValueError(_("年份无效：%(year)s") % {"year": self.year})
        if self.quarter is not None and self.quarter not in (1, 2, 3, 4):
            raise ValueError(_("季度只能是 1 至 4：%(quarter)s") % {"quarter": self.quarter})

    @property
    def months(self) -> range:
        if self.quarter is None:
            return range(1, 13)
        first = 3 * (self.quarter - 1) + 1
        return range(first, first + 3)

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.months[0], 1)

    @property
    def last_day(self) -> datetime.date:
        return self.next_first_day - datetime.timedelta(days=1)

    @property
    def next_first_day(self) -> datetime.date:
        last_month = self.months[-1]
        if last_month == 12:
            return datetime.date(self.year + 1, 1, 1)
        return datetime.date(self.year, last_month + 1, 1)

    @property
    def start(self) -> datetime.datetime:
        """The first instant of the period (00:00 Beijing time), timezone-aware."""
        return _midnight(self.first_day)

    @property
    def end(self) -> datetime.datetime:
        """The first instant after the period (exclusive bound)."""
        return _midnight(self.next_first_day)

    def previous(self) -> "Period":
        """The same span one year earlier (the previous report of the same kind)."""
        return Period(self.year - 1, self.quarter)

    @property
    def label(self) -> str:
        if self.quarter is None:
            return _("%(year)d年") % {"year": self.year}
        return _("%(year)d年第%(quarter)d季度") % {"year": self.year, "quarter": self.quarter}


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, tzinfo=REPORT_TIMEZONE)


def percent(part: int, whole: int) -> Decimal:
    """``part`` as a percentage of ``whole`` with one decimal, rounded half up (0.0 if empty)."""
    if not whole:
        return Decimal("0.0")
    return (Decimal(part) * 100 / Decimal(whole)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)
