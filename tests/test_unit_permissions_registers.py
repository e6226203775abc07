"""The registers' admin (依申请公开登记, 复议诉讼登记, 年度执法数据) as unit workspaces: every
role × action × (own unit / other unit); another unit's row answers 404 by its id."""

import datetime

import pytest
from django.urls import reverse

from disclosure.models import EnforcementRecord, InformationRequest, ReviewCase, ReviewKind
from disclosure.permissions.registers import register_unit_ids

from .test_registers import request_for
from .unit_people import OWNERSHIP, ROLES, log_in, make_person

MODELS = {
    "informationrequest": InformationRequest,
    "reviewcase": ReviewCase,
    "enforcementrecord": EnforcementRecord,
}


def make_row(model_name: str, unit):
    if model_name == "informationrequest":
        row = request_for(unit)
    elif model_name == "reviewcase":
        row = ReviewCase(unit=unit, kind=ReviewKind.values[0], filed_date=datetime.date(2024, 5, 6))
    else:
        row = EnforcementRecord(unit=unit, year=2024, notes="原备注")
    row.save()
    return row


def url(model_name: str, action: str, *args) -> str:
    return reverse(f"disclosure_{model_name}_modeladmin_{action}", args=args)


def allowed(role: str, ownership: str, action: str) -> bool:
    """Webmasters do everything; a unit's handlers list, inspect, add and edit their own
    unit's rows (not delete); no one else touches the registers."""
    if role == "webmaster":
        return True
    return role == "handler" and ownership == "own" and action != "delete"


def attempt(client, model_name: str, action: str, row) -> bool:
    if action == "list":
        response = client.get(url(model_name, "index"))
        return response.status_code == 200 and url(model_name, "edit", row.pk) in (
            response.content.decode()
        )
    if action == "export":
        response = client.get(url(model_name, "index"), {"export": "csv"})
        if response.status_code != 200:
            return False
        body = b"".join(response.streaming_content if response.streaming else [response.content])
        return row.unit.name in body.decode("utf-8-sig")
    if action == "delete":
        response = client.post(url(model_name, "delete", row.pk))
        assert response.status_code in (302, 403, 404)
        return not MODELS[model_name].objects.filter(pk=row.pk).exists()
    response = client.get(url(model_name, action, row.pk))
    assert response.status_code in (200, 302, 403, 404)
    return response.status_code == 200


@pytest.mark.parametrize("action", ["list", "export", "inspect", "edit", "history", "delete"])
@pytest.mark.parametrize("model_name", MODELS)
@pytest.mark.parametrize("ownership", OWNERSHIP)
@pytest.mark.parametrize("role", ROLES)
def test_register_views(client, unit, other_unit, role, ownership, model_name, action):
    log_in(client, role, unit)
    row = make_row(model_name, unit if ownership == "own" else other_unit)
    assert attempt(client, model_name, action, row) is allowed(role, ownership, action)


def enforcement_data(unit, **more) -> dict:
    data = {
        "unit": unit.pk,
        "year": 2025,
        "licensing_decisions": 3,
        "penalty_decisions": 2,
        "coercion_decisions": 1,
        "fee_amount": "1.50",
        "notes": "改过的备注",
    }
    data.update(more)
    return data


@pytest.mark.parametrize("ownership", OWNERSHIP)
@pytest.mark.parametrize("role", ROLES)
def test_adding_and_saving_rows(client, unit, other_unit, role, ownership):
    log_in(client, role, unit)
    target = unit if ownership == "own" else other_unit
    client.post(url("enforcementrecord", "create"), enforcement_data(target))
    created = EnforcementRecord.objects.filter(unit=target, year=2025).exists()
    assert created is allowed(role, ownership, "add")
    row = make_row("enforcementrecord", target)
    client.post(url("enforcementrecord", "edit", row.pk), enforcement_data(target, year=2024))
    row.refresh_from_db()
    assert (row.notes == "改过的备注") is allowed(role, ownership, "edit")


def test_a_handler_cannot_hand_a_row_to_another_unit(client, unit, other_unit):
    log_in(client, "handler", unit)
    form = client.get(url("enforcementrecord", "create")).context["form"]
    assert list(form.fields["unit"].queryset) == [unit]
    row = make_row("enforcementrecord", unit)
    response = client.post(url("enforcementrecord", "edit", row.pk), enforcement_data(other_unit))
    assert response.status_code == 200 and "选择一个有效的选项" in response.content.decode()
    row.refresh_from_db()
    assert row.unit == unit and row.notes == "原备注"


def test_a_review_case_offers_only_the_units_requests(client, unit, other_unit):
    mine, theirs = make_row("informationrequest", unit), make_row("informationrequest", other_unit)
    log_in(client, "handler", unit)
    form = client.get(url("reviewcase", "create")).context["form"]
    assert set(form.fields["request"].queryset) == {mine}
    assert theirs not in form.fields["request"].queryset


@pytest.mark.parametrize("bad_id", ["abc", "999999"])
def test_a_bad_row_id_is_not_found(client, unit, bad_id):
    log_in(client, "handler", unit)
    for action in ("inspect", "edit", "delete", "history"):
        assert client.get(
            f"/admin/disclosure/enforcementrecord/{action}/{bad_id}/"
        ).status_code in (404,)


def test_the_model_api_answers_the_same(unit, other_unit):
    assert register_unit_ids(make_person("handler", unit)) == {unit.pk}
    assert register_unit_ids(make_person("editor", unit)) == frozenset()
    assert register_unit_ids(make_person("webmaster", unit)) is None
