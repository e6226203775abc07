"""The daily digest e-mail and the admin home panel: due soon, overdue and paused, by unit."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from disclosure.management.commands import run_scheduler
from disclosure.models import InformationRequest, RequestStatus, UnitRole, workday_calendar
from disclosure.requests.staff.digest import digest_messages

from .request_staff import BASE, person, submit

D = datetime.date
S = RequestStatus
TODAY = D(2026, 10, 20)  # a Tuesday


def set_status(row, status):
    InformationRequest.objects.filter(pk=row.pk).update(status=status)


@pytest.fixture
def requests_of_two_units(unit, other_unit):
    rows = {
        # received 9/21: due Mon 10/26 (see test_request_staff_clock); from Tue 10/20 the
        # working days 10/21, 10/22, 10/23, 10/26 are left: 4
        "soon": submit(unit, D(2026, 9, 21), subject="甲：五日内到期"),
        # received Tue 9/1: 9/2–4 (1–3), 9/7–11 (4–8), 9/14–18 (9–13), Sun 9/20 worked
        # (14), 9/21–24 (15–18), 9/28 (19), 9/29 (20). Late by 10/20: 9/30, 10/8, 10/9,
        # 10/10, 10/12–16, 10/19, 10/20 = 11 working days
        "overdue": submit(unit, D(2026, 9, 1), subject="乙：已超期"),
        "paused": submit(unit, D(2026, 9, 1), subject="丙：征求意见中"),
        "later": submit(unit, D(2026, 10, 19), subject="丁：期限未到"),
        "replied": submit(unit, D(2026, 9, 1), subject="戊：已答复"),
        "theirs": submit(other_unit, D(2026, 9, 21), subject="己：教育局的申请"),
    }
    set_status(rows["paused"], S.CONSULTING)
    InformationRequest.objects.filter(pk=rows["replied"].pk).update(
        status=S.REPLIED, closed_date=D(2026, 9, 20), outcome="disclosed"
    )
    return rows


def test_one_mail_per_handler_with_their_units_due_and_overdue_requests(
    requests_of_two_units, handler, other_handler, unit
):
    person("no_mail", unit).__class__.objects.filter(username="no_mail").update(email="")
    mails = {m.to[0]: m for m in digest_messages(TODAY)}
    assert set(mails) == {handler.email, other_handler.email}
    mine = mails[handler.email]
    assert mine.subject == "依申请公开办理提醒：1件超期，1件5个工作日内到期"
    body = mine.body
    assert "甲：五日内到期" in body and "答复期限2026-10-26" in body and "剩余4个工作日" in body
    assert "乙：已超期" in body and "答复期限2026-09-29" in body and "超期11个工作日" in body
    assert body.index("已超过答复期限") < body.index("乙") < body.index("5个工作日内到期：")
    for absent in ("丙", "丁", "戊", "己"):
        assert absent not in body
    assert f"{BASE}{requests_of_two_units['soon'].pk}/" in body
    theirs = mails[other_handler.email].body
    assert "己：教育局的申请" in theirs and "甲" not in theirs


def test_the_command_sends_through_djangos_mail(requests_of_two_units, handler, mailoutbox):
    call_command("send_request_digest", "--date", "2026-10-20")
    assert [m.to for m in mailoutbox] == [[handler.email]]  # the other unit has no handler
    call_command("send_request_digest", "--date", "2026-10-27")
    # on 10/27 甲 (10/26) is overdue too
    assert mailoutbox[-1].subject.startswith("依申请公开办理提醒：2件超期")


def test_the_scheduler_sends_it_once_a_day(requests_of_two_units, handler, mailoutbox, monkeypatch):
    monkeypatch.setattr(run_scheduler, "DIGEST_HOUR", 0)
    command = run_scheduler.Command()
    command.send_request_digest_daily()
    command.send_request_digest_daily()
    run_scheduler.Command().send_request_digest_daily()  # a restarted scheduler
    assert len(mailoutbox) == 1


def test_the_home_panel_counts_by_unit_from_the_stored_deadlines(
    client, unit, other_unit, handler, django_assert_max_num_queries
):
    today = timezone.localdate()
    calendar = workday_calendar()
    # a request due in two working days: received 20 working days before that
    due = calendar.add_workdays(today, 2)
    received = today
    while calendar.add_workdays(received, 20) > due:
        received -= datetime.timedelta(days=1)
    soon = submit(unit, received, subject="五日内到期")
    assert today <= soon.deadline <= calendar.add_workdays(today, 5)
    submit(unit, today - datetime.timedelta(days=60), subject="已超期")
    paused = submit(unit, today - datetime.timedelta(days=3), subject="征求意见")
    set_status(paused, S.CONSULTING)
    submit(other_unit, today - datetime.timedelta(days=60), subject="教育局")
    client.force_login(handler)
    page = client.get("/admin/").content.decode()
    row = page[page.index(f'data-unit="{unit.pk}"') :].split("</tr>")[0]
    cells = [c.split("<")[0] for c in row.split("<td>")[1:]]
    assert cells[0] == unit.name and cells[1] == "3"
    assert ">1</a>" in row.split("<td>")[3]  # due soon
    assert "<strong>1</strong>" in row  # overdue
    assert f'data-unit="{other_unit.pk}"' not in page  # not this handler's unit
    from disclosure.requests.staff.panels import request_deadlines_panel

    request = type("R", (), {"user": handler})()
    # the user's permissions (2), the unit check, the holiday table, one count for all rows
    with django_assert_max_num_queries(5):
        panel = request_deadlines_panel(request)
    counts = panel.rows[0]
    assert (counts["open"], counts["due_soon"], counts["overdue"], counts["paused"]) == (3, 1, 1, 1)


def test_the_panel_is_not_shown_to_editors(client, unit):
    editor = person("just_editor", unit, UnitRole.EDITOR)
    client.force_login(editor)
    assert "disclosure-request-deadlines" not in client.get("/admin/").content.decode()
