"""A letter as DOCX and PDF in the official layout: the annual report's GB/T 9704 page,
fonts and fallback (``reports.pdf_document``, ``reports.docx_document``, ``reports.fonts``)
with the parts of a letter: the number line centred under the title, the addressee flush
left, the body indented two characters, the 附件说明, and the 落款 of a sealed document
(GB/T 9704 7.3.5.1: the date four characters in from the right, the unit centred above it).
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

from ...reports.pdf_document import SIZE_3
from .context import LetterContext
from .render import Letter, build_letter

INDENT = 2 * SIZE_3  # two characters of 三号
ATTACHMENT_INDENT = 5 * SIZE_3  # the names line up after "附件："


def signature_indents(unit_width: float, date_width: float) -> tuple[float, float]:
    """Right indents (unit, date) in points: the date four characters in, the unit centred
    above it, never beyond the right margin."""
    date_indent = 4 * SIZE_3
    return max(0.0, date_indent + (date_width - unit_width) / 2), date_indent


def _subject(letter: Letter) -> str:
    return _("政府信息公开文书：%(kind)s") % {"kind": letter.kind_label}


def letter_docx(letter: Letter) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from ...reports.docx_document import official_document

    document = official_document(letter.title, letter.unit_name, _subject(letter))

    def add(text: str, *, align=None, first=None, right=None):
        paragraph = document.add_paragraph(text)
        fmt = paragraph.paragraph_format
        if align is not None:
            paragraph.alignment = align
        if first is not None:
            fmt.first_line_indent = Pt(first)
        if right is not None:
            fmt.right_indent = Pt(right)
        return paragraph

    if letter.number_line:
        add(letter.number_line, align=WD_ALIGN_PARAGRAPH.CENTER, first=0)
    if letter.addressee:
        add(letter.addressee, first=0)
    for text in [*letter.paragraphs, *letter.remedy]:
        add(text)
    # As in the PDF: the last paragraph, the 附件说明 and the 落款 stay on one page.
    keep = [document.paragraphs[-1]]
    if letter.attachments:
        keep.append(add(""))
        for position, line in enumerate(letter.attachment_lines()):
            keep.append(add(line, first=INDENT if position == 0 else ATTACHMENT_INDENT))
    keep.append(add(""))
    # No font metrics in a DOCX: a CJK character is one em, other characters about half.
    unit_right, date_right = signature_indents(_width(letter.unit_name), _width(letter.date))
    keep.append(add(letter.unit_name, align=WD_ALIGN_PARAGRAPH.RIGHT, first=0, right=unit_right))
    add(letter.date, align=WD_ALIGN_PARAGRAPH.RIGHT, first=0, right=date_right)
    for paragraph in keep:
        paragraph.paragraph_format.keep_with_next = True
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _width(text: str) -> float:
    return sum(SIZE_3 if ord(c) > 0x2E7F else SIZE_3 / 2 for c in text)


def letter_pdf(letter: Letter) -> bytes:
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    from ...reports.pdf_document import LEADING, official_document, page_number, title_paragraph

    stream = io.BytesIO()
    document, fonts, styles = official_document(
        stream, letter.title, letter.unit_name, _subject(letter)
    )
    body = styles["body"]
    flush = ParagraphStyle("flush", parent=body, firstLineIndent=0)
    number = ParagraphStyle("number", parent=flush, alignment=TA_CENTER)

    def measure(text: str) -> float:
        return stringWidth(text, fonts["body"], SIZE_3)

    unit_right, date_right = signature_indents(measure(letter.unit_name), measure(letter.date))

    def right(name: str, indent: float) -> ParagraphStyle:
        return ParagraphStyle(name, parent=flush, alignment=TA_RIGHT, rightIndent=indent)

    story = [title_paragraph(letter.title, document, fonts, styles)]
    if letter.number_line:
        story.append(Paragraph(escape(letter.number_line), number))
    if letter.addressee:
        story.append(Paragraph(escape(letter.addressee), flush))
    story += [Paragraph(escape(text), body) for text in [*letter.paragraphs, *letter.remedy]]
    # The 附件说明 and the 落款 never stand alone on a page (GB/T 9704 7.3.5.4): they keep
    # the last paragraph of the text with them.
    closing = story[-1:]
    if letter.attachments:
        closing.append(Spacer(1, LEADING))
        later = ParagraphStyle("attachment", parent=body, firstLineIndent=ATTACHMENT_INDENT)
        for position, line in enumerate(letter.attachment_lines()):
            closing.append(Paragraph(escape(line), body if position == 0 else later))
    closing += [
        Spacer(1, LEADING),
        Paragraph(escape(letter.unit_name), right("unit", unit_right)),
        Paragraph(escape(letter.date), right("date", date_right)),
    ]
    story[-1:] = [KeepTogether(closing)]
    document.build(story, onFirstPage=page_number, onLaterPages=page_number)
    return stream.getvalue()


def render_docx(template, context: LetterContext) -> bytes:
    return letter_docx(build_letter(template, context))


def render_pdf(template, context: LetterContext) -> bytes:
    return letter_pdf(build_letter(template, context))
