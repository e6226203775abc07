"""信息处理费: the two scales of 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号).

domain.md §1.8. Each application is charged either per request (按件计收, 第四条) or per
page (按量计收, 第五条), never both (第三条); both scales are progressive: only the part
above a band's threshold is charged at that band's rate (超额累进).

- 按件计收: same applicant, same calendar month (一个自然月内累计): 件 1–10 free,
  11–30 100 元 each, then from 31 a band of 10 件 at a time, each band 100 元/件 dearer
  (31–40: 200, 41–50: 300, …). What this application owes is the sum of the rates of the
  month's 件 numbers it occupies: ``earlier + 1 … earlier + quantity``.
- 按量计收: pages 1–30 free, 31–100 10 元/页, 101–200 20 元/页, from 201 40 元/页.
  Reading: the 办法 sets the monthly accumulation in the per-request scale only (“同一申请人
  一个自然月内累计申请”); its per-page scale has no such words (“30页以下（含30页）的，
  不收费”), so pages are counted per application and start at page 1 each time.

The monthly accumulation counts by the applicant's calendar month in Asia/Shanghai
(``earlier_in_month``, ``count_earlier_in_month``). Who the applicant is (the normalised
identity number) is the caller's filter.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext as _

from .receipt import SHANGHAI
from .workdays import WorkdayCalendar

CENT = Decimal("0.01")
# Bounds one calculation: 按件 lines grow with the quantity (one per band of 10).
MAX_QUANTITY = 100_000
# Days an applicant has to pay, in working days after the notice's date. The 办法's own
# deadline was not in the text available (domain.md §1.8 [U]); DISCLOSURE_FEE_PAYMENT_WORKDAYS.
DEFAULT_PAYMENT_WORKDAYS = 20


class FeeError(ValueError):
    """Input the calculator refuses (Chinese message)."""


class FeeMethod(enum.StrEnum):
    PER_REQUEST = "per_request"  # 按件计收
    PER_PAGE = "per_page"  # 按量计收

    @property
    def label(self) -> str:
        return _("按件计收") if self is FeeMethod.PER_REQUEST else _("按量计收")

    @property
    def unit(self) -> str:
        return _("件") if self is FeeMethod.PER_REQUEST else _("页")


# (first, last or None for open-ended, 元 per page)
PAGE_BANDS: tuple[tuple[int, int | None, int], ...] = (
    (1, 30, 0),
    (31, 100, 10),
    (101, 200, 20),
    (201, None, 40),
)


def _request_band(number: int) -> tuple[int, int, int]:
    """The band (first, last, 元 per 件) holding the month's ``number``-th 件."""
    if number <= 10:
        return 1, 10, 0
    if number <= 30:
        return 11, 30, 100
    step = (number - 31) // 10  # 31–40 → 0, 41–50 → 1, …
    first = 31 + 10 * step
    return first, first + 9, 200 + 100 * step


def _page_band(number: int) -> tuple[int, int | None, int]:
    return next(band for band in PAGE_BANDS if band[1] is None or number <= band[1])


@dataclass(frozen=True)
class FeeLine:
    """One band of the breakdown: the numbers ``first``–``last`` of this application in
    the band ``band_first``–``band_last`` (None: open-ended), at ``rate`` 元 each."""

    band_first: int
    band_last: int | None
    first: int
    last: int
    rate: Decimal
    unit: str

    @property
    def count(self) -> int:
        return self.last - self.first + 1

    @property
    def subtotal(self) -> Decimal:
        return (self.rate * self.count).quantize(CENT)

    @property
    def band(self) -> str:
        if self.band_last is None:
            return _("%(first)d%(unit)s以上") % {"first": self.band_first, "unit": self.unit}
        return (
            f"{self.band_first}—{self.band_last}{self.unit}"  # numbers only: nothing to translate
        )

    def as_json(self) -> dict:
        return {
            "band": self.band,
            "band_first": self.band_first,
            "band_last": self.band_last,
            "first": self.first,
            "last": self.last,
            "count": self.count,
            "rate": str(self.rate.quantize(CENT)),
            "subtotal": str(self.subtotal),
        }


@dataclass(frozen=True)
class FeeQuote:
    """What one application owes, with the lines a fee notice lists."""

    method: FeeMethod
    quantity: int
    earlier: int  # the applicant's 件 earlier in the month (0 for 按量计收)
    lines: tuple[FeeLine, ...]

    @property
    def amount(self) -> Decimal:
        return sum((line.subtotal for line in self.lines), Decimal("0")).quantize(CENT)

    @property
    def summary(self) -> str:
        if self.method is FeeMethod.PER_REQUEST:
            head = _("按件计收：本月此前已累计申请%(earlier)d件，本次申请%(n)d件") % {
                "earlier": self.earlier,
                "n": self.quantity,
            }
            if self.quantity:
                head += _("（本月第%(first)d—%(last)d件）") % {
                    "first": self.earlier + 1,
                    "last": self.earlier + self.quantity,
                }
        else:
            head = _("按量计收：本次申请提供%(n)d页") % {"n": self.quantity}
        if not self.amount:
            return head + _("，不收取信息处理费。")
        return head + _("，应缴纳信息处理费%(amount)s元。") % {"amount": self.amount}

    def breakdown(self) -> list[dict]:
        """The lines as JSON-ready dicts (``FeeNotice.breakdown``)."""
        return [line.as_json() for line in self.lines]


def _checked(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FeeError(_("%(what)s必须是整数。") % {"what": what})
    if value < 0:
        raise FeeError(_("%(what)s不能为负数。") % {"what": what})
    if value > MAX_QUANTITY:
        raise FeeError(_("%(what)s不能超过%(max)d。") % {"what": what, "max": MAX_QUANTITY})
    return value


def _lines(first: int, last: int, band_of, unit: str) -> Iterator[FeeLine]:
    number = first
    while number <= last:
        band_first, band_last, rate = band_of(number)
        end = last if band_last is None else min(last, band_last)
        yield FeeLine(band_first, band_last, number, end, Decimal(rate), unit)
        number = end + 1


def per_request_quote(quantity: int, earlier: int = 0) -> FeeQuote:
    """按件计收 of an application of ``quantity`` 件 after ``earlier`` 件 of the same
    applicant earlier in the same calendar month."""
    quantity = _checked(quantity, _("申请件数"))
    earlier = _checked(earlier, _("本月此前累计件数"))
    method = FeeMethod.PER_REQUEST
    lines = _lines(earlier + 1, earlier + quantity, _request_band, method.unit)
    return FeeQuote(method, quantity, earlier, tuple(lines))


def per_page_quote(pages: int) -> FeeQuote:
    """按量计收 of an application of ``pages`` pages (counted per application)."""
    pages = _checked(pages, _("页数"))
    method = FeeMethod.PER_PAGE
    return FeeQuote(method, pages, 0, tuple(_lines(1, pages, _page_band, method.unit)))


def per_request_fee(quantity: int, earlier: int = 0) -> Decimal:
    return per_request_quote(quantity, earlier).amount


def per_page_fee(pages: int) -> Decimal:
    return per_page_quote(pages).amount


def quote_fee(
    *, requests: int | None = None, pages: int | None = None, earlier_requests: int = 0
) -> FeeQuote:
    """The fee of one application by exactly one method: ``requests`` (件, with the
    month's ``earlier_requests``) or ``pages``. The 办法 (第三条) forbids charging both."""
    if requests is not None and pages is not None:
        raise FeeError(_("同一申请只能选择按件计收或按量计收中的一种，不得同时按两种标准计算。"))
    if requests is not None:
        return per_request_quote(requests, earlier_requests)
    if pages is not None:
        return per_page_quote(pages)
    raise FeeError(_("请选择按件计收或按量计收，并填写件数或页数。"))


def quote_from_breakdown(method: str, quantity: int, earlier: int, breakdown: list) -> FeeQuote:
    """A quote rebuilt from what a ``FeeNotice`` stored (the rates of its day)."""
    method = FeeMethod(method)
    lines = tuple(
        FeeLine(
            row["band_first"],
            row["band_last"],
            row["first"],
            row["last"],
            Decimal(row["rate"]),
            method.unit,
        )
        for row in breakdown
    )
    return FeeQuote(method, quantity, earlier, lines)


# --- the monthly accumulation ---------------------------------------------------------------


def local_date(moment: datetime.date | datetime.datetime) -> datetime.date:
    """The Asia/Shanghai calendar day of ``moment`` (a naive datetime counts as local)."""
    if isinstance(moment, datetime.datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(SHANGHAI)
        return moment.date()
    return moment


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _is_earlier(item: datetime.date | datetime.datetime, moment) -> bool:
    both_times = isinstance(item, datetime.datetime) and isinstance(moment, datetime.datetime)
    if both_times:
        return _aware(item) < _aware(moment)
    # A date cannot order two applications of the same day: it counts (see below).
    return local_date(item) <= local_date(moment)


def _aware(moment: datetime.datetime) -> datetime.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=SHANGHAI)


def earlier_in_month(
    moments: Iterable[datetime.date | datetime.datetime],
    moment: datetime.date | datetime.datetime,
) -> int:
    """How many of ``moments`` (the applicant's other applications) fall in the Shanghai
    calendar month of ``moment`` and before it.

    With times on both sides "before" is strict. A date only orders by day, so an
    application of the same day counts: pass only those registered before this one.
    """
    day = local_date(moment)
    first = month_start(day)
    return sum(1 for m in moments if first <= local_date(m) and _is_earlier(m, moment))


def count_earlier_in_month(
    queryset,
    moment: datetime.date | datetime.datetime,
    *,
    field: str = "received_date",
    quantity_field: str | None = None,
) -> int:
    """``earlier_in_month`` in the database: ``queryset`` holds the applicant's other
    applications (filtered by identity by the caller), ``field`` is a date or datetime
    field of its model. ``quantity_field``, if given, counts an application as that many
    件 (one split by 一事一申请) instead of one.
    """
    day = local_date(moment)
    first = month_start(day)
    if queryset.model._meta.get_field(field).get_internal_type() == "DateTimeField":
        start = datetime.datetime.combine(first, datetime.time(), SHANGHAI)
        if isinstance(moment, datetime.datetime):
            end = {f"{field}__lt": _aware(moment)}
        else:
            next_day = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time())
            end = {f"{field}__lt": next_day.replace(tzinfo=SHANGHAI)}
        rows = queryset.filter(**{f"{field}__gte": start}, **end)
    else:
        rows = queryset.filter(**{f"{field}__gte": first, f"{field}__lte": day})
    if quantity_field is None:
        return rows.count()
    return rows.aggregate(n=Sum(quantity_field))["n"] or 0


# --- the payment deadline -------------------------------------------------------------------


def payment_due_date(
    issued: datetime.date, calendar: WorkdayCalendar, workdays: int = DEFAULT_PAYMENT_WORKDAYS
) -> datetime.date:
    """The last day to pay: the ``workdays``-th working day after the notice's date."""
    return calendar.add_workdays(issued, workdays)
