"""The bulk-entry format of a holiday notice (requests.holiday_text), without the admin."""

import datetime

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from disclosure.requests.holiday_text import HolidayTextError, parse_holiday_text

from .fuzzing import fuzz_settings

D = datetime.date
FIRST_THREE = [D(2027, 1, 1), D(2027, 1, 2), D(2027, 1, 3)]


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hans"):
        yield


@pytest.mark.parametrize(
    "line",
    [
        "2027-01-01..2027-01-03 元旦 休",
        "2027-01-01 .. 2027-01-03 元旦 放假",
        "2027-01-01至2027-01-03 元旦 休",
        "2027-1-1 至 2027-1-3\u3000元旦\u3000假",
        "  2027-01-01~2027-01-03   元旦 休  ",
    ],
)
def test_the_ways_of_writing_a_range(line):
    entries = parse_holiday_text(line)
    assert [e.date for e in entries] == FIRST_THREE
    assert {(e.is_workday, e.name, e.line) for e in entries} == {(False, "元旦", 1)}


def test_make_up_days_names_with_spaces_comments_and_order():
    entries = parse_holiday_text("# 2027年\n\n2027-02-20 春 节 上班\n2027-02-07 春节 班\n")
    assert [(e.date, e.is_workday, e.name, e.line) for e in entries] == [
        (D(2027, 2, 7), True, "春节", 4),
        (D(2027, 2, 20), True, "春 节", 3),
    ]


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "请至少填写一行"),
        ("# 只有注释", "请至少填写一行"),
        ("2027-01-01 休", "第1行：无法识别"),
        ("2027/01/01 元旦 休", "第1行：“2027/01/01”不是有效的日期"),
        ("1900-01-01 元旦 休", "第1行：年份应在1990至2100之间"),
        ("2027-01-01..2027-03-01 春节 休", "第1行：一行的日期范围最多31天"),
        ("2027-01-01 " + "节" * 41 + " 休", "第1行：节日名称最多40个字"),
        ("2027-01-01..2027-01-03 元旦 休\n2027-01-03 元旦 班", "第2行：2027-01-03 已在第1行填写过"),
        ("\n" * 400 + "2027-01-01 元旦 休", "一次最多录入400行"),
    ],
)
def test_errors(text, message):
    with pytest.raises(HolidayTextError) as caught:
        parse_holiday_text(text)
    assert any(message in error for error in caught.value.errors), caught.value.errors


@fuzz_settings
@given(st.text(max_size=200))
def test_any_text_gives_entries_or_chinese_errors(text):
    try:
        entries = parse_holiday_text(text)
    except HolidayTextError as error:
        assert error.errors and all("行" in e or "请至少" in e for e in error.errors)
    else:
        assert len({e.date for e in entries}) == len(entries) > 0
