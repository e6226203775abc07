"""The request states, their transitions and the record each step leaves; unit access."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry

from disclosure.models import (
    ApplicantType,
    InformationRequest,
    RequestEvent,
    RequestPause,
    RequestStatus,
    UnitRole,
)
from disclosure.requests.workflow import (
    TRANSITIONS,
    TransitionError,
    new_query_code,
    record_submission,
    transition,
)
from disclosure.unit_access import acts_for_unit, add_to_unit, is_webmaster, user_units

D = datetime.date
S = RequestStatus


@pytest.fixture
def request_row(unit):
    row = InformationRequest.objects.create(
        unit=unit,
        received_date=D(2026, 9, 21),
        applicant_type=ApplicantType.NATURAL_PERSON,
        subject="申请公开某路段拓宽工程的立项批复",
        query_code=new_query_code(),
    )
    record_submission(row)
    return row


def test_every_state_has_a_row_and_every_path_ends_archived():
    assert set(TRANSITIONS) == set(S)
    reachable, frontier = {S.REGISTERED}, [S.REGISTERED]
    while frontier:
        for target in TRANSITIONS[frontier.pop()]:
            if target not in reachable:
                reachable.add(target)
                frontier.append(target)
    assert reachable == set(S)
    assert TRANSITIONS[S.ARCHIVED] == frozenset()
    assert S.WITHDRAWN not in TRANSITIONS[S.REPLIED]


def test_a_transition_records_the_step_the_audit_log_and_the_deadline(request_row, webmaster):
    # Received Monday 2026-09-21. The 2026 notice: 中秋 9/25–9/27 off, 国庆 10/1–10/7 off,
    # Saturday 10/10 worked. Counted working days after 9/21: 9/22–24 1–3, 9/28–30 4–6,
    # 10/8, 10/9, 10/10 (上班) 7–9, 10/12–16 10–14, 10/19–23 15–19, Mon 10/26 20.
    assert request_row.deadline == D(2026, 10, 26)
    user = get_user_model().objects.get(username="webmaster")
    transition(request_row, S.ACCEPTED, user=user, note="材料齐全")
    request_row.refresh_from_db()
    assert request_row.status == S.ACCEPTED
    steps = list(
        RequestEvent.objects.filter(request=request_row).values_list("to_status", flat=True)
    )
    assert steps == [S.REGISTERED, S.ACCEPTED]
    entry = ModelLogEntry.objects.get(action="disclosure.request.transition")
    assert entry.user_id == user.pk
    assert entry.data["from"] == S.REGISTERED and entry.data["note"] == "材料齐全"


def test_a_transition_outside_the_table_is_refused_in_chinese(request_row):
    with pytest.raises(TransitionError, match="不能转为“已答复”"):
        transition(request_row, S.REPLIED)
    request_row.refresh_from_db()
    assert request_row.status == S.REGISTERED
    assert request_row.events.count() == 1


def test_a_consultation_pause_moves_the_stored_deadline(request_row):
    transition(request_row, S.ACCEPTED)
    transition(request_row, S.PROCESSING)
    # Consultation sent 9/23, answered 9/30: the working days 9/24, 9/28, 9/29, 9/30 (9/25
    # is 中秋) are not counted, so the deadline moves 4 working days: 10/26 → 10/30.
    RequestPause.objects.create(request=request_row, start=D(2026, 9, 23), end=D(2026, 9, 30))
    transition(request_row, S.CONSULTING)
    request_row.refresh_from_db()
    assert request_row.deadline == D(2026, 10, 30)


def test_query_codes_are_long_and_unambiguous():
    codes = {new_query_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(c) == 12 and not set(c) & set("01OIL") for c in codes)


def test_unit_people_act_for_their_own_unit_only(unit, other_unit, webmaster):
    person = get_user_model().objects.create_user("clerk", password="x")
    assert not user_units(person).exists()
    add_to_unit(person, unit, UnitRole.HANDLER)
    assert list(user_units(person)) == [unit]
    assert acts_for_unit(person, unit, UnitRole.HANDLER)
    assert not acts_for_unit(person, unit, UnitRole.REVIEWER)
    assert not acts_for_unit(person, other_unit)
    boss = get_user_model().objects.get(username="webmaster")
    assert is_webmaster(boss) and not is_webmaster(person)
    assert acts_for_unit(boss, other_unit, UnitRole.REVIEWER)
    # renaming the unit renames its groups instead of making new ones
    unit.name = "区数据局"
    unit.save()
    add_to_unit(person, unit, UnitRole.EDITOR)
    assert sorted(person.groups.values_list("name", flat=True)) == [
        "区数据局 · 依申请公开办理",
        "区数据局 · 撰稿编辑",
    ]
