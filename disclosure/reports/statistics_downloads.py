"""Downloads of the 公开统计 page: CSV, XLSX and JSON of exactly the figures it shows.

Every format is written from the same ``Overview`` the page renders (the same
``statistics.overview`` call, through the same cached value), laid out once in
``statistics_rows``: the files cannot disagree with the page or with each other.
"""

import csv
import io
import json
from decimal import Decimal

from django.utils.translation import gettext as _

from ..statistics.overview import Overview
from ..text import spreadsheet_text

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
}
FORMATS = list(CONTENT_TYPES)


def headers() -> list[str]:
    return [_("部分"), _("项目"), _("件数"), _("占比（%）")]


def scope_label(result: Overview, unit) -> str:
    """What the page's heading says: the period and 全区 or the unit."""
    return f"{result.period.label} · {unit.name if unit else _('全区')}"


def sections(result: Overview) -> list[tuple[str, str, list]]:
    """(key, section label, shares) in the page's order."""
    return [
        ("by_category", _("按统计类别"), result.by_category),
        ("by_month", _("按月份"), result.by_month),
        ("by_unit", _("按发布机构"), result.by_unit),
        ("by_column", _("按栏目"), result.by_column),
    ]


def statistics_rows(result: Overview) -> list[list]:
    """The table every format holds: the summary, then each distribution, as on the page."""
    summary = _("总体情况")
    rows: list[list] = [
        [summary, _("本期主动公开政府信息（条）"), result.published_in_year, ""],
        [summary, _("截至期末累计主动公开（条）"), result.cumulative, ""],
        [summary, _("全文电子化（条）"), result.fulltext_count, result.fulltext_rate],
    ]
    for _key, label, shares in sections(result):
        rows += [[label, share.label, share.count, share.percent] for share in shares]
    return rows


def filename(result: Overview, unit, fmt: str) -> str:
    parts = ["statistics", str(result.period.year)]
    if result.period.quarter:
        parts.append(f"q{result.period.quarter}")
    if unit is not None:
        parts.append(unit.code)
    return "-".join(parts) + f".{fmt}"


def export_csv(result: Overview, unit) -> bytes:
    """UTF-8 with a BOM, so that Excel opens the Chinese correctly; never a formula."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow([_("统计范围"), spreadsheet_text(scope_label(result, unit)), "", ""])
    writer.writerow(headers())
    for row in statistics_rows(result):
        writer.writerow([spreadsheet_text(value) for value in row])
    return stream.getvalue().encode("utf-8-sig")


def export_xlsx(result: Overview, unit) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("公开统计")
    sheet.append([spreadsheet_text(scope_label(result, unit))])
    sheet["A1"].font = Font(bold=True)
    sheet.append(headers())
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in statistics_rows(result):
        sheet.append([_cell(value) for value in row])
        if isinstance(row[3], Decimal):
            sheet.cell(sheet.max_row, 4).number_format = "0.0"
    for column, width in zip("ABCD", (14, 40, 10, 12), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A3"
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def _cell(value):
    if isinstance(value, Decimal):
        return float(value)
    return spreadsheet_text(value)


def export_json(result: Overview, unit) -> bytes:
    """Chinese keys, like the other two files' headers; percentages as strings ("4.7")."""
    count, share = _("件数"), _("占比（%）")
    data = {
        _("统计范围"): scope_label(result, unit),
        _("年度"): result.period.year,
        _("季度"): result.period.quarter,
        _("单位"): unit.name if unit else None,
        _("本期主动公开政府信息（条）"): result.published_in_year,
        _("截至期末累计主动公开（条）"): result.cumulative,
        _("全文电子化（条）"): result.fulltext_count,
        _("全文电子化率（%）"): str(result.fulltext_rate),
    }
    for _key, label, shares in sections(result):
        data[label] = [{_("项目"): s.label, count: s.count, share: str(s.percent)} for s in shares]
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


EXPORTERS = {"csv": export_csv, "xlsx": export_xlsx, "json": export_json}


def export(fmt: str, result: Overview, unit) -> bytes:
    return EXPORTERS[fmt](result, unit)
