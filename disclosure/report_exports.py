"""Downloads of an annual report built from its data (frozen or live): JSON, XLSX, DOCX, PDF.

Every exporter takes the report data (``statistics.report_data``), a title and the plain
texts of the narrative sections, and returns bytes; none computes a figure.
"""

import io
import json

from .report_layout import (
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


def export_json(data: dict, title: str, texts: dict | None = None) -> bytes:
    return json.dumps({"title": title, **data}, ensure_ascii=False, indent=2).encode("utf-8")


def export_xlsx(data: dict, title: str, texts: dict | None = None) -> bytes:
    """One sheet per part: 总体情况 and the three tables, labels exactly as the format."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    bold = Font(bold=True)
    sheet = workbook.active
    sheet.title = "总体情况"
    sheet.append([title])
    sheet["A1"].font = bold
    sheet.append([SECTION_TITLES[0]])
    sheet.append([overview_paragraph(data)])
    sheet.append([])
    sheet.append(["统计类别", "件数", "占比（%）"])
    for share in data["overview"]["by_category"]:
        sheet.append([share["category"], share["count"], share["percent"]])
    sheet.append([])
    sheet.append([SECTION_TITLES[5], fee_paragraph(data)])

    sheet = workbook.create_sheet("表一 主动公开")
    sheet.append([SECTION_TITLES[1]])
    for section in table_a_sections(data):
        sheet.append([section["caption"]])
        sheet.append(section["headers"])
        for row in section["rows"]:
            sheet.append([_number(cell) for cell in row])

    sheet = workbook.create_sheet("表二 依申请公开")
    sheet.append([SECTION_TITLES[2]])
    columns = [c["label"] for c in data["table_b"]["columns"]]
    sheet.append(["", "", "", "申请人情况"])
    sheet.append(["", "", "", columns[0], "法人或其他组织", "", "", "", "", columns[6]])
    sheet.append(["", "", "", "", *columns[1:6], ""])
    for row in table_b_rows(data):
        label_cells = [row.get("section") or "", row.get("group") or "", row["label"]]
        if row["colspan"] == 3:
            label_cells = [row["label"], "", ""]
        elif row["colspan"] == 2:
            label_cells = [row.get("section") or "", row["label"], ""]
        sheet.append([*label_cells, *row["cells"]])
    sheet.column_dimensions["C"].width = 60

    sheet = workbook.create_sheet("表三 复议诉讼")
    sheet.append([SECTION_TITLES[3]])
    blocks = data["table_c"]["blocks"]
    sheet.append([blocks[0]["label"], "", "", "", "", "行政诉讼"])
    sheet.append(["", "", "", "", "", blocks[1]["label"], "", "", "", "", blocks[2]["label"]])
    sheet.append(data["table_c"]["columns"] * 3)
    sheet.append([cell for block in blocks for cell in block["cells"]])
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
    from . import report_documents

    return report_documents


EXPORTERS = {
    "json": export_json,
    "xlsx": export_xlsx,
    "docx": lambda data, title, texts=None: _documents().export_docx(data, title, texts),
    "pdf": lambda data, title, texts=None: _documents().export_pdf(data, title, texts),
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
