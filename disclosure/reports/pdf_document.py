"""The annual report as a PDF laid out like an official document (GB/T 9704-2012).

A4 portrait; margins 上37 下35 左28 右26 mm; title 二号 (22 pt) 方正小标宋简体, 一级 headings
黑体 三号, 二级 headings 楷体 三号, body 仿宋 三号 (16 pt) on a 22-line grid, paragraphs
indented two characters; page numbers "— 1 —" 四号, odd pages right, even pages left,
one character in from the text edge. The national tables keep their header rows on every
page and give number columns the room their widest number needs.
"""

import io
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

from .fonts import register_pdf_fonts
from .layout import SECTION_TITLES

MM = 72 / 25.4
MARGINS = {"top": 37 * MM, "bottom": 35 * MM, "left": 28 * MM, "right": 26 * MM}
SIZE_2 = 22  # 二号
SIZE_3 = 16  # 三号
SIZE_4 = 14  # 四号
LEADING = 29  # 22 lines on the 225 mm text height
TABLE_SIZE = {1: 10.5, 2: 9, 3: 9}  # 五号 and 小五 in the tables
HEADER_ROWS = {1: 0, 2: 3, 3: 3}  # the header rows of tables 一 to 三 (二、三、四)


def _styles(fonts: dict) -> dict:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle(
        "body",
        fontName=fonts["body"],
        fontSize=SIZE_3,
        leading=LEADING,
        firstLineIndent=2 * SIZE_3,
        alignment=TA_JUSTIFY,
        wordWrap="CJK",
    )
    return {
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=fonts["title"],
            fontSize=SIZE_2,
            leading=LEADING + 4,
            firstLineIndent=0,
            alignment=TA_CENTER,
            spaceAfter=LEADING,
        ),
        "heading1": ParagraphStyle(
            "heading1", parent=body, fontName=fonts["heading1"], keepWithNext=1
        ),
        "heading2": ParagraphStyle(
            "heading2", parent=body, fontName=fonts["heading2"], keepWithNext=1
        ),
        "body": body,
    }


def _cell_style(fonts: dict, size: float):
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(
        f"cell{size}",
        fontName=fonts["body"],
        fontSize=size,
        leading=size * 1.3,
        alignment=TA_CENTER,
        wordWrap="CJK",
    )


LABEL_COLUMNS = {1: 1, 2: 3, 3: 0}  # leading label columns of tables 一 to 三


MIN_LABEL_SHARE = 0.25  # of the width, for the label columns of a table with wide numbers


def column_widths(number: int, rows: list[list], width: float, measure):
    """(widths, font size): number columns as wide as their widest number (at least two
    and a half characters), the label columns share the rest (1 : 1.2 : 3.5 in the
    request table); a table with no label column is split evenly. Numbers too wide for
    that shrink the table's type (down to 5 pt), never break. ``measure(text, size)``."""
    label_columns = LABEL_COLUMNS[number]
    columns = len(rows[0])
    numbers = [
        str(row[c])
        for row in rows
        for c in range(label_columns, columns)
        if str(row[c]).replace(".", "").isdigit()
    ]
    size = TABLE_SIZE[number]
    while True:
        widest = max((measure(n, size) for n in numbers), default=0)
        number_width = max(widest + 8, 2.5 * size + 8)
        rest = width - number_width * (columns - label_columns)
        if size <= 5 or rest >= (MIN_LABEL_SHARE * width if label_columns else 0):
            break
        size -= 0.5
    if label_columns == 0:
        return [max(width / columns, number_width)] * columns, size
    shares = {1: [1], 3: [1, 1.2, 3.5]}[label_columns]
    labels = [rest * s / sum(shares) for s in shares]
    return labels + [number_width] * (columns - label_columns), size


def _table(number: int, rows, spans, fonts: dict, width: float, height: float):
    """The table with its merged cells; one too tall for a page instead leaves its row
    labels unmerged below the header (ReportLab cannot break a page inside merged rows):
    the label stands in the group's first row and the lines inside the group are hidden."""
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph, Table, TableStyle

    widths, size = column_widths(
        number, rows, width, lambda text, sz: stringWidth(text, fonts["body"], sz)
    )
    cell = _cell_style(fonts, size)
    data = [[Paragraph(escape(str(value)), cell) for value in row] for row in rows]
    base = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    table = Table(data, colWidths=widths, repeatRows=HEADER_ROWS[number])
    table.setStyle(TableStyle(base + [("SPAN", start, end) for start, end in spans]))
    if table.wrap(width, 10**6)[1] <= height:
        return table
    merged, unmerged = [], []
    for (c1, r1), (c2, r2) in spans:
        body_rows = r1 >= HEADER_ROWS[number] and r2 > r1
        (unmerged if body_rows else merged).append(((c1, r1), (c2, r2)))
    style = base + [("SPAN", start, end) for start, end in merged]
    for (c1, r1), (c2, r2) in unmerged:
        style.append(("VALIGN", (c1, r1), (c2, r1), "TOP"))
        style.append(("LINEBELOW", (c1, r1), (c2, r2 - 1), 0.6, colors.white))
    table = Table(data, colWidths=widths, repeatRows=HEADER_ROWS[number])
    table.setStyle(TableStyle(style))
    return table


def _page_number(canvas, document) -> None:
    """ "— N —" 四号, one character in from the right edge on odd pages, the left on even."""
    from reportlab.lib.pagesizes import A4

    number = canvas.getPageNumber()
    text = f"— {number} —"
    canvas.saveState()
    canvas.setFont(document.page_number_font, SIZE_4)
    y = MARGINS["bottom"] - 7 * MM - SIZE_4
    if number % 2:
        canvas.drawRightString(A4[0] - MARGINS["right"] - SIZE_4, y, text)
    else:
        canvas.drawString(MARGINS["left"] + SIZE_4, y, text)
    canvas.restoreState()


def title_lines(title: str, width: float, measure) -> list[str]:
    """The title on one line, or on two lines of about equal width (GB/T 9704 wants a
    multi-line title balanced, never one character left alone on the last line)."""
    if measure(title) <= width:
        return [title]
    best = min(
        range(1, len(title)),
        key=lambda i: abs(measure(title[:i]) - measure(title[i:])),
    )
    return [title[:best], title[best:]]


def is_second_level(paragraph: str) -> bool:
    """An editor's paragraph that is a 二级 heading: "（一）…", short, no full stop."""
    return (
        paragraph.startswith("（")
        and "）" in paragraph[:6]
        and len(paragraph) <= 40
        and not paragraph.endswith("。")
    )


def a4_document(stream, **info):
    """An A4 ``SimpleDocTemplate`` with the GB/T 9704 margins; ``info``: title, author …"""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    return SimpleDocTemplate(
        stream,
        pagesize=A4,
        leftMargin=MARGINS["left"],
        rightMargin=MARGINS["right"],
        topMargin=MARGINS["top"],
        bottomMargin=MARGINS["bottom"],
        lang="zh-CN",
        **info,
    )


def export_pdf(document_parts, title: str, meta: dict) -> bytes:
    """``document_parts``: (section title, paragraphs, grid or None) in the national order."""
    from reportlab.platypus import Paragraph, Spacer

    fonts = register_pdf_fonts()
    styles = _styles(fonts)
    stream = io.BytesIO()
    document = a4_document(
        stream,
        title=title,
        author=meta.get("author", ""),
        subject=_("政府信息公开工作年度报告"),
        creator=meta.get("author", ""),
    )
    document.page_number_font = fonts["body"]
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines = title_lines(
        title, document.width, lambda text: stringWidth(text, fonts["title"], SIZE_2)
    )
    story = [Paragraph("<br/>".join(escape(line) for line in lines), styles["title"])]
    story += [Paragraph(escape(text), styles["body"]) for text in meta.get("preamble", [])]
    for section, paragraphs, grid in document_parts:
        story.append(Paragraph(escape(section), styles["heading1"]))
        for text in paragraphs:
            style = styles["heading2"] if is_second_level(text) else styles["body"]
            story.append(Paragraph(escape(text), style))
        if grid is not None:
            rows, spans = grid
            number = SECTION_TITLES.index(section)
            table = _table(number, rows, spans, fonts, document.width, document.height)
            table.spaceBefore = 4  # not a Spacer: the heading keeps with the table itself
            story.append(table)
            story.append(Spacer(1, 8))
    document.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return stream.getvalue()
