"""Fixtures and helpers of the staff request tests: people in unit roles and requests
registered as the public form registers them (the row, the applicant, the first step)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from disclosure.models import (
    ApplicantType,
    InformationRequest,
    RequestApplicant,
    UnitRole,
)
from disclosure.requests.workflow import new_query_code, record_submission
from disclosure.unit_access import add_to_unit

D = datetime.date
BASE = "/admin/disclosure/requests/"


def person(username: str, unit=None, role: str = UnitRole.HANDLER, email: str = ""):
    """A Wagtail user with admin access, one of ``unit``'s people in ``role``."""
    user = get_user_model().objects.create_user(username, email or f"{username}@example.com", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if unit is not None:
        add_to_unit(user, unit, role)
    return user


def submit(
    unit,
    received: datetime.date,
    *,
    applicant_type: str = ApplicantType.NATURAL_PERSON,
    subject: str = "申请公开某路段拓宽工程的立项批复",
    name: str = "张三",
) -> InformationRequest:
    """A request as the online form registers it."""
    row = InformationRequest.objects.create(
        unit=unit,
        received_date=received,
        applicant_type=applicant_type,
        subject=subject,
        channel=InformationRequest.Channel.ONLINE,
        query_code=new_query_code(),
    )
    RequestApplicant.objects.create(
        request=row, name=name, phone="13800000000", id_number="110101199001011234"
    )
    record_submission(row)
    return row


def step_url(row, step: str) -> str:
    return f"{BASE}{row.pk}/{step}/"


def post_step(client, row, step: str, data: dict | None = None, **files):
    """POST one step as a handler would; the response (302 to the detail page when done)."""
    return client.post(step_url(row, step), {**(data or {}), **files})


@pytest.fixture
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def handler(unit):
    return person("handler", unit)


@pytest.fixture
def other_handler(other_unit):
    return person("other_handler", other_unit)


@pytest.fixture
def editor(unit):
    return person("editor", unit, UnitRole.EDITOR)
