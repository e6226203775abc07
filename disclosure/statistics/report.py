"""The whole report in one call, and its plain-data (JSON / CSV) form.

``report()`` is what pages, exports and the management command use; it computes each
figure once. ``report_data()`` turns it into JSON-compatible dicts and lists (documented
in ``docs/report-json.md``), ``report_rows()`` into flat CSV rows.
"""

from dataclasses import dataclass
from decimal import Decimal

from .checks import CheckResult, Figures, checks, hard_failures
from .documents import ColumnDefaults
from .overview import Overview, Share, overview
from .periods import Period
from .tables import (
    TABLE_C_COLUMNS,
    RegulationRow,
    TableA,
    TableB,
    TableBRow,
    TableC,
    TableCBlock,
    table_a,
    table_b,
    table_c,
    tables_a,
)


@dataclass(frozen=True)
class Report:
    period: Period
    unit: object | None  # a DisclosureUnit, or None for the whole district
    overview: Overview
    figures: Figures
    checks: list[CheckResult]

    @property
    def table_a(self):
        return self.figures.table_a

    @property
    def table_b(self):
        return self.figures.table_b

    @property
    def table_c(self):
        return self.figures.table_c

    @property
    def hard_failures(self) -> list[CheckResult]:
        return hard_failures(self.checks)


def figures(year: int, unit=None, *, quarter=None, defaults=None) -> Figures:
    """Tables A, B and C of one period."""
    return Figures(
        table_a=table_a(year, unit, quarter=quarter, defaults=defaults),
        table_b=table_b(year, unit, quarter=quarter),
        table_c=table_c(year, unit, quarter=quarter),
    )


def report(
    year: int,
    unit=None,
    *,
    quarter: int | None = None,
    section_six_text: str | None = None,
    previous: Figures | None = None,
) -> Report:
    """Overview, the three tables and every consistency check.

    The soft rules compare with ``previous`` (e.g. the previous year's published report,
    see ``figures_from_data``), else with the previous year's live figures.
    """
    period = Period(year, quarter)
    defaults = ColumnDefaults.load()
    if previous is None:
        this_a, last_a = tables_a([period, period.previous()], unit, defaults=defaults)
        previous = Figures(
            table_a=last_a,
            table_b=table_b(year - 1, unit, quarter=quarter),
            table_c=table_c(year - 1, unit, quarter=quarter),
        )
    else:
        this_a = tables_a([period], unit, defaults=defaults)[0]
    current = Figures(
        table_a=this_a,
        table_b=table_b(year, unit, quarter=quarter),
        table_c=table_c(year, unit, quarter=quarter),
    )
    return Report(
        period=period,
        unit=unit,
        overview=overview(year, unit, quarter=quarter, defaults=defaults),
        figures=current,
        checks=checks(current, previous, section_six_text=section_six_text),
    )


def figures_from_data(data: dict) -> Figures:
    """The tables of stored report data (``report_data``), e.g. a published report's."""
    a, b, c = data["table_a"], data["table_b"], data["table_c"]
    table_a_ = TableA(
        regulations=[
            RegulationRow(r["key"], r["label"], r["issued"], r["repealed"], r["in_force"])
            for r in a["article_20_1"]
        ],
        licensing=a["article_20_5"][0]["decisions"],
        penalties=a["article_20_6"][0]["decisions"],
        coercion=a["article_20_6"][1]["decisions"],
        fee_amount=Decimal(a["article_20_8"][0]["amount_wan_yuan"]),
    )
    table_b_ = TableB(
        columns=[(col["key"], col["label"]) for col in b["columns"]],
        rows=[
            TableBRow(r["key"], r["label"], r["group"], tuple(r["cells"]), r["is_result"])
            for r in b["rows"]
        ],
        closed_requests=b["closed_requests"],
        fee_income=Decimal(b["fee_income_yuan"]),
    )
    table_c_ = TableC(
        blocks=[
            TableCBlock(k["key"], k["label"], *k["cells"], k["carried_in"]) for k in c["blocks"]
        ]
    )
    return Figures(table_a=table_a_, table_b=table_b_, table_c=table_c_)


def _shares(shares: list[Share], key_name: str) -> list[dict]:
    return [
        {
            key_name: share.label,
            "key": share.key,
            "count": share.count,
            "percent": float(share.percent),
        }
        for share in shares
    ]


def report_data(rep: Report) -> dict:
    """The report as JSON-compatible data (see docs/report-json.md)."""
    o, a, b, c = rep.overview, rep.table_a, rep.table_b, rep.table_c
    unit = rep.unit
    return {
        "year": rep.period.year,
        "quarter": rep.period.quarter,
        "unit": None if unit is None else {"code": unit.code, "name": unit.name},
        "overview": {
            "published_in_year": o.published_in_year,
            "cumulative": o.cumulative,
            "fulltext_count": o.fulltext_count,
            "fulltext_rate": float(o.fulltext_rate),
            "by_category": _shares(o.by_category, "category"),
            "by_unit": _shares(o.by_unit, "unit"),
            "by_column": _shares(o.by_column, "column"),
            "by_month": _shares(o.by_month, "month"),
        },
        "table_a": {
            "article_20_1": [
                {
                    "key": row.key,
                    "label": row.label,
                    "issued": row.issued,
                    "repealed": row.repealed,
                    "in_force": row.in_force,
                }
                for row in a.regulations
            ],
            "article_20_5": [{"label": "行政许可", "decisions": a.licensing}],
            "article_20_6": [
                {"label": "行政处罚", "decisions": a.penalties},
                {"label": "行政强制", "decisions": a.coercion},
            ],
            "article_20_8": [{"label": "行政事业性收费", "amount_wan_yuan": str(a.fee_amount)}],
        },
        "table_b": {
            "columns": [{"key": key, "label": label} for key, label in b.columns],
            "rows": [
                {
                    "key": row.key,
                    "label": row.label,
                    "group": row.group,
                    "is_result": row.is_result,
                    "cells": list(row.cells),
                }
                for row in b.rows
            ],
            "closed_requests": b.closed_requests,
            "fee_income_yuan": str(b.fee_income),
        },
        "table_c": {
            "columns": TABLE_C_COLUMNS,
            "blocks": [
                {
                    "key": block.key,
                    "label": block.label,
                    "cells": list(block.cells),
                    "carried_in": block.carried_in,
                }
                for block in c.blocks
            ],
        },
        "checks": [
            {
                "code": r.code,
                "severity": r.severity,
                "rule": r.rule,
                "passed": r.passed,
                "applicable": r.applicable,
                "problems": r.problems,
            }
            for r in rep.checks
        ],
    }


def report_rows(rep: Report) -> list[tuple[str, str, str, str]]:
    """The report as flat ``(section, row, column, value)`` rows, for CSV."""
    o, a, b, c = rep.overview, rep.table_a, rep.table_b, rep.table_c
    rows = [
        ("总体情况", "本年主动公开", "件数", str(o.published_in_year)),
        ("总体情况", "累计主动公开", "件数", str(o.cumulative)),
        ("总体情况", "全文电子化率", "%", str(o.fulltext_rate)),
    ]
    for title, shares in (
        ("统计类别", o.by_category),
        ("发布机构", o.by_unit),
        ("栏目", o.by_column),
        ("月份", o.by_month),
    ):
        for share in shares:
            rows.append((title, share.label, "件数", str(share.count)))
            rows.append((title, share.label, "%", str(share.percent)))
    for row in a.regulations:
        rows.append(("二、主动公开政府信息情况", row.label, "本年制发件数", str(row.issued)))
        rows.append(("二、主动公开政府信息情况", row.label, "本年废止件数", str(row.repealed)))
        rows.append(("二、主动公开政府信息情况", row.label, "现行有效件数", str(row.in_force)))
    for label, value in (
        ("行政许可", a.licensing),
        ("行政处罚", a.penalties),
        ("行政强制", a.coercion),
    ):
        rows.append(("二、主动公开政府信息情况", label, "本年处理决定数量", str(value)))
    rows.append(
        (
            "二、主动公开政府信息情况",
            "行政事业性收费",
            "本年收费金额（单位：万元）",
            str(a.fee_amount),
        )
    )
    section = "三、收到和处理政府信息公开申请情况"
    for row in b.rows:
        for (_key, column), value in zip(b.columns, row.cells, strict=True):
            rows.append((section, row.label, column, str(value)))
    section = "四、政府信息公开行政复议、行政诉讼情况"
    for block in c.blocks:
        for column, value in zip(TABLE_C_COLUMNS, block.cells, strict=True):
            rows.append((section, block.label, column, str(value)))
    for r in rep.checks:
        status = "通过" if r.passed else ("未通过" if r.severity == "hard" else "提示")
        rows.append(("核对", f"{r.code}. {r.rule}", r.severity, status))
    return rows
