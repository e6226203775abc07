"""The years in which documents were published (发布日期), in the portal's time zone.

SQLite has no time zones: Django evaluates its date functions there in Python, row by row
(200 ms for the 50,000 documents of one column). Where the zone's offset is the same at every
New Year (Asia/Shanghai: +08:00), SQLite's own ``strftime`` with that offset gives the same
local years in C (40 ms). Every other case takes Django's ``ExtractYear``.
"""

from __future__ import annotations

import datetime
import zoneinfo
from functools import lru_cache

from django.db import connections
from django.db.models import CharField, Expression, F, Func, QuerySet, Value
from django.db.models.functions import ExtractYear
from django.utils import timezone

# The years a document's 发布日期 can fall in (importing/values.py bounds them the same way).
FIRST_YEAR, LAST_YEAR = 1949, 2101


@lru_cache(maxsize=8)
def new_year_offset_seconds(zone_key: str) -> int | None:
    """The zone's UTC offset at every New Year's midnight from 1949 to 2101, if it is one."""
    zone = zoneinfo.ZoneInfo(zone_key)
    offsets = {
        zone.utcoffset(datetime.datetime(year, 1, 1)) for year in range(FIRST_YEAR, LAST_YEAR + 1)
    }
    if len(offsets) != 1:
        return None
    return int(offsets.pop().total_seconds())


def local_year(documents: QuerySet, field: str = "publish_date") -> Expression:
    """An expression for the local year of ``field``, as an int or a digit string."""
    zone = timezone.get_current_timezone()
    key = getattr(zone, "key", None)
    offset = new_year_offset_seconds(key) if key else None
    if connections[documents.db].vendor == "sqlite" and offset is not None:
        return Func(
            Value("%Y"),
            F(field),
            Value(f"{offset:+d} seconds"),
            function="STRFTIME",
            output_field=CharField(),
        )
    return ExtractYear(field)
