"""The 收费通知 (fee notice): its due date in working days, status, waiver, the notices that
lapse into Table B （六）2, the totals of 收费及减免, and its text for the reply letters.

Figures are worked out by hand beside each assertion (bands in tests/test_fees.py).
"""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from disclosure.models import FeeNotice, FeeNoticeStatus, RequestOutcome, lapsed_notices
from disclosure.models.request_fees import FeeTotals, fee_totals, issue_fee_notice
from disclosure.requests.fee_notice import fee_notice_rows, fee_notice_text
from disclosure.requests.fees import FeeMethod, quote_fee
from disclosure.statistics import table_b

from .test_fees import make_request

D = datetime.date
Y = Decimal

# --- the 收费通知 ----------------------------------------------------------------------------


def test_a_notice_is_due_twenty_working_days_after_it_is_issued(unit):
    request = make_request(unit, D(2026, 9, 10))
    notice = issue_fee_notice(
        request, quote_fee(requests=2, earlier_requests=10), issued=D(2026, 9, 24)
    )
    # 国务院办公厅 2026 notice: 中秋 9/25–27 off, 国庆 10/1–7 off, 10/10 (Saturday) worked.
    # 9/28 1, 9/29 2, 9/30 3, 10/8 4, 10/9 5, 10/10 6, 10/12–16 7–11, 10/19–23 12–16,
    # 10/26 17, 10/27 18, 10/28 19, 10/29 20
    assert notice.due_date == D(2026, 10, 29)
    assert notice.amount == Y(200)  # the 11th and 12th: 2 × 100
    assert notice.breakdown == [
        {
            "band": "11—30件",
            "band_first": 11,
            "band_last": 30,
            "first": 11,
            "last": 12,
            "count": 2,
            "rate": "100.00",
            "subtotal": "200.00",
        }
    ]
    notice.refresh_from_db()
    text = notice.text(applicant="张三", reference="QX-2026-0042", organ="区人民政府办公室")
    assert "张三：" in text
    assert "（登记编号：QX-2026-0042）" in text
    assert "11—30件\t2件\t100元/件\t200.00" in text
    assert "请于2026年10月29日前（含当日）缴纳信息处理费200.00元" in text
    assert text.endswith("区人民政府办公室\n2026年9月24日")


def test_the_payment_period_is_a_setting(unit, settings):
    settings.DISCLOSURE_FEE_PAYMENT_WORKDAYS = 5
    request = make_request(unit, D(2026, 9, 10))
    notice = issue_fee_notice(request, quote_fee(pages=31), issued=D(2026, 9, 24))
    assert notice.due_date == D(2026, 10, 9)  # 9/28, 9/29, 9/30, 10/8, 10/9


def test_status_lapsed_notices_and_what_the_register_should_hold(unit):
    quote = quote_fee(pages=101)  # 70 × 10 + 1 × 20 = 720
    issued = D(2026, 9, 24)

    def notice_on(request, **fields):
        notice = issue_fee_notice(request, quote, issued=issued)
        FeeNotice.objects.filter(pk=notice.pk).update(**fields)
        notice.refresh_from_db()
        return notice

    unpaid = notice_on(make_request(unit, D(2026, 9, 1)))
    paid = notice_on(make_request(unit, D(2026, 9, 2)), paid_date=D(2026, 10, 12))
    waived = notice_on(
        make_request(unit, D(2026, 9, 3)),
        waived=True,
        waiver_reason="申请人确有经济困难",
        waiver_approved_by="王主任",
    )
    closed = notice_on(
        make_request(
            unit,
            D(2026, 9, 4),
            closed_date=D(2026, 10, 30),
            outcome=RequestOutcome.OTHER_FEE_UNPAID,
        )
    )
    due = D(2026, 10, 29)
    assert unpaid.status_on(due) == FeeNoticeStatus.DUE  # the last day is still in time
    assert unpaid.status_on(due + datetime.timedelta(days=1)) == FeeNoticeStatus.LAPSED
    assert paid.status_on(D(2027, 1, 1)) == FeeNoticeStatus.PAID
    assert waived.status_on(D(2027, 1, 1)) == FeeNoticeStatus.WAIVED
    assert str(FeeNoticeStatus.LAPSED.label) == "逾期未缴"

    assert list(lapsed_notices(due)) == []
    assert list(lapsed_notices(due + datetime.timedelta(days=1))) == [unpaid]
    assert closed.status_on(D(2027, 1, 1)) == FeeNoticeStatus.LAPSED  # but already closed

    # what the register's fee_charged should hold, and how the annual report sums it
    assert (paid.charged_amount, waived.charged_amount, unpaid.charged_amount) == (
        Y("720.00"),
        Y("0.00"),
        Y("0.00"),
    )
    for notice in (paid, waived):
        request = notice.request
        request.fee_charged = notice.charged_amount
        request.closed_date = D(2026, 11, 2)
        request.outcome = RequestOutcome.DISCLOSED
        request.save()
    assert table_b(2026, unit).fee_income == Y("720.00")

    # 收费及减免 of the applications closed in November: the paid one and the waived one
    november = FeeNotice.objects.filter(
        request__closed_date__range=(D(2026, 11, 1), D(2026, 11, 30))
    )
    assert fee_totals(november) == FeeTotals(1, Y("720.00"), 1, Y("720.00"), 0)
    assert fee_totals(FeeNotice.objects.all()).unpaid_count == 2  # unpaid and closed
    assert fee_totals(FeeNotice.objects.none()).charged == Y(0)


def test_a_notice_refuses_contradictions(unit):
    request = make_request(unit, D(2026, 9, 1))
    notice = issue_fee_notice(request, quote_fee(requests=11), issued=D(2026, 9, 24))
    notice.waived = True
    with pytest.raises(ValidationError) as error:
        notice.full_clean()
    assert error.value.message_dict == {
        "waiver_reason": ["减免必须填写理由。"],
        "waiver_approved_by": ["减免必须填写批准人。"],
    }
    notice.paid_date = D(2026, 10, 9)
    with pytest.raises(ValidationError, match="已缴费的收费通知不能再登记减免"):
        notice.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        notice.save()
    with pytest.raises(ValidationError, match="不收费的申请无需发出收费通知"):
        issue_fee_notice(request, quote_fee(requests=10), issued=D(2026, 9, 24))
    with pytest.raises(IntegrityError), transaction.atomic():
        FeeNotice.objects.create(
            request=request,
            method=FeeMethod.PER_PAGE,
            quantity=31,
            amount=Y(10),
            issued_date=D(2026, 9, 24),
            due_date=D(2026, 9, 23),
        )


def test_the_notice_rows_for_a_letter_table():
    rows = fee_notice_rows(quote_fee(pages=120))
    assert rows == [
        ("计费档次", "数量", "收费标准", "金额（元）"),
        ("1—30页", "30页", "0元/页", "0.00"),
        ("31—100页", "70页", "10元/页", "700.00"),  # 70 × 10
        ("101—200页", "20页", "20元/页", "400.00"),  # 20 × 20
        ("合计", "120页", "", "1100.00"),
    ]
    text = fee_notice_text(quote_fee(pages=120), issued=D(2026, 3, 2), due=D(2026, 3, 30))
    assert text.startswith("政府信息公开信息处理费收费通知\n")
    assert "按量计收：本次申请提供120页，应缴纳信息处理费1100.00元。" in text
    assert "请于2026年3月30日前（含当日）" in text
