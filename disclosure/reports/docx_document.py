"""The annual report as a DOCX laid out like an official document (GB/T 9704-2012).

The same page and type as the PDF (``pdf_document``): A4, margins 上37 下35 左28 右26 mm,
title 方正小标宋简体 二号, 一级 headings 黑体, 二级 headings 楷体_GB2312, body 仿宋_GB2312
三号 with a fixed 29 pt line, page numbers "— N —" (odd pages right, even left), table
header rows repeated on every page. A DOCX names its fonts without embedding them: Word
uses the official fonts where installed and substitutes its default CJK font elsewhere.
"""

import io

from django.utils.translation import gettext as _

from .fonts import official_name
from .layout import SECTION_TITLES
from .pdf_document import (
    HEADER_ROWS,
    LEADING,
    SIZE_2,
    SIZE_3,
    SIZE_4,
    is_second_level,
    title_lines,
)

MARGINS_MM = {"top_margin": 37, "bottom_margin": 35, "left_margin": 28, "right_margin": 26}


def _set_font(target, role: str, size: float, bold: bool = False) -> None:
    """Font of a style or run, East Asian name included (Word reads ``w:eastAsia``)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    name = official_name(role)
    target.font.name = name
    target.font.size = Pt(size)
    target.font.bold = bold
    target.font.color.rgb = RGBColor(0, 0, 0)
    properties = target.element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = properties.makeelement(qn("w:rFonts"), {})
        properties.append(fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _styles(document) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    for style_name, role, size in (
        ("Normal", "body", SIZE_3),
        ("Title", "title", SIZE_2),
        ("Heading 1", "heading1", SIZE_3),
        ("Heading 2", "heading2", SIZE_3),
    ):
        style = document.styles[style_name]
        _set_font(style, role, size)
        fmt = style.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(LEADING if style_name != "Title" else LEADING + 4)
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        fmt.first_line_indent = Pt(2 * SIZE_3) if style_name != "Title" else None
        fmt.alignment = (
            WD_ALIGN_PARAGRAPH.CENTER if style_name == "Title" else WD_ALIGN_PARAGRAPH.JUSTIFY
        )
    title = document.styles["Title"]
    title.paragraph_format.space_after = Pt(LEADING)
    # Word's Title style draws a rule under the title; an official title has none.
    border = title.element.pPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr"
    )
    if border is not None:
        title.element.pPr.remove(border)


def _page_setup(document) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for name, value in MARGINS_MM.items():
        setattr(section, name, Mm(value))
    section.footer_distance = Mm(28)
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], right=True)
    _page_number(section.even_page_footer.paragraphs[0], right=False)


def _page_number(paragraph, right: bool) -> None:
    """ "— PAGE —" with a PAGE field, one character in from the text edge."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if right else WD_ALIGN_PARAGRAPH.LEFT
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = None
    if right:
        fmt.right_indent = Pt(SIZE_4)
    else:
        fmt.left_indent = Pt(SIZE_4)

    def run(text=None, field=None):
        piece = paragraph.add_run(text)
        _set_font(piece, "body", SIZE_4)
        if field:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), field)
            piece._r.append(element)
        return piece

    run("— ")
    run(field="begin")
    instruction = run()
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = " PAGE "
    instruction._r.append(code)
    run(field="separate")
    run("1")
    run(field="end")
    run(" —")


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _table(document, number: int, rows, spans, layout) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths_pt, size = layout
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.width = Pt(widths_pt[c])
            paragraph = cell.paragraphs[0]
            fmt = paragraph.paragraph_format
            fmt.first_line_indent = None
            fmt.line_spacing = Pt(size * 1.3)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _set_font(paragraph.add_run(str(value)), "body", size)
    for (c1, r1), (c2, r2) in spans:
        first = table.cell(r1, c1)
        keep = first.paragraphs[0].text
        merged = first.merge(table.cell(r2, c2))
        for extra in merged.paragraphs[1:]:
            extra._p.getparent().remove(extra._p)
        if merged.paragraphs[0].text != keep:  # merging joins the texts of the cells
            merged.paragraphs[0].runs[0].text = keep
            for extra_run in merged.paragraphs[0].runs[1:]:
                extra_run.text = ""
    for row in table.rows[: HEADER_ROWS[number]]:
        _repeat_header(row)


def official_document(title: str, author: str, subject: str):
    """A python-docx document on A4 with the official margins, styles, page numbers and
    properties, its title already written (balanced on two lines when long)."""
    from docx import Document

    document = Document()
    _styles(document)
    _page_setup(document)
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.last_modified_by = author
    properties.subject = subject
    properties.language = "zh-CN"
    heading = document.add_paragraph(style="Title")
    text_width = (210 - 28 - 26) * 72 / 25.4
    lines = title_lines(title, text_width, lambda text: len(text) * SIZE_2)
    for position, line in enumerate(lines):
        run = heading.add_run(line)
        if position < len(lines) - 1:
            run.add_break()
    return document


def export_docx(document_parts, title: str, meta: dict, widths) -> bytes:
    """``widths(number, rows)``: (column widths in points, font size), as in the PDF."""
    document = official_document(title, meta.get("author", ""), _("政府信息公开工作年度报告"))
    for text in meta.get("preamble", []):
        document.add_paragraph(text)
    for section, paragraphs, grid in document_parts:
        document.add_paragraph(section, style="Heading 1")
        for text in paragraphs:
            document.add_paragraph(text, style="Heading 2" if is_second_level(text) else None)
        if grid is not None:
            rows, spans = grid
            number = SECTION_TITLES.index(section)
            _table(document, number, rows, spans, widths(number, rows))
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()
