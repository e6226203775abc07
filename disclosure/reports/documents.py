"""DOCX (python-docx) and PDF (ReportLab) downloads of an annual report.

Both lay out the same report data as the page. The PDF embeds a CJK TrueType font found
on the system: ``DISCLOSURE_PDF_FONT`` (a path to a .ttf/.ttc) or, by default, WenQuanYi
Zen Hei from Debian's ``fonts-wqy-zenhei``. (ReportLab cannot embed the CFF outlines of
``fonts-noto-cjk``.)
"""

import io
from pathlib import Path
from xml.sax.saxutils import escape

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

from ..conf import get_setting
from .layout import (
    SECTION_TITLES,
    fee_paragraph,
    overview_paragraph,
    table_a_sections,
    table_b_rows,
)

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
]
FONT_NAME = "DisclosureCJK"


def _grids(data: dict) -> list[tuple[str, list[list], list[tuple]]]:
    """(title, rows, spans) per table; a span is ((col, row), (col, row)) inclusive."""
    grids = []
    rows, spans = [], []
    for section in table_a_sections(data):
        start = len(rows)
        rows.append([section["caption"], "", "", ""])
        spans.append(((0, start), (3, start)))
        headers = section["headers"] + [""] * (4 - len(section["headers"]))
        rows.append(headers)
        if len(section["headers"]) == 2:
            spans.append(((1, start + 1), (3, start + 1)))
        for row in section["rows"]:
            rows.append([str(c) for c in row] + [""] * (4 - len(row)))
            if len(row) == 2:
                spans.append(((1, len(rows) - 1), (3, len(rows) - 1)))
    grids.append((SECTION_TITLES[1], rows, spans))

    columns = [c["label"] for c in data["table_b"]["columns"]]
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    rows = [
        [note, "", "", "申请人情况", "", "", "", "", "", ""],
        ["", "", "", columns[0], "法人或其他组织", "", "", "", "", columns[6]],
        ["", "", "", "", *columns[1:6], ""],
    ]
    spans = [((0, 0), (2, 2)), ((3, 0), (9, 0)), ((3, 1), (3, 2)), ((4, 1), (8, 1))]
    spans.append(((9, 1), (9, 2)))
    for row in table_b_rows(data):
        r = len(rows)
        cells = [str(c) for c in row["cells"]]
        if row["colspan"] == 3:
            rows.append([row["label"], "", "", *cells])
            spans.append(((0, r), (2, r)))
        else:
            section = row.get("section") or ""
            if row.get("section"):
                spans.append(((0, r), (0, r + row["section_span"] - 1)))
            if row["colspan"] == 2:
                rows.append([section, row["label"], "", *cells])
                spans.append(((1, r), (2, r)))
            else:
                rows.append([section, row.get("group") or "", row["label"], *cells])
                if row.get("group"):
                    spans.append(((1, r), (1, r + row["group_span"] - 1)))
    grids.append((SECTION_TITLES[2], rows, spans))

    blocks = data["table_c"]["blocks"]
    rows = [
        [blocks[0]["label"], "", "", "", "", "行政诉讼", *[""] * 9],
        ["", "", "", "", "", blocks[1]["label"], "", "", "", "", blocks[2]["label"], *[""] * 4],
        data["table_c"]["columns"] * 3,
        [str(c) for block in blocks for c in block["cells"]],
    ]
    spans = [((0, 0), (4, 1)), ((5, 0), (14, 0)), ((5, 1), (9, 1)), ((10, 1), (14, 1))]
    grids.append((SECTION_TITLES[3], rows, spans))
    return grids


def _paragraphs(data: dict, texts: dict) -> list[tuple[str, list[str]]]:
    """(section title, paragraphs) for the narrative sections 一, 五 and 六."""
    return [
        (SECTION_TITLES[0], [overview_paragraph(data), *texts.get("overview", [])]),
        (SECTION_TITLES[4], texts.get("problems", [])),
        (SECTION_TITLES[5], [fee_paragraph(data), *texts.get("other", [])]),
    ]


def export_docx(data: dict, title: str, texts: dict | None = None) -> bytes:
    from docx import Document

    texts = texts or {}
    document = Document()
    document.add_heading(title, level=0)
    narrative = dict(_paragraphs(data, texts))
    grids = dict((t, (rows, spans)) for t, rows, spans in _grids(data))
    for section in SECTION_TITLES:
        document.add_heading(section, level=1)
        for paragraph in narrative.get(section, []):
            document.add_paragraph(paragraph)
        if section in grids:
            rows, spans = grids[section]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = str(value)
            for (c1, r1), (c2, r2) in spans:
                keep = table.cell(r1, c1).text
                merged = table.cell(r1, c1).merge(table.cell(r2, c2))
                merged.text = keep
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def cjk_font_path() -> str:
    configured = get_setting("DISCLOSURE_PDF_FONT")
    for candidate in [configured] if configured else FONT_CANDIDATES:
        if candidate and Path(candidate).is_file():
            return candidate
    raise ImproperlyConfigured(
        _("没有找到可用于 PDF 的中文字体：请安装 fonts-wqy-zenhei 或设置 DISCLOSURE_PDF_FONT。")
    )


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        path = cjk_font_path()
        options = {"subfontIndex": 0} if path.endswith(".ttc") else {}
        pdfmetrics.registerFont(TTFont(FONT_NAME, path, **options))


def export_pdf(data: dict, title: str, texts: dict | None = None) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _register_font()
    texts = texts or {}
    body = ParagraphStyle("body", fontName=FONT_NAME, fontSize=10, leading=15, wordWrap="CJK")
    cell = ParagraphStyle("cell", parent=body, fontSize=7, leading=9)
    heading = ParagraphStyle("heading", parent=body, fontSize=13, leading=20, spaceBefore=8)
    story = [
        Paragraph(escape(title), ParagraphStyle("title", parent=heading, fontSize=16, leading=24))
    ]
    narrative = dict(_paragraphs(data, texts))
    grids = {t: (rows, spans) for t, rows, spans in _grids(data)}
    for section in SECTION_TITLES:
        story.append(Paragraph(escape(section), heading))
        for paragraph in narrative.get(section, []):
            story.append(Paragraph(escape(paragraph), body))
        if section in grids:
            rows, spans = grids[section]
            table = Table(
                [[Paragraph(escape(str(v)), cell) for v in row] for row in rows], repeatRows=0
            )
            style = [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
            ]
            style += [("SPAN", start, end) for start, end in spans]
            table.setStyle(TableStyle(style))
            story.append(table)
        story.append(Spacer(1, 6))
    stream = io.BytesIO()
    SimpleDocTemplate(stream, pagesize=landscape(A4), title=title).build(story)
    return stream.getvalue()
