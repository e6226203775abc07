"""Last year's report cycle in the demo: some units' 年报 published and submitted, one
submitted and waiting, one returned by the district office, one still being written."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils import timezone

from disclosure.models import AnnualReportPage, DisclosureColumnPage, DisclosureUnit
from disclosure.reports import cycle

COLUMNS = {
    DisclosureUnit.Kind.DEPARTMENT: "区政府部门年报",
    DisclosureUnit.Kind.SUBDISTRICT: "街道（镇）年报",
    DisclosureUnit.Kind.TOWN: "街道（镇）年报",
}
# by position among the units that write their own report: what happens to it
PLAN = ["published", "published", "submitted", "returned", "drafting"]


def ensure_unit_reports(index) -> None:
    year = timezone.localdate().year - 1
    if AnnualReportPage.objects.filter(year=year, unit__isnull=False).exists():
        return
    admin = get_user_model().objects.filter(is_superuser=True).first()
    units = DisclosureUnit.objects.filter(kind__in=list(COLUMNS)).order_by("sort_order", "name")
    for unit, fate in zip(units, PLAN, strict=False):
        column = (
            DisclosureColumnPage.objects.descendant_of(index)
            .filter(title=COLUMNS[unit.kind])
            .first()
        )
        if column is None:
            continue
        report = AnnualReportPage(
            title=f"{unit.name}{year}年政府信息公开工作年度报告",
            slug=f"report-{year}-{unit.pk}",
            year=year,
            unit=unit,
            live=False,
            problems_text="<p>信息公开的及时性还有提升空间。下一步将完善信息发布审核机制。</p>",
        )
        column.add_child(instance=report)
        revision = report.save_revision()
        if fate == "drafting":
            continue
        report = AnnualReportPage.objects.get(pk=report.pk)
        submission = cycle.submit(report, admin)
        if fate == "returned":
            cycle.return_submission(submission, admin, "第五部分请写明具体的改进措施。")
        elif fate == "published":
            revision.publish()
