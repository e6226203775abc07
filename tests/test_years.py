"""A column's year list counts 发布日期 in the portal's time zone, at the New Year too."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from disclosure.listing import column_figures, public_documents, subtree_q
from disclosure.years import new_year_offset_seconds

from .conftest import make_document, shanghai


def test_a_zone_with_one_new_year_offset_and_one_without():
    assert new_year_offset_seconds("Asia/Shanghai") == 8 * 3600
    assert new_year_offset_seconds("America/New_York") == -5 * 3600  # DST is in summer
    assert new_year_offset_seconds("Europe/Moscow") is None  # +3, +4 in 2011-2014


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "Europe/Moscow"])
def test_years_are_local_years_either_way(column, unit, zone, settings):
    settings.DISCLOSURE_CACHE_SECONDS = 0
    with timezone.override(zoneinfo.ZoneInfo(zone)):
        local = timezone.get_current_timezone()
        moments = [
            datetime.datetime(2024, 12, 31, 23, 30, tzinfo=local),  # UTC: still 2024
            datetime.datetime(2025, 1, 1, 0, 30, tzinfo=local),  # UTC: 2024-12-31 in the east
            datetime.datetime(2019, 6, 1, 12, 0, tzinfo=local),
        ]
        for n, moment in enumerate(moments):
            make_document(column, unit, f"第{n}号通知", publish_date=moment)
        make_document(column, unit, "草稿不算", publish=False, publish_date=shanghai(2010))

        figures = column_figures(column, public_documents().filter(subtree_q(column)))
        assert figures["years"] == [2025, 2024, 2019]
        years = figures["years"]
        django_years = public_documents().order_by().dates("publish_date", "year")
        assert years == sorted({day.year for day in django_years}, reverse=True)
