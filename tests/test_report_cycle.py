"""The yearly report cycle across two units and the district: drafting, 报送, 退回, the
deadlines, who may do what, the district page's list and the units-add-up check."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from disclosure.models import (
    AnnualReportPage,
    ApplicantType,
    InformationRequest,
    RequestOutcome,
    UnitRole,
)
from disclosure.reports import cycle
from disclosure.unit_access import add_to_unit

from .conftest import add_column

D = datetime.date
YEAR = 2025


def make_report(parent, unit=None, *, publish=False) -> AnnualReportPage:
    page = AnnualReportPage(
        title=f"{unit.name if unit else '全区'}{YEAR}年政府信息公开工作年度报告",
        year=YEAR,
        unit=unit,
        live=False,
    )
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return AnnualReportPage.objects.get(pk=page.pk)


def add_request(unit, day=None) -> InformationRequest:
    day = day or D(YEAR, 3, 2)
    return InformationRequest.objects.create(
        unit=unit,
        received_date=day,
        closed_date=day + datetime.timedelta(days=5),
        outcome=RequestOutcome.DISCLOSED,
        applicant_type=ApplicantType.NATURAL_PERSON,
        subject="某项目环评批复",
    )


def refused(response) -> bool:
    """Wagtail's admin answers a PermissionDenied with a redirect to its home page."""
    home = reverse("wagtailadmin_home")
    return response.status_code == 403 or (response.status_code == 302 and response.url == home)


def person(username, unit, role):
    user = get_user_model().objects.create_user(username, password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    add_to_unit(user, unit, role)
    return user


@pytest.fixture
def reports_column(index):
    return add_column(index, "政府信息公开年报")


def test_a_unit_report_moves_through_the_cycle(client, webmaster, unit, other_unit, reports_column):
    status = {u.pk: None for u in (unit, other_unit)}

    def statuses():
        for row in cycle.progress(YEAR, [unit, other_unit], today=D(2026, 1, 20)):
            status[row.unit.pk] = (row.status, row.days_left)
        return status

    assert statuses()[unit.pk] == (cycle.CycleStatus.NOT_STARTED, 11)  # 1/20 → 1/31
    report = make_report(reports_column, unit)
    assert statuses()[unit.pk][0] == cycle.CycleStatus.DRAFTING

    reviewer = person("a-reviewer", unit, UnitRole.REVIEWER)
    client.force_login(reviewer)
    response = client.post(reverse("disclosure_report_cycle:submit", args=[report.pk]))
    assert response.status_code == 302
    assert statuses()[unit.pk][0] == cycle.CycleStatus.SUBMITTED

    client.force_login(webmaster)
    url = reverse("disclosure_report_cycle:return", args=[report.pk])
    response = client.post(url, {"reason": ""})
    assert "请填写退回理由" in response.content.decode()  # nothing returned yet
    assert statuses()[unit.pk][0] == cycle.CycleStatus.SUBMITTED
    client.post(url, {"reason": "第五部分未写存在的问题"})
    assert statuses()[unit.pk][0] == cycle.CycleStatus.RETURNED
    page = client.get(reverse("disclosure_report_cycle:year", args=[YEAR])).content.decode()
    assert "第五部分未写存在的问题" in page and "区教育局" in page

    client.force_login(reviewer)
    client.post(reverse("disclosure_report_cycle:submit", args=[report.pk]))
    report.get_latest_revision().publish()
    assert statuses()[unit.pk][0] == cycle.CycleStatus.PUBLISHED
    assert statuses()[other_unit.pk][0] == cycle.CycleStatus.NOT_STARTED
    late = cycle.progress(YEAR, [other_unit], today=D(2026, 2, 2))[0]
    assert late.late and late.days_left == -2


def test_deadlines_follow_article_49_and_the_settings(settings):
    assert cycle.unit_deadline(YEAR) == D(2026, 1, 31)
    assert cycle.district_deadline(YEAR) == D(2026, 3, 31)
    settings.DISCLOSURE_UNIT_REPORT_DEADLINE = "01-26"
    assert cycle.unit_deadline(YEAR) == D(2026, 1, 26)


@pytest.mark.parametrize(
    ("role", "own_unit", "may_submit"),
    [
        (UnitRole.REVIEWER, True, True),
        (UnitRole.LEADER, True, True),
        (UnitRole.EDITOR, True, False),
        (UnitRole.HANDLER, True, False),
        (UnitRole.REVIEWER, False, False),
        (UnitRole.LEADER, False, False),
    ],
)
def test_who_may_submit_and_return(
    client, unit, other_unit, reports_column, role, own_unit, may_submit
):
    report = make_report(reports_column, unit)
    user = person("someone", unit if own_unit else other_unit, role)
    client.force_login(user)
    response = client.post(reverse("disclosure_report_cycle:submit", args=[report.pk]))
    assert refused(response) != may_submit
    assert hasattr(AnnualReportPage.objects.get(pk=report.pk), "submission") == may_submit
    if may_submit:  # only the district office returns, and only it checks the sums
        url = reverse("disclosure_report_cycle:return", args=[report.pk])
        assert refused(client.post(url, {"reason": "x"}))
        assert not AnnualReportPage.objects.get(pk=report.pk).submission.is_returned
        check = reverse("disclosure_report_cycle:consistency", args=[YEAR])
        assert refused(client.get(check))
    overview = client.get(reverse("disclosure_report_cycle:year", args=[YEAR]))
    assert overview.status_code == 200
    listed = overview.content.decode()
    assert ("区人民政府办公室" in listed) == own_unit and ("区教育局" in listed) != own_unit


def test_a_person_of_no_unit_sees_no_cycle(client, db):
    nobody = get_user_model().objects.create_user("nobody", password="pw")
    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(nobody)
    assert refused(client.get(reverse("disclosure_report_cycle:index")))


def test_the_district_report_cannot_be_submitted(unit, reports_column, webmaster):
    district = make_report(reports_column)
    with pytest.raises(Exception, match="不需要报送"):
        cycle.submit(district, webmaster)


def test_the_units_add_up_and_a_late_change_names_its_unit(
    client, webmaster, unit, other_unit, reports_column
):
    add_request(unit)
    add_request(other_unit)
    add_request(other_unit)
    units = [unit, other_unit]
    assert cycle.unit_sum_differences(YEAR, units) == []  # all live: they add up

    cycle.submit(make_report(reports_column, unit), webmaster)
    assert cycle.unit_sum_differences(YEAR, units) == []
    add_request(unit, D(YEAR, 6, 1))  # typed in after the unit submitted
    differences = {d.cell: d for d in cycle.unit_sum_differences(YEAR, units)}
    received = differences["三 · 一、本年新收政府信息公开申请数量 · 自然人"]
    # district live: 1 + 1 (unit) + 2 (other) = 4; units: 1 (as submitted) + 2 = 3
    assert (received.district, received.units_sum, received.units_differing) == (4, 3, [unit.name])
    assert "三 · 一、本年新收政府信息公开申请数量 · 总计" in differences
    page = client.get(reverse("disclosure_report_cycle:consistency", args=[YEAR])).content.decode()
    assert "本年新收政府信息公开申请数量" in page and unit.name in page


def test_the_district_report_lists_the_public_unit_reports_only(
    client, unit, other_unit, reports_column, settings
):
    settings.DISCLOSURE_PAGE_CACHE_SECONDS = 600
    district = make_report(reports_column, publish=True)
    own = make_report(reports_column, unit, publish=True)
    draft = make_report(reports_column, other_unit)
    html = client.get(district.url).content.decode()
    assert f'href="{own.url}"' in html and own.unit.name in html
    assert "区教育局" not in html  # the draft is not listed
    draft.get_latest_revision().publish()  # the cached district page is purged
    assert "区教育局" in client.get(district.url).content.decode()
    draft.refresh_from_db()
    draft.unpublish()
    assert "区教育局" not in client.get(district.url).content.decode()


def test_a_unit_writes_its_own_report_only(client, unit, other_unit, reports_column):
    own = make_report(reports_column, unit)
    others = make_report(reports_column, other_unit)
    district = make_report(reports_column)
    editor = person("a-editor", unit, UnitRole.EDITOR)
    reviewer = person("a-reviewer", unit, UnitRole.REVIEWER)
    assert own.permissions_for_user(editor).can_edit()
    assert not own.permissions_for_user(editor).can_publish()
    assert own.permissions_for_user(reviewer).can_publish()
    for page in (others, district):
        assert not page.permissions_for_user(editor).can_edit()
        assert not page.permissions_for_user(reviewer).can_publish()
    client.force_login(editor)
    add_url = reverse(
        "wagtailadmin_pages:add", args=["disclosure", "annualreportpage", reports_column.pk]
    )
    response = client.get(add_url)
    assert response.status_code == 200, response.get("Location")
    form = response.context["form"]
    assert list(form.fields["unit"].queryset) == [unit] and form.fields["unit"].required
    assert client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).status_code == 200
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[others.pk])))
