"""The reply letter (答复书) as a PDF, laid out like the annual report's PDF.

``reply_letter_file`` is the one place the reply step asks for the letter; it is meant to
give way to the editable templates per outcome (``disclosure.requests.letters``).
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.translation import gettext as _

from ...reports.fonts import register_pdf_fonts
from ...reports.pdf_document import _page_number, _styles, official_document


def _date(value) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def outcome_text(outcome: str) -> str:
    """The outcome as the letter says it: its Table B row, under its group if it has one."""
    from ...models.choices import OUTCOME_GROUPS

    for group, outcomes in OUTCOME_GROUPS:
        for item in outcomes:
            if item == outcome:
                return f"{group}：{item.label}" if group else str(item.label)
    return ""


def letter_paragraphs(request) -> tuple[str, list[str], list[str]]:
    """(title, body paragraphs, closing lines) of the reply letter of ``request``."""
    applicant = getattr(request, "applicant", None) if request.pk else None
    name = applicant.name if applicant is not None else _("申请人")
    reference = request.reference_no or request.query_code or str(request.pk)
    body = [
        f"{name}：",  # the salutation: the name and a full-width colon
        _(
            "本机关于%(received)s收到您（单位）提出的政府信息公开申请（编号：%(reference)s），"
            "申请获取：%(subject)s。"
        )
        % {
            "received": _date(request.received_date),
            "reference": reference,
            "subject": request.subject,
        },
        _("经审查，根据《中华人民共和国政府信息公开条例》的规定，现答复如下：%(outcome)s。")
        % {"outcome": outcome_text(request.outcome)},
        _(
            "如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，"
            "或者自收到本答复之日起六个月内依法提起行政诉讼。"
        ),
    ]
    closing = [request.unit.name, _date(request.closed_date or timezone.localdate())]
    return _("政府信息公开申请答复书"), body, closing


def reply_letter_file(request) -> tuple[str, bytes]:
    """(file name, PDF bytes) of the reply letter of a closed ``request``."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Spacer

    title, body, closing = letter_paragraphs(request)
    fonts = register_pdf_fonts()
    styles = _styles(fonts)
    right = ParagraphStyle("right", parent=styles["body"], firstLineIndent=0, alignment=TA_RIGHT)
    salutation = ParagraphStyle("salutation", parent=styles["body"], firstLineIndent=0)
    stream = io.BytesIO()
    document = official_document(
        stream, fonts, title=title, author=request.unit.name, subject=title
    )
    story = [Paragraph(escape(title), styles["title"])]
    story.append(Paragraph(escape(body[0]), salutation))
    story += [Paragraph(escape(text), styles["body"]) for text in body[1:]]
    story.append(Spacer(1, 2 * styles["body"].leading))
    story += [Paragraph(escape(text), right) for text in closing]
    document.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return f"reply-{request.pk}.pdf", stream.getvalue()
