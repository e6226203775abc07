"""The fee steps through the staff's actions: the amount from the 办法's scales with the
applicant's monthly accumulation, the notice kept and shown to the applicant, payment and
waiver, and an unpaid notice closing the request as （六）2 only after its deadline."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from disclosure.models import RequestDocument, RequestOutcome, RequestStatus
from disclosure.requests.staff import actions
from disclosure.requests.workflow import transition
from disclosure.statistics import table_b

from .request_staff import submit

D = datetime.date
S = RequestStatus


def processing(unit, handler, received: D, **kw):
    row = submit(unit, received, **kw)
    transition(row, S.ACCEPTED, user=handler)
    transition(row, S.PROCESSING, user=handler)
    return row


def test_the_twelfth_request_of_a_month_costs_100_yuan(unit, handler, private_media):
    # submit() gives every applicant the same 证件号码: one person's June. Eleven earlier
    # requests (1–10 free), so this one is request 12: band 11–30, 100 yuan.
    for day in range(1, 12):
        submit(unit, D(2026, 6, day))
    row = processing(unit, handler, D(2026, 6, 15))
    actions.request_fee(
        row, user=handler, method="per_request", quantity=1, issued_on=D(2026, 6, 16)
    )
    row.refresh_from_db()
    notice = row.fee_notices.get()
    assert (row.status, notice.amount, notice.earlier_requests) == (S.AWAITING_FEE, 100, 11)
    assert "100.00元" in row.events.last().title
    document = row.documents.get(kind=RequestDocument.Kind.FEE_NOTICE)
    page = Client().get("/zfxxgk/apply/status/", {"code": row.query_code}).content.decode()
    assert document.title in page  # the applicant reads the notice online


def test_a_request_the_scales_leave_free_gets_no_notice(unit, handler):
    row = processing(unit, handler, D(2026, 6, 15))
    with pytest.raises(ValidationError, match="不收费"):
        actions.request_fee(
            row, user=handler, method="per_request", quantity=1, issued_on=D(2026, 6, 16)
        )
    with pytest.raises(ValidationError, match="30"):  # 30 pages are free too
        actions.request_fee(
            row, user=handler, method="per_page", quantity=30, issued_on=D(2026, 6, 16)
        )
    row.refresh_from_db()
    assert row.status == S.PROCESSING and not row.fee_notices.exists()


def test_paid_fees_reach_table_b_and_waivers_need_a_reason(unit, handler, private_media):
    paid = processing(unit, handler, D(2026, 6, 15), subject="付费")
    # 120 pages: 31–100 at 10 (700) + 101–120 at 20 (400) = 1,100 yuan
    actions.request_fee(
        paid, user=handler, method="per_page", quantity=120, issued_on=D(2026, 6, 16)
    )
    actions.fee_paid(paid, user=handler, paid_on=D(2026, 6, 20))
    paid.refresh_from_db()
    assert paid.status == S.PROCESSING and paid.fee_charged == Decimal("1100.00")
    actions.reply(
        paid,
        user=handler,
        outcome=RequestOutcome.DISCLOSED,
        closed_on=D(2026, 6, 30),
        delivery_method="post",
        delivered_on=D(2026, 7, 1),
    )
    waived = processing(unit, handler, D(2026, 6, 16), subject="减免")
    actions.request_fee(
        waived, user=handler, method="per_page", quantity=40, issued_on=D(2026, 6, 17)
    )
    with pytest.raises(ValidationError, match="减免收费的，请写明理由"):
        actions.fee_paid(waived, user=handler, paid_on=D(2026, 6, 18), waived=True)
    actions.fee_paid(
        waived, user=handler, paid_on=D(2026, 6, 18), waived=True, waiver_reason="低保对象"
    )
    waived.refresh_from_db()
    notice = waived.fee_notices.get()
    assert notice.waived and notice.waiver_approved_by == "handler" and waived.fee_charged == 0
    assert table_b(2026, unit).fee_income == Decimal("1100.00")


def test_an_unpaid_notice_closes_the_request_only_after_its_deadline(unit, handler, private_media):
    row = processing(unit, handler, D(2026, 6, 1))
    actions.request_fee(row, user=handler, method="per_page", quantity=40, issued_on=D(2026, 6, 3))
    # due 20 working days after 6/3: 6/4–5 (2), 6/8–12 (7), 6/15–18 (11; 6/19 端午),
    # 6/22–26 (16), 6/29, 6/30, 7/1, 7/2 (20)
    assert row.fee_notices.get().due_date == D(2026, 7, 2)
    with pytest.raises(ValidationError, match="2026-07-02"):
        actions.close_fee_unpaid(row, user=handler, closed_on=D(2026, 7, 2))
    actions.close_fee_unpaid(row, user=handler, closed_on=D(2026, 7, 3))
    row.refresh_from_db()
    assert (row.status, row.outcome, row.fee_charged) == (
        S.REPLIED,
        RequestOutcome.OTHER_FEE_UNPAID,
        0,
    )


def test_supplement_and_extension_notices_are_kept_and_shown(unit, handler, private_media):
    row = submit(unit, D(2026, 9, 21))
    actions.request_supplement(
        row, user=handler, sent_on=D(2026, 9, 23), due=D(2026, 10, 16), items="请写明路段名称"
    )
    actions.receive_supplement(row, user=handler, received_on=D(2026, 9, 25))
    actions.extend(
        row,
        user=handler,
        workdays=10,
        approver="李主任",
        reason="需调取档案",
        decided_on=D(2026, 10, 9),
    )
    kinds = set(row.documents.values_list("kind", flat=True))
    assert kinds == {RequestDocument.Kind.SUPPLEMENT_NOTICE, RequestDocument.Kind.EXTENSION_NOTICE}
    page = Client().get("/zfxxgk/apply/status/", {"code": row.query_code}).content.decode()
    for document in row.documents.all():
        assert f"/zfxxgk/apply/status/files/{document.pk}/" in page


def test_the_consultation_letter_is_kept_for_staff_only(unit, handler, private_media):
    row = processing(unit, handler, D(2026, 9, 21))
    actions.start_consultation(
        row, user=handler, sent_on=D(2026, 9, 23), consulted="某置业有限公司", kind="third_party"
    )
    letter = row.documents.get()
    assert letter.kind == RequestDocument.Kind.OTHER and "意见" in letter.title
    page = Client().get("/zfxxgk/apply/status/", {"code": row.query_code}).content.decode()
    assert f"/zfxxgk/apply/status/files/{letter.pk}/" not in page  # not the applicant's
