"""Downloads of an annual report built from its data (frozen or live): JSON, XLSX, DOCX, PDF.

Every exporter takes the report data (``statistics.report_data``), a title and the plain
texts of the narrative sections, and returns bytes; none computes a figure.
"""

import io
import json

from ..text import xml_safe
from .layout import (
    SECTION_TITLES,
    fee_paragraph,
    overview_paragraph,
    table_a_sections,
    table_b_rows,
)

CONTENT_TYPES = {
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def export_json(
    data: dict, title: str, texts: dict | None = None, meta: dict | None = None
) -> bytes:
    return json.dumps({"title": title, **data}, ensure_ascii=False, indent=2).encode("utf-8")


def _append(sheet, values: list) -> None:
    """One row of text and numbers: XML-safe, and text that starts with "=" stays text
    (openpyxl would store it as a formula)."""
    sheet.append([xml_safe(value) for value in values])
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"


def export_xlsx(
    data: dict, title: str, texts: dict | None = None, meta: dict | None = None
) -> bytes:
    """One sheet per part: 总体情况 and the three tables, labels exactly as the format."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    bold = Font(bold=True)
    sheet = workbook.active
    sheet.title = "总体情况"
    _append(sheet, [title])
    sheet["A1"].font = bold
    _append(sheet, [SECTION_TITLES[0]])
    _append(sheet, [overview_paragraph(data)])
    _append(sheet, [])
    _append(sheet, ["统计类别", "件数", "占比（%）"])
    for share in data["overview"]["by_category"]:
        _append(sheet, [share["category"], share["count"], share["percent"]])
    _append(sheet, [])
    _append(sheet, [SECTION_TITLES[5], fee_paragraph(data)])

    sheet = workbook.create_sheet("表一 主动公开")
    _append(sheet, [SECTION_TITLES[1]])
    for section in table_a_sections(data):
        _append(sheet, [section["caption"]])
        _append(sheet, section["headers"])
        for row in section["rows"]:
            _append(sheet, [_number(cell) for cell in row])

    sheet = workbook.create_sheet("表二 依申请公开")
    _append(sheet, [SECTION_TITLES[2]])
    columns = [c["label"] for c in data["table_b"]["columns"]]
    _append(sheet, ["", "", "", "申请人情况"])
    _append(sheet, ["", "", "", columns[0], "法人或其他组织", "", "", "", "", columns[6]])
    _append(sheet, ["", "", "", "", *columns[1:6], ""])
    for row in table_b_rows(data):
        label_cells = [row.get("section") or "", row.get("group") or "", row["label"]]
        if row["colspan"] == 3:
            label_cells = [row["label"], "", ""]
        elif row["colspan"] == 2:
            label_cells = [row.get("section") or "", row["label"], ""]
        _append(sheet, [*label_cells, *row["cells"]])
    sheet.column_dimensions["C"].width = 60

    sheet = workbook.create_sheet("表三 复议诉讼")
    _append(sheet, [SECTION_TITLES[3]])
    blocks = data["table_c"]["blocks"]
    _append(sheet, [blocks[0]["label"], "", "", "", "", "行政诉讼"])
    _append(sheet, ["", "", "", "", "", blocks[1]["label"], "", "", "", "", blocks[2]["label"]])
    _append(sheet, data["table_c"]["columns"] * 3)
    _append(sheet, [cell for block in blocks for cell in block["cells"]])
    for worksheet in workbook.worksheets:
        for row in worksheet.iter_rows():
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="center")
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def _number(value):
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return value
    return value


def _documents():
    from . import documents

    return documents


EXPORTERS = {
    "json": export_json,
    "xlsx": export_xlsx,
    "docx": lambda data, title, texts=None, meta=None: _documents().export_docx(
        data, title, texts, meta
    ),
    "pdf": lambda data, title, texts=None, meta=None: _documents().export_pdf(
        data, title, texts, meta
    ),
}


def available_formats() -> list[str]:
    """The download formats this server can produce (PDF needs a CJK font installed)."""
    from django.core.exceptions import ImproperlyConfigured

    formats = list(EXPORTERS)
    try:
        _documents().cjk_font_path()
    except ImproperlyConfigured:
        formats.remove("pdf")
    return formats
