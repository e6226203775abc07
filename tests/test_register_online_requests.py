"""依申请公开登记 and the online requests in it: a request filed through the portal's form is
driven by the handling workflow, so the register shows its workflow fields read-only (a
forged POST changes none of them) and never deletes it; rows typed in from paper stay the
register's own (edited and, by webmasters, deleted as before)."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from disclosure.models import ApplicantType, InformationRequest, RequestOutcome, RequestStatus

from .request_staff import submit
from .test_registers import request_for
from .unit_people import log_in

D = datetime.date
EDITORS = ("webmaster", "handler")
LOCKED = {
    "received_date": D(2024, 1, 2),
    "closed_date": D(2024, 3, 5),
    "outcome": RequestOutcome.DISCLOSED,
    "subject": "改过的申请内容",
    "fee_charged": Decimal("9.00"),
    "applicant_type": ApplicantType.COMMERCIAL,
    "channel": InformationRequest.Channel.LETTER,
}


def url(action: str, row) -> str:
    return reverse(f"disclosure_informationrequest_modeladmin_{action}", args=[row.pk])


def online_row(unit) -> InformationRequest:
    return submit(unit, D(2024, 3, 1))


def typed_in_row(unit) -> InformationRequest:
    row = request_for(unit, channel=InformationRequest.Channel.LETTER, reference_no="纸-1")
    row.save()
    return row


def forged_post(row, unit, **changes) -> dict:
    """Every field of the register's form, the locked ones changed, and a new 备注."""
    data = {
        "unit": unit.pk,
        "reference_no": row.reference_no or "",
        "received_date": "2024-01-02",
        "channel": LOCKED["channel"],
        "applicant_type": LOCKED["applicant_type"],
        "subject": LOCKED["subject"],
        "closed_date": "2024-03-05",
        "outcome": LOCKED["outcome"],
        "fee_charged": "9.00",
        "notes": "登记备注",
    }
    data.update(changes)
    return data


def stored(row) -> dict:
    row.refresh_from_db()
    return {name: getattr(row, name) for name in LOCKED} | {"unit": row.unit_id}


def edit_page(client, role: str, unit, make_row):
    """Log in as ``role`` of ``unit`` and open the edit page of a new row: (row, response)."""
    log_in(client, role, unit)
    row = make_row(unit)
    response = client.get(url("edit", row))
    assert response.status_code == 200
    return row, response


@pytest.mark.parametrize("role", EDITORS)
def test_the_edit_page_of_an_online_request_shows_its_workflow_fields_read_only(client, unit, role):
    row, response = edit_page(client, role, unit, online_row)
    form = response.context["form"]
    for name in (*LOCKED, "unit"):
        assert form.fields[name].disabled, name
    assert not form.fields["notes"].disabled and not form.fields["reference_no"].disabled
    page = response.content.decode()
    assert "data-online-request-notice" in page
    assert reverse("disclosure_requests:detail", args=[row.pk]) in page
    assert url("delete", row) not in page


@pytest.mark.parametrize("role", EDITORS)
def test_a_typed_in_row_stays_editable(client, unit, role):
    row, response = edit_page(client, role, unit, typed_in_row)
    assert not any(field.disabled for field in response.context["form"].fields.values())
    assert "data-online-request-notice" not in response.content.decode()

    response = client.post(url("edit", row), forged_post(row, unit))
    assert response.status_code == 302
    assert stored(row) == LOCKED | {"unit": unit.pk}
    assert row.notes == "登记备注"


@pytest.mark.parametrize("role", EDITORS)
def test_a_forged_post_changes_no_workflow_field_of_an_online_request(
    client, unit, other_unit, role
):
    log_in(client, role, unit)
    row = online_row(unit)
    before = stored(row)
    target = other_unit if role == "webmaster" else unit
    response = client.post(url("edit", row), forged_post(row, target, reference_no="登-7"))
    assert response.status_code == 302
    assert stored(row) == before
    assert row.status == RequestStatus.REGISTERED
    assert (row.notes, row.reference_no) == ("登记备注", "登-7")
    assert row.closed_date is None and row.outcome == ""
    assert row.events.count() == 1  # only the submission: nothing bypassed the workflow


def test_a_forged_post_cannot_reopen_a_closed_online_request(client, unit):
    log_in(client, "webmaster", unit)
    row = online_row(unit)
    InformationRequest.objects.filter(pk=row.pk).update(
        closed_date=D(2024, 3, 10), outcome=RequestOutcome.DISCLOSED
    )
    before = stored(row)
    client.post(url("edit", row), forged_post(row, unit, closed_date="", outcome=""))
    assert stored(row) == before
    assert row.notes == "登记备注"


@pytest.mark.parametrize("role", EDITORS)
def test_an_online_request_cannot_be_deleted_from_the_register(client, unit, role):
    log_in(client, role, unit)
    row = online_row(unit)
    handling = reverse("disclosure_requests:detail", args=[row.pk])
    for response in (client.get(url("delete", row)), client.post(url("delete", row))):
        assert response.status_code == 302 and response.url == handling
    assert InformationRequest.objects.filter(pk=row.pk).exists()
    page = client.get(handling, follow=True).content.decode()
    assert "网上提交的申请不能在登记中删除" in page


def test_the_register_list_offers_delete_only_for_typed_in_rows(client, unit):
    log_in(client, "webmaster", unit)
    online, typed_in = online_row(unit), typed_in_row(unit)
    page = client.get(reverse("disclosure_informationrequest_modeladmin_index")).content.decode()
    assert url("edit", online) in page and url("edit", typed_in) in page
    assert url("delete", online) not in page
    assert url("delete", typed_in) in page
    # and a typed-in row is deleted as before
    assert client.post(url("delete", typed_in)).status_code == 302
    assert not InformationRequest.objects.filter(pk=typed_in.pk).exists()


def test_another_units_online_request_is_still_not_found(client, unit, other_unit):
    log_in(client, "handler", unit)
    row = online_row(other_unit)
    for action in ("edit", "delete"):
        assert client.post(url(action, row), forged_post(row, other_unit)).status_code == 404
    assert InformationRequest.objects.filter(pk=row.pk, notes="").exists()
