"""DOCX (python-docx) and PDF (ReportLab) downloads of an annual report.

Both lay out the same report data as the page, as official documents (GB/T 9704:
``pdf_document``, ``docx_document``; fonts in ``fonts``). The PDF embeds CJK TrueType
fonts found on the system: the official ones where installed, else ``DISCLOSURE_PDF_FONT``
(a path to a .ttf/.ttc) or, by default, WenQuanYi Zen Hei from Debian's
``fonts-wqy-zenhei``. (ReportLab cannot embed the CFF outlines of ``fonts-noto-cjk``.)
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

from ..conf import get_setting
from .layout import (
    DISTRICT_NAME,
    SECTION_TITLES,
    fee_paragraph,
    overview_paragraph,
    preamble_paragraphs,
    table_a_sections,
    table_b_rows,
)

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
]


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


def document_parts(data: dict, texts: dict | None) -> list[tuple[str, list[str], tuple | None]]:
    """(section title, paragraphs, (rows, spans) or None) for the six sections in order."""
    narrative = dict(_paragraphs(data, texts or {}))
    grids = {t: (rows, spans) for t, rows, spans in _grids(data)}
    return [(s, narrative.get(s, []), grids.get(s)) for s in SECTION_TITLES]


def default_meta(data: dict, meta: dict | None) -> dict:
    """The preamble and author when the caller gave none (the command line)."""
    meta = dict(meta or {})
    meta.setdefault("author", DISTRICT_NAME)
    if "preamble" not in meta:
        meta["preamble"] = preamble_paragraphs(data, unit_name=meta["author"])
    return meta


def export_docx(
    data: dict, title: str, texts: dict | None = None, meta: dict | None = None
) -> bytes:
    from . import docx_document, pdf_document

    text_width = (210 - 28 - 26) * pdf_document.MM

    def widths(number, rows):
        # No font file needed: a digit is about 0.55 em in the fonts a reader has.
        return pdf_document.column_widths(
            number, rows, text_width, lambda text, size: len(text) * 0.55 * size
        )

    return docx_document.export_docx(
        document_parts(data, texts), title, default_meta(data, meta), widths
    )


def cjk_font_path() -> str:
    configured = get_setting("DISCLOSURE_PDF_FONT")
    for candidate in [configured] if configured else FONT_CANDIDATES:
        if candidate and Path(candidate).is_file():
            return candidate
    raise ImproperlyConfigured(
        _("没有找到可用于 PDF 的中文字体：请安装 fonts-wqy-zenhei 或设置 DISCLOSURE_PDF_FONT。")
    )


def export_pdf(
    data: dict, title: str, texts: dict | None = None, meta: dict | None = None
) -> bytes:
    from . import pdf_document

    return pdf_document.export_pdf(document_parts(data, texts), title, default_meta(data, meta))
