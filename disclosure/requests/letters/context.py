"""What a letter says about one request: ``LetterContext``, built from a request by
:func:`context_for_request`, turned into placeholder values by :func:`placeholder_values`.

The renderer depends on this dataclass only; :func:`context_for_request` reads the request,
its applicant, its consultations and its fee notices.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone

from .legal_basis import kind_label, legal_basis

SHANGHAI = ZoneInfo("Asia/Shanghai")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_SERIAL = re.compile(r"(\d+)\D*$")


@dataclass
class LetterContext:
    applicant_name: str = ""
    query_code: str = ""
    reference_no: str = ""
    received_date: datetime.date | None = None
    subject: str = ""
    unit_name: str = ""
    reply_date: datetime.date | None = None
    outcome: str = ""
    deadline: datetime.date | None = None
    extension_days: int | None = None
    supplement_items: list[str] = field(default_factory=list)
    fee_amount: Decimal | None = None
    fee_breakdown: str = ""
    third_party: str = ""
    reason: str = ""
    attachments: list[str] = field(default_factory=list)
    delivery: str = ""


def chinese_date(day: datetime.date | None) -> str:
    """成文日期 as GB/T 9704-2012 writes it: Arabic numerals, no leading zeros."""
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def today() -> datetime.date:
    return timezone.now().astimezone(SHANGHAI).date()


def number_parts(context: LetterContext) -> tuple[str, str]:
    """(年份, 序号) of the letter's number line 〔年份〕第序号号: the year the reference
    starts with (else the reply's), the digits it ends with (leading zeros dropped)."""
    reference = context.reference_no or context.query_code
    year = _YEAR.search(reference)
    reply = context.reply_date or today()
    serial = _SERIAL.search(reference)
    number = str(int(serial.group(1))) if serial else reference
    if year and serial and serial.start() == year.start() and len(serial.group(1)) == 4:
        number = reference  # the reference is only a year: keep it whole
    return (year.group(1) if year else str(reply.year)), number


def _amount(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{Decimal(value).quantize(Decimal('0.01')):,.2f}"


def placeholder_values(context: LetterContext, kind: str) -> dict[str, str]:
    """Placeholder name (``placeholders.PLACEHOLDERS``) → its text for this letter."""
    year, serial = number_parts(context)
    items = [item for item in context.supplement_items if item.strip()]
    return {
        "申请人": context.applicant_name,
        "查询码": context.query_code,
        "登记编号": context.reference_no,
        "年份": year,
        "序号": serial,
        "收到日期": chinese_date(context.received_date),
        "申请内容": context.subject,
        "单位名称": context.unit_name,
        "答复日期": chinese_date(context.reply_date or today()),
        "办理结果": _row_name(kind_label(context.outcome)) if context.outcome else "",
        "法律依据": legal_basis(kind),
        "期限": chinese_date(context.deadline),
        "延长天数": "" if context.extension_days is None else str(context.extension_days),
        "补正事项": "\n".join(f"{n}.{item.strip()}" for n, item in enumerate(items, 1)),
        "收费金额": _amount(context.fee_amount),
        "收费明细": context.fee_breakdown,
        "第三方": context.third_party,
        "理由": context.reason,
        "送达方式": context.delivery,
    }


def _row_name(label: str) -> str:
    """ "（一）予以公开" and "1.属于国家秘密" without their numbering."""
    return re.sub(r"^(?:（[一二三四五六七]）|\d+\.)", "", label).split("（")[0]


def _text(request, name: str) -> str:
    display = getattr(request, f"get_{name}_display", None)
    value = display() if callable(display) else getattr(request, name, "")
    return "" if value is None else str(value)


def _names(value) -> list[str]:
    """An attachments field as names: a related manager, a list of files or of texts."""
    if value is None:
        return []
    if hasattr(value, "all"):
        value = value.all()
    if isinstance(value, str):
        return [line for line in value.splitlines() if line.strip()]
    return [
        str(getattr(item, "title", None) or getattr(item, "name", None) or item) for item in value
    ]


def _applicant_name(request) -> str:
    from ...models import RequestApplicant

    try:
        return request.applicant.name
    except RequestApplicant.DoesNotExist:  # a register row typed in from paper
        return ""


def _fee(request) -> tuple[Decimal | None, str]:
    """The latest fee notice's amount and breakdown; else the fee charged, if any."""
    notice = request.fee_notices.order_by("-issued_date", "-pk").first()
    if notice is not None:
        from ..fee_notice import fee_notice_rows

        rows = fee_notice_rows(notice.quote)[1:]  # without the header row
        return notice.amount, "\n".join("，".join(str(cell) for cell in row) for row in rows)
    return (request.fee_charged or None), ""


def context_for_request(request, **overrides) -> LetterContext:
    """The letter context of an ``InformationRequest`` and its applicant, pauses and fee
    notices; ``overrides`` (e.g. ``reason`` or ``supplement_items`` typed by the case
    worker) win."""
    fee_amount, fee_breakdown = _fee(request)
    consulted = [p.consulted for p in request.pauses.all() if p.consulted]
    values = {
        "applicant_name": _applicant_name(request),
        "query_code": request.query_code or "",
        "reference_no": request.reference_no or "",
        "received_date": request.received_date,
        "subject": request.subject or "",
        "unit_name": request.unit.name if request.unit_id else "",
        "reply_date": request.closed_date,
        "outcome": request.outcome or "",
        "deadline": request.deadline,
        "extension_days": request.extension_workdays or None,
        "supplement_items": [],
        "fee_amount": fee_amount,
        "fee_breakdown": fee_breakdown,
        "third_party": "、".join(consulted),
        "reason": "",
        "attachments": [],
        "delivery": request.get_delivery_method_display(),
    }
    values.update(overrides)
    return LetterContext(**values)


def sample_context(kind: str = "") -> LetterContext:
    """Invented values for the admin's preview of a template."""
    return LetterContext(
        applicant_name="张三（示例）",
        query_code="A1B2C3D4",
        reference_no="2026-00012",
        received_date=datetime.date(2026, 3, 2),
        subject="2025年某街道老旧小区改造项目的立项批复文件",
        unit_name="某区人民政府办公室（示例）",
        reply_date=datetime.date(2026, 3, 20),
        outcome=kind if kind and not kind.startswith("notice_") else "",
        deadline=datetime.date(2026, 3, 30),
        extension_days=20,
        supplement_items=["所需信息的名称、文号或者便于查询的其他特征性描述", "有效身份证件复印件"],
        fee_amount=Decimal("300.00"),
        fee_breakdown="本月第11至13件申请，按件计收，每件100元，共3件。",
        third_party="某建设工程有限公司（示例）",
        reason="（此处由经办人填写理由或说明。）",
        attachments=["政府信息公开申请答复材料清单"],
        delivery="电子邮件",
    )
