"""Table B from applications made with the public form and handled through the staff views
and the applicant's status page, against counts stated by hand. (The form is validated and
saved by the view's own code, with the submission times set in the past.)"""

import datetime

from disclosure.models import InformationRequest
from disclosure.requests.public.forms import ApplicationForm
from disclosure.requests.public.submission import create_request
from disclosure.statistics.tables import table_b

from .conftest import make_credit_code, shanghai
from .request_form_helpers import citizen_data, organisation_data
from .test_request_staff_table_b import ACCEPT, PROCESS, cells, reply, walk

D = datetime.date


def applied(unit, data: dict, at: datetime.datetime) -> InformationRequest:
    form = ApplicationForm(data)
    assert form.is_valid(), form.errors
    return create_request(form, submitted_at=at)


def test_table_b_of_applications_made_online(client, handler, unit, private_media):
    a = applied(unit, citizen_data(unit, subject="a"), shanghai(2026, 3, 2, 10, 0))
    # Friday 18:00 is after hours: received on Monday 3/9 (Art. 31)
    b = applied(
        unit,
        organisation_data(unit, make_credit_code(), subject="b"),
        shanghai(2026, 3, 6, 18, 0),
    )
    assert (a.received_date, b.received_date) == (D(2026, 3, 2), D(2026, 3, 9))
    c = applied(unit, citizen_data(unit, subject="c", name="李四"), shanghai(2025, 12, 30, 10, 0))
    d = applied(unit, citizen_data(unit, subject="d", name="王五"), shanghai(2026, 11, 20, 9, 0))

    client.force_login(handler)
    walk(client, a, ACCEPT, PROCESS, reply("disclosed", "2026-03-20"))
    petition = {"outcome": "not_processed_petition", "closed_on": "2026-03-10", "reason": "信访"}
    walk(client, b, ("not_accept", petition))
    walk(client, d, ACCEPT, PROCESS)
    client.logout()
    withdrawn = client.post(
        "/zfxxgk/apply/status/withdraw/", {"code": c.query_code, "confirm": "on"}
    )
    assert withdrawn.status_code == 302

    # 2026 by hand: received a, d (自然人), b (科研机构); carried over c (received 2025);
    # results a 予以公开, b （五）1 信访, c （六）3 其他 (withdrawn); d open → 结转下年度.
    t = table_b(2026, unit)
    assert cells(t, "received") == {"natural_person": 2, "research": 1, "total": 3}
    assert cells(t, "carried_over") == {"natural_person": 1, "total": 1}
    assert cells(t, "disclosed") == {"natural_person": 1, "total": 1}
    assert cells(t, "not_processed_petition") == {"research": 1, "total": 1}
    assert cells(t, "other") == {"natural_person": 1, "total": 1}
    assert cells(t, "results_total") == {"natural_person": 2, "research": 1, "total": 3}
    assert cells(t, "carried_forward") == {"natural_person": 1, "total": 1}
    # 2025: c received and still open on 31 December
    t2025 = table_b(2025, unit)
    assert cells(t2025, "received") == {"natural_person": 1, "total": 1}
    assert cells(t2025, "carried_forward") == {"natural_person": 1, "total": 1}
