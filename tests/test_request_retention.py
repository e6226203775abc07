"""The applicant's personal data is anonymised once the retention period has passed."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from disclosure.models import (
    ApplicantType,
    InformationRequest,
    RequestApplicant,
    RequestEvent,
    RequestOutcome,
    RequestStatus,
)
from disclosure.requests import retention

D = datetime.date


def closed_request(unit, closed: D, name: str) -> InformationRequest:
    row = InformationRequest.objects.create(
        unit=unit,
        received_date=closed - datetime.timedelta(days=10),
        closed_date=closed,
        outcome=RequestOutcome.DISCLOSED,
        status=RequestStatus.ARCHIVED,
        applicant_type=ApplicantType.NATURAL_PERSON,
        subject="某小区加装电梯的审批文件",
        purpose=f"{name}家中老人出行",
    )
    RequestApplicant.objects.create(
        request=row,
        name=name,
        id_type="resident_id",
        id_number="11010519491231002X",
        phone="13800138000",
        email="applicant@example.com",
        address="某街道某小区 3 号楼",
    )
    RequestEvent.objects.create(
        request=row, to_status=RequestStatus.PROCESSING, title="补正", note=f"我是{name}"
    )
    clerk, _ = get_user_model().objects.get_or_create(username="clerk")
    RequestEvent.objects.create(
        request=row, actor=clerk, to_status=RequestStatus.REPLIED, title="答复", note="已答复"
    )
    return row


@pytest.mark.django_db
def test_only_requests_closed_before_the_retention_period_are_anonymised(unit, settings):
    settings.DISCLOSURE_REQUEST_RETENTION_YEARS = 5
    old = closed_request(unit, D(2020, 3, 1), "张三")
    recent = closed_request(unit, D(2024, 3, 1), "李四")
    open_one = InformationRequest.objects.create(
        unit=unit,
        received_date=D(2019, 1, 2),
        applicant_type=ApplicantType.NATURAL_PERSON,
        subject="仍在办理",
    )
    RequestApplicant.objects.create(request=open_one, name="王五", phone="13900000000")

    due = retention.due_for_anonymising(today=D(2026, 12, 4))
    assert list(due) == [old]  # cut-off 2021-12-04; the open request is never due
    assert retention.anonymise(due) == 1

    old.refresh_from_db()
    applicant = old.applicant
    assert applicant.name == "（已匿名）" and applicant.anonymised_at is not None
    assert (applicant.id_number, applicant.phone, applicant.email, applicant.address) == (
        "",
        "",
        "",
        "",
    )
    assert old.purpose == ""
    notes = list(old.events.values_list("note", flat=True))
    assert notes == ["", "已答复"]  # the applicant's own words go; staff records stay
    # the register row and its Table B facts stay
    assert (old.outcome, old.closed_date, old.subject) == (
        RequestOutcome.DISCLOSED,
        D(2020, 3, 1),
        "某小区加装电梯的审批文件",
    )
    assert recent.applicant.name == "李四"
    assert RequestApplicant.objects.get(request=open_one).name == "王五"
    assert not retention.due_for_anonymising(today=D(2026, 12, 4)).exists()


@pytest.mark.django_db
def test_the_command_reports_and_honours_dry_run(unit, settings, capsys):
    settings.DISCLOSURE_REQUEST_RETENTION_YEARS = 1
    closed_request(unit, D(2020, 3, 1), "张三")
    call_command("anonymise_requests", "--dry-run")
    assert "待匿名化的申请：1 件" in capsys.readouterr().out
    assert RequestApplicant.objects.get().name == "张三"
    call_command("anonymise_requests")
    assert "已将 1 件" in capsys.readouterr().out
    assert RequestApplicant.objects.get().name == "（已匿名）"
