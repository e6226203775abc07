"""A year's holiday notice typed as text, one line per holiday or make-up working day:

    2027-01-01..2027-01-03 元旦 休
    2027-02-07 春节 班

A date or a range (``..``, ``至`` or ``~`` between two dates), the holiday's name, and 休
(放假) or 班 (上班). Blank lines and lines starting with ``#`` are skipped. Every error is
reported with its line number; any error means nothing is taken.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_LINES = 400
MAX_RANGE_DAYS = 31
MAX_NAME_CHARS = 40
FIRST_YEAR, LAST_YEAR = 1990, 2100

KINDS = {"休": False, "放假": False, "假": False, "班": True, "上班": True}
_LINE = re.compile(r"^(?P<start>\S+?)(?:\s*(?:\.\.|至|~|～)\s*(?P<end>\S+))?\s+(?P<rest>.+)$")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@dataclass(frozen=True)
class Entry:
    date: datetime.date
    is_workday: bool
    name: str
    line: int


class HolidayTextError(ValueError):
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def _date(value: str, line: int) -> datetime.date:
    match = _DATE.match(value)
    try:
        if match is None:
            raise ValueError
        day = datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise HolidayTextError(
            [
                _("第%(line)d行：“%(value)s”不是有效的日期，应写作 2027-01-01。")
                % {"line": line, "value": value}
            ]
        ) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise HolidayTextError(
            [
                _("第%(line)d行：年份应在%(first)d至%(last)d之间。")
                % {"line": line, "first": FIRST_YEAR, "last": LAST_YEAR}
            ]
        )
    return day


def _parse_line(text: str, line: int) -> list[Entry]:
    normalized = text.replace("\u3000", " ").replace("．．", "..")
    match = _LINE.match(normalized)
    parts = match["rest"].rsplit(None, 1) if match else []
    if len(parts) != 2:
        raise HolidayTextError(
            [
                _(
                    "第%(line)d行：无法识别，应写作“2027-01-01..2027-01-03 元旦 休”或“2027-02-07 春节 班”。"
                )
                % {"line": line}
            ]
        )
    name, kind = parts[0].strip(), parts[1]
    if kind not in KINDS:
        raise HolidayTextError(
            [
                _("第%(line)d行：最后一项应为“休”或“班”，而不是“%(kind)s”。")
                % {"line": line, "kind": kind}
            ]
        )
    if len(name) > MAX_NAME_CHARS:
        raise HolidayTextError(
            [_("第%(line)d行：节日名称最多%(max)d个字。") % {"line": line, "max": MAX_NAME_CHARS}]
        )
    start = _date(match["start"], line)
    end = _date(match["end"], line) if match["end"] else start
    if end < start:
        raise HolidayTextError([_("第%(line)d行：结束日期早于开始日期。") % {"line": line}])
    if (end - start).days >= MAX_RANGE_DAYS:
        raise HolidayTextError(
            [
                _("第%(line)d行：一行的日期范围最多%(max)d天。")
                % {"line": line, "max": MAX_RANGE_DAYS}
            ]
        )
    days = (end - start).days + 1
    return [Entry(start + datetime.timedelta(days=i), KINDS[kind], name, line) for i in range(days)]


def parse_holiday_text(text: str) -> list[Entry]:
    """The entries of ``text``, in date order; :class:`HolidayTextError` lists every error."""
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        raise HolidayTextError([_("一次最多录入%(max)d行。") % {"max": MAX_LINES}])
    errors: list[str] = []
    seen: dict[datetime.date, int] = {}
    entries: list[Entry] = []
    for number, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            parsed = _parse_line(stripped, number)
        except HolidayTextError as error:
            errors.extend(error.errors)
            continue
        for entry in parsed:
            if (first := seen.get(entry.date)) is not None:
                errors.append(
                    _("第%(line)d行：%(date)s 已在第%(first)d行填写过。")
                    % {"line": number, "date": entry.date.isoformat(), "first": first}
                )
                break
            seen[entry.date] = number
            entries.append(entry)
    if not errors and not entries:
        errors.append(_("请至少填写一行，例如“2027-01-01..2027-01-03 元旦 休”。"))
    if errors:
        raise HolidayTextError(errors)
    return sorted(entries, key=lambda entry: entry.date)
