"""信息处理费 (国办函〔2020〕109号, domain.md §1.8): the two scales, one method per
application and the monthly accumulation (the notices: tests/test_fee_notices.py).

Every expected figure is worked out by hand in the comment beside it, from the 办法's bands:
按件 (per month) 1–10 free, 11–30 100 元, 31–40 200 元, 41–50 300 元 …;
按量 (per application) 1–30 free, 31–100 10 元, 101–200 20 元, 201– 40 元.
"""

import datetime
import math
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure.models import (
    ApplicantType,
    FeeNotice,
    InformationRequest,
)
from disclosure.requests.fees import (
    FeeError,
    FeeMethod,
    count_earlier_in_month,
    earlier_in_month,
    per_page_fee,
    per_request_fee,
    per_request_quote,
    quote_fee,
)

from .fuzzing import fuzz_settings

D = datetime.date
Y = Decimal
SHANGHAI = ZoneInfo("Asia/Shanghai")


def local(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=SHANGHAI)


# --- the scales at every band edge ----------------------------------------------------------


@pytest.mark.parametrize(
    "requests, expected",
    [
        (0, Y(0)),
        (10, Y(0)),  # 10 × 0
        (11, Y(100)),  # 10 × 0 + 1 × 100
        (30, Y(2000)),  # 20 × 100
        (31, Y(2200)),  # 2000 + 1 × 200
        (40, Y(4000)),  # 2000 + 10 × 200
        (41, Y(4300)),  # 4000 + 1 × 300
        (50, Y(7000)),  # 4000 + 10 × 300
        (51, Y(7400)),  # 7000 + 1 × 400
    ],
)
def test_per_request_fee_at_the_band_edges(requests, expected):
    assert per_request_fee(requests) == expected


@pytest.mark.parametrize(
    "earlier, requests, expected",
    [
        (10, 1, Y(100)),  # the month's 11th: 100
        (9, 3, Y(200)),  # 10th, 11th, 12th: 0 + 100 + 100
        (30, 1, Y(200)),  # the 31st: 200
        (28, 5, Y(800)),  # 29th–30th 2 × 100, 31st–33rd 3 × 200
        (40, 1, Y(300)),  # the 41st: 300
        (39, 2, Y(500)),  # the 40th 200 + the 41st 300
    ],
)
def test_per_request_fee_counts_on_from_the_month_so_far(earlier, requests, expected):
    assert per_request_fee(requests, earlier) == expected


@pytest.mark.parametrize(
    "pages, expected",
    [
        (0, Y(0)),
        (30, Y(0)),  # 30 × 0
        (31, Y(10)),  # 1 × 10
        (100, Y(700)),  # 70 × 10
        (101, Y(720)),  # 700 + 1 × 20
        (200, Y(2700)),  # 700 + 100 × 20
        (201, Y(2740)),  # 2700 + 1 × 40
        (250, Y(4700)),  # 2700 + 50 × 40
    ],
)
def test_per_page_fee_at_the_band_edges(pages, expected):
    assert per_page_fee(pages) == expected


def test_the_breakdown_lists_each_band_this_application_reaches():
    quote = per_request_quote(10, earlier=25)  # the month's 26th–35th
    assert [
        (line.band, line.first, line.last, line.count, line.rate, line.subtotal)
        for line in quote.lines
    ] == [
        ("11—30件", 26, 30, 5, Y(100), Y(500)),  # 5 × 100
        ("31—40件", 31, 35, 5, Y(200), Y(1000)),  # 5 × 200
    ]
    assert quote.amount == Y(1500)
    assert quote.summary == (
        "按件计收：本月此前已累计申请25件，本次申请10件（本月第26—35件），"
        "应缴纳信息处理费1500.00元。"
    )
    pages = quote_fee(pages=230)
    assert [line.band for line in pages.lines] == ["1—30页", "31—100页", "101—200页", "201页以上"]
    assert pages.amount == Y(3900)  # 70 × 10 + 100 × 20 + 30 × 40 = 700 + 2000 + 1200
    assert quote_fee(pages=30).summary == "按量计收：本次申请提供30页，不收取信息处理费。"


# --- one method, never both -----------------------------------------------------------------


def test_an_application_is_charged_by_one_method_never_both():
    with pytest.raises(FeeError, match="不得同时按两种标准计算"):
        quote_fee(requests=12, pages=40)
    with pytest.raises(FeeError, match="请选择按件计收或按量计收"):
        quote_fee()
    assert quote_fee(requests=12).method is FeeMethod.PER_REQUEST
    assert quote_fee(pages=40).method is FeeMethod.PER_PAGE
    # the month's requests do not make pages dearer: pages count per application
    assert quote_fee(pages=40, earlier_requests=50).amount == Y(100)  # 10 × 10


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"requests": -1}, "申请件数不能为负数"),
        ({"requests": 2, "earlier_requests": -3}, "本月此前累计件数不能为负数"),
        ({"pages": 2.5}, "页数必须是整数"),
        ({"pages": True}, "页数必须是整数"),
        ({"pages": "40"}, "页数必须是整数"),
        ({"pages": 10**9}, "页数不能超过100000"),
    ],
)
def test_bad_quantities_get_a_chinese_error(kwargs, message):
    with pytest.raises(FeeError, match=message):
        quote_fee(**kwargs)


# --- properties -------------------------------------------------------------------------


def oracle_rate(k: int) -> int:
    """The 元 of the month's k-th 件, written from the 办法's words, not from the code."""
    if k <= 10:
        return 0
    if k <= 30:
        return 100
    return 100 * (math.ceil(k / 10) - 2)  # 31–40 → 4 − 2, 41–50 → 5 − 2, …


quantities = st.integers(min_value=0, max_value=400)


@fuzz_settings
@given(earlier=quantities, n=quantities)
def test_per_request_fee_is_monotonic_non_negative_and_item_by_item(earlier, n):
    fee = per_request_fee(n, earlier)
    assert fee >= 0
    assert per_request_fee(n + 1, earlier) >= fee
    assert fee == sum(oracle_rate(k) for k in range(earlier + 1, earlier + n + 1))
    quote = per_request_quote(n, earlier)
    assert sum(line.count for line in quote.lines) == n
    assert quote.amount == sum(line.subtotal for line in quote.lines)


@fuzz_settings
@given(n=st.integers(min_value=0, max_value=600))
def test_per_page_fee_is_monotonic_and_non_negative(n):
    fee = per_page_fee(n)
    assert Y(0) <= fee <= per_page_fee(n + 1)
    assert sum(line.count for line in quote_fee(pages=n).lines) == n


@fuzz_settings
@given(data=st.data(), earlier=quantities, n=quantities)
def test_splitting_requests_over_two_applications_in_a_month_costs_the_same(data, earlier, n):
    first = data.draw(st.integers(min_value=0, max_value=n))
    split = per_request_fee(first, earlier) + per_request_fee(n - first, earlier + first)
    assert split == per_request_fee(n, earlier)


odd_values = st.one_of(
    st.none(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.booleans(),
    st.floats(allow_nan=True),
    st.text(max_size=10),
    st.decimals(allow_nan=True),
)


@fuzz_settings
@given(requests=odd_values, pages=odd_values, earlier=odd_values)
def test_any_input_gives_a_quote_or_a_chinese_error(requests, pages, earlier):
    try:
        quote = quote_fee(requests=requests, pages=pages, earlier_requests=earlier or 0)
    except FeeError as error:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in str(error))
    else:
        assert quote.amount >= 0


# --- the monthly accumulation, by the Shanghai calendar ------------------------------------


JUNE_NIGHT = local(2026, 6, 30, 23, 30)  # 15:30 UTC on 30 June
JULY_EARLY = local(2026, 7, 1, 0, 10)  # 16:10 UTC on 30 June: still June in UTC


def test_the_month_turns_at_shanghai_midnight():
    earlier = [JUNE_NIGHT, JULY_EARLY]
    # just after both: July holds one of them (UTC would put both in June)
    assert earlier_in_month(earlier, local(2026, 7, 1, 0, 30)) == 1
    # between them: June holds the first; the second is later
    assert earlier_in_month(earlier, local(2026, 6, 30, 23, 50)) == 1
    # in UTC terms, the same instants
    utc = datetime.UTC
    assert earlier_in_month([t.astimezone(utc) for t in earlier], local(2026, 7, 2, 9)) == 1
    # dates: the same day counts, the next month's first day starts again
    dates = [D(2026, 6, 1), D(2026, 6, 30), D(2026, 7, 1)]
    assert earlier_in_month(dates, D(2026, 6, 30)) == 2
    assert earlier_in_month(dates, D(2026, 7, 1)) == 1
    assert earlier_in_month(dates, D(2026, 5, 31)) == 0


def make_request(unit, received: datetime.date, **fields) -> InformationRequest:
    values = {
        "unit": unit,
        "received_date": received,
        "applicant_type": ApplicantType.NATURAL_PERSON,
        "subject": "申请公开某项目的批复文件",
    }
    values.update(fields)
    return InformationRequest.objects.create(**values)


def test_the_database_count_turns_at_shanghai_midnight_too(unit):
    june = make_request(unit, D(2026, 6, 30))
    july = make_request(unit, D(2026, 7, 1))
    InformationRequest.objects.filter(pk=june.pk).update(created_at=JUNE_NIGHT)
    InformationRequest.objects.filter(pk=july.pk).update(created_at=JULY_EARLY)
    make_request(unit, D(2026, 8, 3))  # a later month never counts
    requests = InformationRequest.objects.all()

    def by_time(moment):
        return count_earlier_in_month(requests, moment, field="created_at")

    assert by_time(local(2026, 7, 1, 0, 30)) == 1  # the 00:10 one, not the June one
    assert by_time(local(2026, 7, 1, 0, 5)) == 0  # before 00:10 in July: none yet
    assert by_time(local(2026, 6, 30, 23, 50)) == 1  # June: the 23:30 one
    assert by_time(D(2026, 7, 1)) == 1  # a date takes the whole day
    assert count_earlier_in_month(requests, D(2026, 7, 1)) == 1  # received_date, a date field
    assert count_earlier_in_month(requests, D(2026, 6, 30)) == 1
    assert count_earlier_in_month(requests, local(2026, 7, 31, 23, 59)) == 1
    assert count_earlier_in_month(requests, D(2026, 8, 2)) == 0


def test_an_application_split_into_several_items_counts_each(unit):
    request = make_request(unit, D(2026, 7, 1))
    for day, quantity in [(D(2026, 6, 30), 7), (D(2026, 7, 2), 4), (D(2026, 7, 3), 5)]:
        FeeNotice.objects.create(
            request=request,
            method=FeeMethod.PER_REQUEST,
            quantity=quantity,
            amount=Y(100),
            issued_date=day,
            due_date=day,
        )
    notices = FeeNotice.objects.all()
    got = count_earlier_in_month(
        notices, D(2026, 7, 3), field="issued_date", quantity_field="quantity"
    )
    assert got == 9  # 4 + 5 in July; June's 7 do not count
    assert count_earlier_in_month(notices, D(2026, 7, 3), field="issued_date") == 2
