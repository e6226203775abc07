"""The yearly report cycle across units (《条例》第四十九条, domain.md §1.9 and §2.8).

Each unit drafts its own report, passes its review chain and submits it (报送) to the
district office, which may return it (退回); departments publish by 31 January, the district
report by 31 March. This module answers where each unit stands, records submissions and
checks that the units' figures add up to the district's.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from ..conf import get_setting

SUBMIT_ACTION = "disclosure.report.submit"
RETURN_ACTION = "disclosure.report.return"


class CycleStatus(models.TextChoices):
    NOT_STARTED = "not_started", gettext_lazy("未开始")
    DRAFTING = "drafting", gettext_lazy("编写中")
    SUBMITTED = "submitted", gettext_lazy("已报送")
    RETURNED = "returned", gettext_lazy("已退回")
    PUBLISHED = "published", gettext_lazy("已发布")


def _deadline(year: int, setting: str) -> datetime.date:
    month, day = (int(part) for part in get_setting(setting).split("-"))
    return datetime.date(year + 1, month, day)


def unit_deadline(year: int) -> datetime.date:
    """A unit's report for ``year``: submitted and published by 31 January (Art. 49)."""
    return _deadline(year, "DISCLOSURE_UNIT_REPORT_DEADLINE")


def district_deadline(year: int) -> datetime.date:
    """The district government's report for ``year``: published by 31 March (Art. 49)."""
    return _deadline(year, "DISCLOSURE_DISTRICT_REPORT_DEADLINE")


def status_of(report, submission) -> CycleStatus:
    if report is None:
        return CycleStatus.NOT_STARTED
    if submission is None:
        return CycleStatus.DRAFTING
    if submission.is_returned:
        return CycleStatus.RETURNED
    return CycleStatus.PUBLISHED if report.live else CycleStatus.SUBMITTED


@dataclass(frozen=True)
class UnitProgress:
    unit: object
    report: object | None
    submission: object | None
    status: CycleStatus
    deadline: datetime.date
    days_left: int  # negative once the deadline has passed

    @property
    def late(self) -> bool:
        return self.days_left < 0 and self.status != CycleStatus.PUBLISHED

    @property
    def published_unsubmitted(self) -> bool:
        """Published on the portal without being submitted to the district."""
        return self.report is not None and self.report.live and self.submission is None


def progress(year: int, units, today: datetime.date | None = None) -> list[UnitProgress]:
    """Where each of ``units`` stands for ``year`` (two queries)."""
    from ..models import AnnualReportPage

    today = today or timezone.localdate()
    deadline = unit_deadline(year)
    reports = {
        report.unit_id: report
        for report in AnnualReportPage.objects.filter(year=year, unit__in=units)
        .select_related("submission")
        .order_by("pk")
    }
    rows = []
    for unit in units:
        report = reports.get(unit.pk)
        submission = getattr(report, "submission", None) if report else None
        rows.append(
            UnitProgress(
                unit=unit,
                report=report,
                submission=submission,
                status=status_of(report, submission),
                deadline=deadline,
                days_left=(deadline - today).days,
            )
        )
    return rows


def _narrative(report) -> dict[str, list[str]]:
    return report.plain_texts()


def can_submit(user, report) -> bool:
    from ..models import UnitRole
    from ..unit_access import acts_for_unit

    if report.unit_id is None:
        return False
    return acts_for_unit(user, report.unit_id, UnitRole.REVIEWER) or acts_for_unit(
        user, report.unit_id, UnitRole.LEADER
    )


@transaction.atomic
def submit(report, user):
    """报送 the report's latest revision; refuses a district report, one still in its review
    chain and one failing a hard consistency rule."""
    from ..models import ReportSubmission
    from ..statistics import report_data

    if report.unit_id is None:
        raise ValidationError(_("区政府年报不需要报送。"))
    if report.workflow_in_progress:
        raise ValidationError(_("年报仍在审核流程中，审核通过后才能报送。"))
    draft = report.get_latest_revision_as_object()
    if draft.is_frozen:
        figures = draft.frozen_figures
    else:
        live = draft.live_report()
        if live.hard_failures:
            from ..models.annual_report import hard_failure_message

            raise ValidationError(hard_failure_message(live.hard_failures))
        figures = report_data(live)
    submission, _created = ReportSubmission.objects.update_or_create(
        report=report,
        defaults={
            "revision": report.get_latest_revision(),
            "figures": figures,
            "narrative": _narrative(draft),
            "submitted_at": timezone.now(),
            "submitted_by": user,
            "returned_at": None,
            "returned_by": None,
            "return_reason": "",
        },
    )
    log(instance=report, action=SUBMIT_ACTION, user=user)
    return submission


@transaction.atomic
def return_submission(submission, user, reason: str) -> None:
    """退回: the district office sends a submitted report back with its reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("请填写退回理由。"))
    if submission.is_returned:
        raise ValidationError(_("该年报已退回，等待单位重新报送。"))
    submission.returned_at = timezone.now()
    submission.returned_by = user
    submission.return_reason = reason
    submission.save(update_fields=["returned_at", "returned_by", "return_reason"])
    log(instance=submission.report, action=RETURN_ACTION, user=user, data={"reason": reason})


# --- the units add up to the district --------------------------------------------------


def additive_cells(data: dict) -> dict[str, Decimal]:
    """Every cell of Tables A, B and C that sums over units, by a readable name."""
    cells: dict[str, Decimal] = {}
    a, b, c = data["table_a"], data["table_b"], data["table_c"]
    for row in a["article_20_1"]:
        for field, label in (
            ("issued", "本年制发"),
            ("repealed", "本年废止"),
            ("in_force", "现行有效"),
        ):
            cells[f"二 · {row['label']} · {label}"] = Decimal(row[field])
    for row in a["article_20_5"] + a["article_20_6"]:
        cells[f"二 · {row['label']}"] = Decimal(row["decisions"])
    cells["二 · 行政事业性收费（万元）"] = Decimal(a["article_20_8"][0]["amount_wan_yuan"])
    columns = [col["label"] for col in b["columns"]]
    for row in b["rows"]:
        for column, value in zip(columns, row["cells"], strict=True):
            cells[f"三 · {row['label']} · {column}"] = Decimal(value)
    cells["三 · 信息处理费（元）"] = Decimal(b["fee_income_yuan"])
    for block in c["blocks"]:
        for column, value in zip(c["columns"], block["cells"], strict=True):
            cells[f"四 · {block['label']} · {column}"] = Decimal(value)
    return cells


@dataclass(frozen=True)
class CellDifference:
    cell: str
    district: Decimal
    units_sum: Decimal
    # units whose reported figure for this cell differs from their live one
    units_differing: list[str]


def reported_figures(year: int, unit) -> tuple[dict, bool]:
    """The figures a unit reports for ``year`` and whether they are live: what it submitted,
    else its report's (frozen once published), else the live statistics."""
    from ..models import AnnualReportPage
    from ..statistics import report, report_data

    page = (
        AnnualReportPage.objects.filter(year=year, unit=unit).select_related("submission").first()
    )
    submission = getattr(page, "submission", None) if page else None
    if submission is not None and not submission.is_returned:
        return submission.figures, False
    if page is not None and page.is_frozen:
        return page.frozen_figures, False
    return report_data(report(year, unit)), True


def unit_sum_differences(year: int, units) -> list[CellDifference]:
    """The additive cells where the sum of ``units``' reported figures differs from the
    district's report (or live statistics), with the units to look at for each."""
    from ..models import AnnualReportPage
    from ..statistics import report, report_data

    district_page = AnnualReportPage.objects.filter(year=year, unit__isnull=True).first()
    district = additive_cells(
        district_page.figures() if district_page else report_data(report(year))
    )
    sums = dict.fromkeys(district, Decimal(0))
    stale: dict[str, set[str]] = {}
    for unit in units:
        data, is_live = reported_figures(year, unit)
        cells = additive_cells(data)
        for key, value in cells.items():
            sums[key] = sums.get(key, Decimal(0)) + value
        if not is_live:
            live = additive_cells(report_data(report(year, unit)))
            for key, value in cells.items():
                if live.get(key) != value:
                    stale.setdefault(key, set()).add(unit.name)
    return [
        CellDifference(key, district[key], sums[key], sorted(stale.get(key, ())))
        for key in district
        if sums[key] != district[key]
    ]
