"""The deadlines the staff pages show, counted by hand across 中秋 and 国庆 2026.

The State Council's 2026 notice: 中秋 9/25–9/27 off, 国庆 10/1–10/7 off, Saturday 10/10
worked. A request received Monday 2026-09-21 (not counted):
  working days 9/22–24 = 1–3, 9/28–30 = 4–6, 10/8, 10/9, 10/10 (Sat, worked) = 7–9,
  10/12–16 = 10–14, 10/19–23 = 15–19, Mon 10/26 = 20.
So the 补正 notice is due on the 7th, 2026-10-08, and the reply on the 20th, 2026-10-26.
"""

import datetime
import re

from django.utils import timezone

from disclosure.models import workday_calendar

from .request_staff import BASE, post_step, submit

D = datetime.date


def shown(client, row) -> dict:
    page = client.get(f"{BASE}{row.pk}/").content.decode()
    deadline = re.search(r"<dd data-deadline>([^<]*)</dd>", page).group(1)
    left = re.search(r"<dd data-days-left>([^<]*)</dd>", page)
    return {"deadline": deadline, "left": left and left.group(1), "page": page}


def overdue_text(deadline: datetime.date) -> str:
    late = workday_calendar().workdays_between(deadline, timezone.localdate())
    return f"已超期{late}个工作日"


def test_deadline_with_a_consultation_and_an_extension(client, handler, unit):
    row = submit(unit, D(2026, 9, 21))
    client.force_login(handler)
    first = shown(client, row)
    assert first["deadline"] == "2026-10-26"
    assert "2026-10-08" in first["page"]  # the last day for the 补正 notice
    assert first["left"] == overdue_text(D(2026, 10, 26))
    post_step(client, row, "accept")
    post_step(client, row, "process")
    # Consultation sent Wed 9/23, still unanswered: at most 15 working days off the clock,
    # 9/24 (1), 9/28–30 (2–4), 10/8–10 (5–7), 10/12–16 (8–12), 10/19–21 (13–15). Counted:
    # 9/22, 9/23 (1–2), 10/22, 10/23 (3–4), 10/26–30 (5–9), 11/2–6 (10–14),
    # 11/9–13 (15–19), Mon 11/16 (20).
    done = post_step(
        client,
        row,
        "consult",
        {"kind": "third_party", "consulted": "某建设公司", "sent_on": "2026-09-23"},
    )
    assert done.status_code == 302
    paused = shown(client, row)
    assert paused["deadline"] == "2026-11-16" and "某建设公司" in paused["page"]
    # Answered Wed 9/30: only 9/24, 9/28, 9/29, 9/30 are off; the 20th counted day moves
    # from 10/26 by four working days: 10/27, 10/28, 10/29, Fri 10/30.
    post_step(client, row, "consulted", {"answered_on": "2026-09-30"})
    assert shown(client, row)["deadline"] == "2026-10-30"
    # Extended by 20 on 10/20: 11/2–6 (1–5), 11/9–13 (6–10), 11/16–20 (11–15),
    # 11/23–27 (16–20): Friday 2026-11-27; the original deadline stays shown.
    post_step(
        client,
        row,
        "extend",
        {
            "workdays": "20",
            "approver": "区政府办主任",
            "reason": "需调阅档案",
            "decided_on": "2026-10-20",
        },
    )
    extended = shown(client, row)
    assert extended["deadline"] == "2026-11-27"
    assert "原答复期限" in extended["page"] and "2026-10-30" in extended["page"]
    assert extended["left"] == overdue_text(D(2026, 11, 27))
    row.refresh_from_db()
    assert row.deadline == D(2026, 11, 27)  # the stored one, for the list and the panel


def test_the_clock_restarts_on_the_supplement(client, handler, unit):
    row = submit(unit, D(2026, 9, 21))
    client.force_login(handler)
    post_step(
        client,
        row,
        "supplement",
        {"sent_on": "2026-09-24", "due": "2026-10-09", "items": "请写明路段名称"},
    )
    waiting = shown(client, row)
    assert waiting["deadline"] == "等待补正，暂不计算" and waiting["left"] is None
    # Supplement received Fri 10/9; counted from it: Sat 10/10 (worked) 1, 10/12–16 2–6,
    # 10/19–23 7–11, 10/26–30 12–16, 11/2–5 17–20: Thursday 2026-11-05.
    post_step(client, row, "supplement_received", {"received_on": "2026-10-09"})
    assert shown(client, row)["deadline"] == "2026-11-05"


def test_a_provisional_year_is_warned_of(client, handler, unit, without_2027_library_data):
    # Received 2026-12-10: the 20 working days run into January 2027, a year without
    # holiday data here, so the deadline is provisional.
    row = submit(unit, D(2026, 12, 10))
    client.force_login(handler)
    page = shown(client, row)["page"]
    assert "2027年尚无法定节假日与调休数据" in page
