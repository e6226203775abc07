"""Every transition of the state table, every handling step allowed and refused, and what
each step records (dates, outcome, letter, audit log)."""

import datetime
import itertools

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import ModelLogEntry

from disclosure.models import (
    InformationRequest,
    RequestDocument,
    RequestOutcome,
    RequestStatus,
)
from disclosure.requests.staff import actions
from disclosure.requests.staff.steps import STEPS, available_steps
from disclosure.requests.workflow import TRANSITIONS, TransitionError, transition

from .request_staff import submit

D = datetime.date
S = RequestStatus
O = RequestOutcome  # noqa: E741
RECEIVED = D(2026, 9, 21)  # a Monday, before 中秋 and 国庆 2026


def at_status(row, status: str):
    """Put ``row`` in ``status`` directly (the table's own test walks the paths)."""
    InformationRequest.objects.filter(pk=row.pk).update(status=status)
    row.refresh_from_db()
    return row


@pytest.mark.parametrize(("source", "target"), list(itertools.product(S, S)))
def test_every_pair_of_states_is_allowed_exactly_when_the_table_says(unit, source, target):
    row = at_status(submit(unit, RECEIVED), source)
    if target in TRANSITIONS[source]:
        transition(row, target)
        row.refresh_from_db()
        assert row.status == target
        assert row.events.last().from_status == source
    else:
        with pytest.raises(TransitionError, match="不能转为"):
            transition(row, target)
        row.refresh_from_db()
        assert row.status == source


# The states each step may start from: the table's sources narrowed by the step's meaning.
EXPECTED_SOURCES = {
    "accept": {S.REGISTERED},
    "not_accept": {S.REGISTERED},
    "process": {S.ACCEPTED},
    "supplement": {S.REGISTERED, S.ACCEPTED, S.PROCESSING},
    "supplement_received": {S.AWAITING_SUPPLEMENT},
    "unsupplemented": {S.AWAITING_SUPPLEMENT},
    "consult": {S.PROCESSING, S.EXTENDED},
    "consulted": {S.CONSULTING},
    "extend": {S.PROCESSING, S.CONSULTING},
    "fee": {S.PROCESSING, S.EXTENDED},
    "fee_paid": {S.AWAITING_FEE},
    "fee_unpaid": {S.AWAITING_FEE},
    "reply": {S.PROCESSING, S.CONSULTING, S.EXTENDED},
    "withdraw": {
        S.REGISTERED,
        S.ACCEPTED,
        S.PROCESSING,
        S.AWAITING_SUPPLEMENT,
        S.CONSULTING,
        S.EXTENDED,
        S.AWAITING_FEE,
    },
    "archive": {S.REPLIED, S.NOT_ACCEPTED, S.WITHDRAWN},
}


def test_the_steps_offered_follow_the_table():
    assert set(STEPS) == set(EXPECTED_SOURCES)
    for name, step in STEPS.items():
        allowed = {s for s in S if step.allowed_from(s)}
        assert allowed == EXPECTED_SOURCES[name], name
        assert all(step.target in TRANSITIONS[s] for s in allowed)
    assert [s.name for s in available_steps(S.ARCHIVED)] == []


@pytest.mark.parametrize("name", sorted(EXPECTED_SOURCES))
def test_a_step_from_a_state_it_does_not_start_from_is_refused_in_chinese(unit, handler, name):
    refused = [s for s in S if s not in EXPECTED_SOURCES[name]]
    for status in refused:
        row = at_status(submit(unit, RECEIVED, subject=f"{name}{status}"), status)
        with pytest.raises(ValidationError, match="申请当前为"):
            STEPS[name].perform(row, user=handler, **_inputs(name))
        row.refresh_from_db()
        assert row.status == status and row.closed_date is None


def _inputs(name: str) -> dict:
    day = D(2026, 10, 9)
    return {
        "accept": {},
        "not_accept": {"outcome": O.NOT_PROCESSED_PETITION, "closed_on": day, "reason": "信访"},
        "process": {},
        "supplement": {"sent_on": D(2026, 9, 24), "due": day, "items": "请写明路段名称"},
        "supplement_received": {"received_on": day},
        "unsupplemented": {"closed_on": D(2026, 10, 20)},
        "consult": {"sent_on": day, "consulted": "某公司", "kind": "third_party"},
        "consulted": {"answered_on": day},
        "extend": {"workdays": 20, "approver": "李主任", "reason": "量大", "decided_on": day},
        "fee": {"method": "per_page", "quantity": 40, "issued_on": day},
        "fee_paid": {"paid_on": day},
        "fee_unpaid": {"closed_on": day},
        "reply": {
            "outcome": O.DISCLOSED,
            "closed_on": day,
            "delivery_method": "post",
            "delivered_on": day,
        },
        "withdraw": {"closed_on": day, "note": "申请人来电撤回"},
        "archive": {},
    }[name]


def test_the_supplement_notice_is_due_in_7_working_days_and_sent_once(unit, handler):
    # Received 9/21; working days after it: 9/22–24 (1–3), 9/28–30 (4–6; 9/25–27 中秋),
    # 10/8 (7; 10/1–7 国庆): the notice is due on 2026-10-08.
    row = submit(unit, RECEIVED)
    late = {"sent_on": D(2026, 10, 9), "due": D(2026, 10, 23), "items": "请写明路段"}
    with pytest.raises(ValidationError, match="2026-10-08前"):
        actions.request_supplement(row, user=handler, **late)
    row.refresh_from_db()
    assert row.status == S.REGISTERED and row.supplement_requested is None
    actions.request_supplement(row, user=handler, **late, late_reason="经办人休假")
    row.refresh_from_db()
    assert (row.status, row.supplement_requested) == (S.AWAITING_SUPPLEMENT, D(2026, 10, 9))
    assert row.deadline is None  # the clock waits for the supplement
    assert ModelLogEntry.objects.filter(action="disclosure.request.transition").last().data["late"]
    with pytest.raises(ValidationError, match="申请当前为"):
        actions.request_supplement(row, user=handler, **late)


def test_a_second_supplement_notice_is_refused(unit, handler):
    row = submit(unit, RECEIVED)
    actions.request_supplement(
        row, user=handler, sent_on=D(2026, 9, 24), due=D(2026, 10, 9), items="请写明路段"
    )
    actions.receive_supplement(row, user=handler, received_on=D(2026, 10, 9))
    with pytest.raises(ValidationError, match="一次性告知"):
        actions.request_supplement(
            row, user=handler, sent_on=D(2026, 10, 12), due=D(2026, 10, 20), items="再补"
        )


def test_a_lapsed_supplement_closes_in_row_six_one_only_after_the_period(unit, handler):
    row = submit(unit, RECEIVED)
    actions.request_supplement(
        row, user=handler, sent_on=D(2026, 9, 24), due=D(2026, 10, 16), items="请写明路段"
    )
    with pytest.raises(ValidationError, match="届满后"):
        actions.close_unsupplemented(row, user=handler, closed_on=D(2026, 10, 16))
    actions.close_unsupplemented(row, user=handler, closed_on=D(2026, 10, 19))
    row.refresh_from_db()
    assert (row.status, row.outcome, row.closed_date) == (
        S.REPLIED,
        O.OTHER_NO_SUPPLEMENT,
        D(2026, 10, 19),
    )


def test_an_extension_is_once_at_most_20_days_before_the_deadline_and_approved(unit, handler):
    row = at_status(submit(unit, RECEIVED), S.PROCESSING)
    base = {"approver": "李主任", "reason": "涉及档案量大", "decided_on": D(2026, 10, 20)}
    with pytest.raises(ValidationError) as error:
        actions.extend(row, user=handler, workdays=21, **base)
    assert "1至20个工作日" in str(error.value)
    with pytest.raises(ValidationError, match="批准延期的负责人"):
        actions.extend(row, user=handler, workdays=10, **{**base, "approver": " "})
    with pytest.raises(ValidationError, match="2026-10-26）届满后"):
        actions.extend(row, user=handler, workdays=10, **{**base, "decided_on": D(2026, 10, 27)})
    actions.extend(row, user=handler, workdays=20, **base)
    row.refresh_from_db()
    assert (row.status, row.extension_workdays, row.deadline) == (
        S.EXTENDED,
        20,
        D(2026, 11, 23),
    )
    entry = ModelLogEntry.objects.filter(action="disclosure.request.transition").last()
    assert entry.user_id == handler.pk
    assert (entry.data["approver"], entry.data["workdays"]) == ("李主任", 20)
    assert "经李主任批准延长20个工作日" in row.events.last().note
    actions.start_consultation(
        row, user=handler, sent_on=D(2026, 10, 28), consulted="某公司", kind="third_party"
    )
    with pytest.raises(ValidationError, match="只能延长一次"):
        actions.extend(row, user=handler, workdays=5, **base)
    actions.end_consultation(row, user=handler, answered_on=D(2026, 10, 30))
    row.refresh_from_db()
    assert row.status == S.EXTENDED  # back to 已延期: the list still says so


def test_not_accepted_counts_in_a_row_of_five(unit, handler):
    row = submit(unit, RECEIVED)
    with pytest.raises(ValidationError, match="不予处理的情形"):
        actions.not_accept(
            row, user=handler, outcome=O.DISCLOSED, closed_on=D(2026, 9, 22), reason="x"
        )
    actions.not_accept(
        row,
        user=handler,
        outcome=O.NOT_PROCESSED_PETITION,
        closed_on=D(2026, 9, 22),
        reason="属于信访举报投诉，已告知通过信访渠道反映",
    )
    row.refresh_from_db()
    assert (row.status, row.outcome) == (S.NOT_ACCEPTED, O.NOT_PROCESSED_PETITION)


def test_withdrawal_counts_as_other_and_dates_are_checked(unit, handler):
    row = at_status(submit(unit, RECEIVED), S.PROCESSING)
    with pytest.raises(ValidationError, match="不能早于收到申请日期"):
        actions.withdraw(row, user=handler, closed_on=D(2026, 9, 20), note="来电撤回")
    future = datetime.date.today() + datetime.timedelta(days=3)
    with pytest.raises(ValidationError, match="不能晚于今天"):
        actions.withdraw(row, user=handler, closed_on=future, note="来电撤回")
    row = InformationRequest.objects.get(pk=row.pk)
    actions.withdraw(row, user=handler, closed_on=D(2026, 9, 30), note="来电撤回")
    row.refresh_from_db()
    assert (row.status, row.outcome, row.closed_date) == (S.WITHDRAWN, O.OTHER, D(2026, 9, 30))
    actions.archive(row, user=handler)
    row.refresh_from_db()
    assert row.status == S.ARCHIVED and row.outcome == O.OTHER


def test_a_reply_stores_the_letter_attachments_and_delivery(unit, handler, private_media):
    row = at_status(submit(unit, RECEIVED), S.PROCESSING)
    with pytest.raises(ValidationError, match="请选择办理结果"):
        actions.reply(
            row,
            user=handler,
            outcome=O.OTHER_FEE_UNPAID,
            closed_on=D(2026, 10, 20),
            delivery_method="post",
            delivered_on=D(2026, 10, 20),
        )
    upload = SimpleUploadedFile("批复.pdf", b"%PDF-1.4 attachment", "application/pdf")
    actions.reply(
        row,
        user=handler,
        outcome=O.PARTLY_DISCLOSED,
        closed_on=D(2026, 10, 20),
        delivery_method="post",
        delivered_on=D(2026, 10, 21),
        attachments=[upload],
    )
    row.refresh_from_db()
    assert (row.status, row.outcome, row.closed_date) == (
        S.REPLIED,
        O.PARTLY_DISCLOSED,
        D(2026, 10, 20),
    )
    letter, attachment = row.documents.order_by("pk")
    assert letter.kind == RequestDocument.Kind.REPLY_LETTER
    assert (letter.delivery_method, letter.delivered_on) == ("post", D(2026, 10, 21))
    assert letter.file.name.startswith(f"documents/requests/{row.pk}/")
    assert letter.file.read(5) == b"%PDF-"
    assert (private_media / letter.file.name).exists()
    assert attachment.kind == RequestDocument.Kind.ATTACHMENT and attachment.title == "批复.pdf"


def test_the_reply_letter_names_the_applicant_the_request_and_the_outcome(unit, handler):
    from disclosure.requests.staff.letter import reply_letter_text

    row = at_status(submit(unit, RECEIVED, name="赵六"), S.PROCESSING)
    row.outcome, row.closed_date = O.REFUSED_THIRD_PARTY, D(2026, 10, 20)
    text = reply_letter_text(row, reason="涉及第三方商业秘密")
    assert "政府信息公开申请答复书" in text and "赵六：" in text
    assert "2026年9月21日" in text and row.subject in text
    assert "第十五条" in text and "涉及第三方商业秘密" in text  # the basis of （三）4
    assert unit.name in text and "2026年10月20日" in text


def test_a_reply_without_templates_uses_the_built_in_wording(unit, handler, private_media):
    from disclosure.models.letter_templates import LetterTemplate
    from disclosure.requests.staff.letter import reply_letter_text

    row = at_status(submit(unit, RECEIVED, name="周九"), S.PROCESSING)
    LetterTemplate.objects.all().delete()  # e.g. a database flushed or every template removed
    actions.reply(
        row,
        user=handler,
        outcome=O.DISCLOSED,
        closed_on=D(2026, 10, 20),
        delivery_method="post",
        delivered_on=D(2026, 10, 21),
    )
    row.refresh_from_db()
    assert row.status == S.REPLIED and row.documents.filter(kind="reply_letter").exists()
    text = reply_letter_text(row)
    assert "周九" in text and "第三十六条第（二）项" in text
