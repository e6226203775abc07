"""The staff request views: who sees which request, its applicant and its files, and who
may move it on; the buttons shown; bad input answered in Chinese."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from hypothesis import given
from hypothesis import strategies as st

from disclosure.models import RequestDocument, RequestStatus, UnitRole
from disclosure.requests.staff.steps import available_steps

from .fuzzing import assert_safe, fuzz_settings, parameter_text
from .request_staff import BASE, person, post_step, step_url, submit

D = datetime.date
S = RequestStatus
APPLICANT_ID = "110101199001011234"


@pytest.fixture
def row(unit):
    return submit(unit, D(2026, 9, 21), name="王五")


def login(client, who: str, users: dict):
    client.logout()
    if users[who] is not None:
        client.force_login(users[who])


@pytest.fixture
def users(handler, other_handler, editor, db):
    return {
        "handler": handler,
        "other_unit_handler": other_handler,
        "editor": editor,
        "anonymous": None,
        "webmaster": get_user_model().objects.create_superuser("boss", "b@example.com", "pw"),
    }


# who → (list status, detail status); Wagtail answers a PermissionDenied in its admin with a
# redirect to the dashboard and a "no permission" message
EXPECTED = {
    "handler": (200, 200),
    "webmaster": (200, 200),
    "other_unit_handler": (200, 404),
    "editor": (302, 404),
}


@pytest.mark.parametrize("who", [*EXPECTED, "anonymous"])
def test_list_detail_and_applicant_data_by_person(client, users, row, who):
    login(client, who, users)
    listing = client.get(BASE)
    detail = client.get(f"{BASE}{row.pk}/")
    if who == "anonymous":
        assert listing.status_code == 302 and "/admin/login/" in listing.url
        assert detail.status_code == 302 and "/admin/login/" in detail.url
        return
    assert (listing.status_code, detail.status_code) == EXPECTED[who]
    if listing.status_code == 302:
        assert listing.url == "/admin/"
    shown = detail.content.decode()
    if detail.status_code == 200:
        assert "王五" in shown and APPLICANT_ID in shown and row.subject in shown
        assert row.subject in listing.content.decode()
    else:
        assert "王五" not in shown and APPLICANT_ID not in shown
        if listing.status_code == 200:  # a handler of another unit: an empty list
            assert row.subject not in listing.content.decode()


@pytest.mark.parametrize("who", [*EXPECTED, "anonymous"])
def test_only_the_units_handlers_and_webmasters_may_move_a_request(client, users, row, who):
    login(client, who, users)
    response = post_step(client, row, "accept", {"note": "材料齐全"})
    row.refresh_from_db()
    if who in ("handler", "webmaster"):
        assert response.status_code == 302 and response.url == f"{BASE}{row.pk}/"
        assert row.status == S.ACCEPTED
        assert row.events.last().actor == users[who]
    else:
        assert response.status_code in (302, 404) and row.status == S.REGISTERED
        if who == "anonymous":
            assert "/admin/login/" in response.url
        else:
            assert response.status_code == 404


@pytest.mark.parametrize("who", [*EXPECTED, "anonymous"])
def test_the_reply_letter_is_served_to_the_units_handlers_and_webmasters_only(
    client, users, row, private_media, who
):
    client.force_login(users["handler"])
    for step in ("accept", "process"):
        assert post_step(client, row, step).status_code == 302
    done = post_step(
        client,
        row,
        "reply",
        {
            "outcome": "disclosed",
            "closed_on": "2026-10-20",
            "delivery_method": "email",
            "delivered_on": "2026-10-20",
        },
    )
    assert done.status_code == 302
    letter = RequestDocument.objects.get(request=row, kind="reply_letter")
    login(client, who, users)
    response = client.get(f"{BASE}{row.pk}/files/{letter.pk}/")
    if who in ("handler", "webmaster"):
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
        assert "attachment" in response["Content-Disposition"]
        assert "no-store" in response["Cache-Control"]
    elif who == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == 404
    # the storage's public URL of the file is not served
    client.logout()
    assert client.get(f"/media/{letter.file.name}").status_code == 404


def test_the_detail_page_shows_the_buttons_of_the_allowed_steps_only(client, handler, row):
    client.force_login(handler)
    for status, expected in [
        (S.REGISTERED, ["accept", "not_accept", "supplement", "withdraw"]),
        (S.ACCEPTED, ["process", "supplement", "withdraw"]),
    ]:
        assert [s.name for s in available_steps(status)] == expected
        page = client.get(f"{BASE}{row.pk}/").content.decode()
        for step in ("accept", "not_accept", "process", "supplement", "reply", "archive"):
            assert (step_url(row, step) in page) == (step in expected), (status, step)
        post_step(client, row, "accept")
    # a step the state does not allow, posted anyway: refused, nothing changes
    response = post_step(client, row, "archive")
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.status == S.ACCEPTED
    page = client.get(f"{BASE}{row.pk}/").content.decode()
    assert "不能办理“归档”" in page
    assert client.get(step_url(row, "no-such-step")).status_code == 404


def test_a_refused_step_shows_chinese_errors_and_keeps_the_request(client, handler, row):
    client.force_login(handler)
    post_step(client, row, "accept")
    post_step(client, row, "process")
    response = post_step(
        client,
        row,
        "extend",
        {"workdays": "20", "approver": "", "reason": "量大", "decided_on": "2026-10-27"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "未办理" in page and "批准人：必需字段" in page
    response = post_step(
        client,
        row,
        "extend",
        {"workdays": "20", "approver": "李主任", "reason": "量大", "decided_on": "2026-10-27"},
    )
    assert "2026-10-26）届满后不能再延长" in response.content.decode()
    row.refresh_from_db()
    assert row.status == S.PROCESSING and row.extension_workdays == 0


def test_the_list_filters_by_status_unit_and_due(client, users, unit, other_unit):
    mine = submit(unit, D(2026, 9, 21), subject="本单位的申请")
    theirs = submit(other_unit, D(2026, 9, 21), subject="教育局的申请")
    client.force_login(users["webmaster"])
    page = client.get(BASE, {"unit": other_unit.pk}).content.decode()
    assert theirs.subject in page and mine.subject not in page
    page = client.get(BASE, {"status": S.ACCEPTED}).content.decode()
    assert mine.subject not in page and "没有符合条件的申请" in page
    page = client.get(BASE, {"due": "overdue"}).content.decode()  # due 2026-10-26, passed
    assert mine.subject in page and theirs.subject in page and "超期" in page
    # a handler's unit filter cannot reach another unit
    client.force_login(users["handler"])
    page = client.get(BASE, {"unit": other_unit.pk}).content.decode()
    assert mine.subject in page and theirs.subject not in page


def test_the_menu_item_is_shown_to_handlers_only(client, users):
    client.force_login(users["handler"])
    assert BASE in client.get("/admin/").content.decode()
    client.force_login(users["editor"])
    assert BASE not in client.get("/admin/").content.decode()


def test_a_webmaster_by_permission_sees_every_unit(client, unit, other_unit):
    from django.contrib.auth.models import Permission

    row = submit(other_unit, D(2026, 9, 21))
    office = person("office", unit, UnitRole.EDITOR)
    office.user_permissions.add(Permission.objects.get(codename="manage_all_units"))
    client.force_login(office)
    assert client.get(f"{BASE}{row.pk}/").status_code == 200


@given(values=st.fixed_dictionaries({"note": parameter_text, "closed_on": parameter_text}))
@fuzz_settings
def test_fuzzed_step_input_is_answered_without_500_or_markup(client, handler, row, values):
    client.force_login(handler)
    response = client.post(step_url(row, "withdraw"), values)
    if response.status_code == 302:  # a valid withdrawal: the request was closed
        row.refresh_from_db()
        assert row.status == S.WITHDRAWN
        return
    assert_safe(response, values)
    assert "未办理" in response.content.decode()


@given(
    values=st.fixed_dictionaries(
        {
            "status": parameter_text,
            "unit": parameter_text,
            "due": parameter_text,
            "p": parameter_text,
        }
    )
)
@fuzz_settings
def test_fuzzed_list_filters_are_answered_without_500_or_markup(client, handler, row, values):
    client.force_login(handler)
    assert_safe(client.get(BASE, values), values)


def test_every_step_through_the_views_is_in_wagtails_audit_log(client, handler, row):
    from wagtail.models import ModelLogEntry

    client.force_login(handler)
    post_step(client, row, "accept", {"note": "材料齐全"})
    post_step(client, row, "not_accept")  # refused: not from 已受理
    post_step(client, row, "process")
    entries = ModelLogEntry.objects.filter(
        action="disclosure.request.transition", object_id=str(row.pk)
    ).order_by("pk")
    assert [(e.user_id, e.data["from"], e.data["to"]) for e in entries] == [
        (handler.pk, S.REGISTERED, S.ACCEPTED),
        (handler.pk, S.ACCEPTED, S.PROCESSING),
    ]
    assert entries[0].data["note"] == "材料齐全"
    page = client.get(f"{BASE}{row.pk}/").content.decode()
    assert page.count("（handler）") == 2  # the timeline names who did each step


def test_a_typed_in_request_without_applicant_data_still_shows(client, handler, unit):
    from disclosure.models import ApplicantType, InformationRequest

    typed = InformationRequest.objects.create(
        unit=unit,
        received_date=D(2026, 3, 2),
        applicant_type=ApplicantType.OTHER,
        subject="纸质来信申请",
        status=S.PROCESSING,
    )
    client.force_login(handler)
    page = client.get(f"{BASE}{typed.pk}/").content.decode()
    assert "纸质来信申请" in page and "未登记申请人信息" in page
