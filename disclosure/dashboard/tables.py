"""The monitoring tables as cells: the admin page shows them and the exports write the same
text, so a download holds exactly what the webmaster saw."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import monitoring


@dataclass(frozen=True)
class Cell:
    text: str
    url: str = ""
    alert: bool = False  # shown in red


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    headers: list[str]
    rows: list[list[Cell]]
    note: str = ""
    empty: str = ""
    export_rows: list[list[str]] = field(init=False)

    def __post_init__(self):
        object.__setattr__(
            self, "export_rows", [self.headers, *([c.text for c in row] for row in self.rows)]
        )


def _date(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d") if moment else ""


def _edit_url(page_id: int) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page_id])


def state_label(state: str, threshold_days: int) -> str:
    labels = {
        monitoring.EMPTY: _("空栏目"),
        monitoring.STALE: _("超过 %(days)d 天未更新") % {"days": threshold_days},
        monitoring.NEVER: _("从未发布"),
        monitoring.OK: _("正常"),
    }
    return labels[state]


def _freshness_cells(figures: monitoring.Freshness) -> list[Cell]:
    """公开信息数, 最近发布日期, 距今天数."""
    return [
        Cell(str(figures.documents)),
        Cell(_date(figures.last_published)),
        Cell("" if figures.days_since is None else str(figures.days_since)),
    ]


def _state_cell(figures: monitoring.Freshness, threshold_days: int) -> Cell:
    return Cell(state_label(figures.state, threshold_days), alert=figures.state != monitoring.OK)


def column_table(report: monitoring.Report, problems_only: bool = False) -> Table:
    rows = []
    for row in report.columns:
        if problems_only and row.state == monitoring.OK:
            continue
        rows.append(
            [
                Cell("/".join(row.titles), _edit_url(row.page_id)),
                Cell(str(len(row.titles))),
                *_freshness_cells(row.freshness),
                _state_cell(row.freshness, report.threshold_days),
            ]
        )
    return Table(
        "columns",
        _("栏目"),
        [_("栏目"), _("层级"), _("公开信息数"), _("最近发布日期"), _("距今天数"), _("状态")],
        rows,
        note=_("含下级栏目的内容；只统计公众可见的信息。"),
        empty=_("没有符合条件的栏目。"),
    )


def unit_table(
    report: monitoring.Report, problems_only: bool = False, query: dict | None = None
) -> Table:
    rows = []
    for row in report.units:
        if problems_only and row.state == monitoring.OK and not row.to_review:
            continue
        link = "?" + urlencode({**(query or {}), "unit": row.unit_id})
        rows.append(
            [
                Cell(row.name, link),
                *_freshness_cells(row.freshness),
                Cell(str(row.to_review), alert=bool(row.to_review)),
                _state_cell(row.freshness, report.threshold_days),
            ]
        )
    return Table(
        "units",
        _("发布机构"),
        [
            _("发布机构"),
            _("公开信息数"),
            _("最近发布日期"),
            _("距今天数"),
            _("有效性待核查"),
            _("状态"),
        ],
        rows,
        empty=_("没有符合条件的发布机构。"),
    )


def review_table(report: monitoring.Report) -> Table:
    reasons = {
        "term": _("行政规范性文件成文已满 %(years)d 年，仍标为有效")
        % {"years": monitoring.NORMATIVE_TERM_YEARS},
        "trial": _("暂行、试行文件成文已满 %(years)d 年，仍标为有效")
        % {"years": monitoring.TRIAL_TERM_YEARS},
    }
    rows = [
        [
            Cell(item.title, _edit_url(item.page_id)),
            Cell(item.unit),
            Cell(item.column),
            Cell(item.doc_number),
            Cell(item.written_date.isoformat() if item.written_date else ""),
            Cell(_date(item.publish_date)),
            Cell(reasons[item.reason], alert=True),
        ]
        for item in report.review
    ]
    note = ""
    if report.review_total > len(report.review):
        note = _("共 %(total)d 条，此处列出成文最早的 %(shown)d 条。") % {
            "total": report.review_total,
            "shown": len(report.review),
        }
    return Table(
        "review",
        _("有效性待核查"),
        [_("标题"), _("发布机构"), _("栏目"), _("文号"), _("成文日期"), _("发布日期"), _("原因")],
        rows,
        note=note,
        empty=_("没有需要核查有效性的文件。"),
    )
