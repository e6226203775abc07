"""The receipt (申请回执) as a PDF, with the fonts and margins of the annual report's PDF
(``reports.fonts``, ``reports.pdf_document``): the 查询码, the dates and what was asked."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

from ...reports.fonts import register_pdf_fonts
from ...reports.pdf_document import MM, SIZE_2, official_document

SIZE = 12  # 小四: a receipt is a form, not a 公文 body


def receipt_rows(context: dict) -> list[tuple[str, str]]:
    """(label, value) of the receipt, shared by the HTML page's wording."""
    info_request, applicant = context["info_request"], context["applicant"]
    rows = [
        (_("查询码"), info_request.query_code),
        (_("受理机关"), info_request.unit.name),
        (_("申请人"), applicant.name),
        (_("证件号码或统一社会信用代码"), context["masked_id"]),
        (_("提交时间"), f"{context['submitted']:%Y-%m-%d %H:%M}"),
        (_("收到申请日期"), f"{info_request.received_date:%Y-%m-%d}"),
        (_("答复期限"), f"{context['deadline']:%Y-%m-%d}"),
        (_("所需信息的内容描述"), info_request.subject),
    ]
    if info_request.document_reference:
        rows.append((_("文号或索引号"), info_request.document_reference))
    rows += [
        (_("信息的提供载体"), info_request.get_carrier_display()),
        (_("获取信息的方式"), info_request.get_delivery_method_display()),
    ]
    return rows


def receipt_notes(context: dict) -> list[str]:
    notes = [
        _(
            "依据《中华人民共和国政府信息公开条例》第三十一条，网上提交的申请以双方确认之日为收到"
            "申请之日，本回执即为本机关的确认。"
        )
    ]
    if context["deferred"]:
        notes.append(_("您在非工作时间提交申请，收到申请之日为提交后的第一个工作日。"))
    notes.append(
        _(
            "依据第三十三条，行政机关自收到申请之日起 20 个工作日内予以答复；需要延长的，"
            "经批准并告知申请人后可延长不超过 20 个工作日。需要补正或征求第三方意见的，"
            "答复期限相应调整，请凭查询码在网上查询办理进度。"
        )
    )
    return notes


def receipt_pdf(context: dict) -> bytes:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    fonts = register_pdf_fonts()
    body = ParagraphStyle("body", fontName=fonts["body"], fontSize=SIZE, leading=SIZE * 1.6)
    body.wordWrap = "CJK"
    title = ParagraphStyle(
        "title", parent=body, fontName=fonts["title"], fontSize=SIZE_2, leading=SIZE_2 * 1.5
    )
    title.alignment = TA_CENTER
    stream = io.BytesIO()
    heading = _("政府信息公开申请回执")
    document, _fonts, _styles = official_document(
        stream, heading, context["info_request"].unit.name, heading
    )
    rows = [
        [Paragraph(escape(label), body), Paragraph(escape(value), body)]
        for label, value in receipt_rows(context)
    ]
    table = Table(rows, colWidths=[45 * MM, document.width - 45 * MM])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, "#444444"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story = [Paragraph(escape(_("政府信息公开申请回执")), title), Spacer(1, 6 * MM), table]
    story += [Spacer(1, 4 * MM)]
    story += [Paragraph(escape(text), body) for text in receipt_notes(context)]
    document.build(story)
    return stream.getvalue()
