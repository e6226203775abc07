"""The text of a 收费通知 (fee notice), for the reply letters.

The 办法 (国办函〔2020〕109号) asks the notice to state the basis, the rate, the amount and how
to pay; an applicant who does not pay in time is taken to have given up the application
(Table B row （六）2). ``fee_notice_rows`` gives the breakdown as table rows for a letter
that draws its own table; ``fee_notice_text`` the whole notice as plain text.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from .fees import FeeQuote


def chinese_date(day: datetime.date) -> str:
    return _("%(y)d年%(m)d月%(d)d日") % {"y": day.year, "m": day.month, "d": day.day}


def _rate(rate) -> str:
    """100 rather than 100.00 or 1E+2: every rate of the 办法 is whole yuan."""
    return str(rate.to_integral_value()) if rate == rate.to_integral_value() else str(rate)


def fee_notice_rows(quote: FeeQuote) -> list[tuple[str, str, str, str]]:
    """Header and one row per band: (档次, 数量, 标准, 金额), then the total."""
    unit = quote.method.unit
    rows = [(_("计费档次"), _("数量"), _("收费标准"), _("金额（元）"))]
    for line in quote.lines:
        rows.append(
            (
                line.band,
                f"{line.count}{unit}",
                _("%(rate)s元/%(unit)s") % {"rate": _rate(line.rate), "unit": unit},
                str(line.subtotal),
            )
        )
    rows.append((_("合计"), f"{quote.quantity}{unit}", "", str(quote.amount)))
    return rows


def fee_notice_text(
    quote: FeeQuote,
    *,
    issued: datetime.date,
    due: datetime.date,
    applicant: str = "",
    reference: str = "",
    organ: str = "",
) -> str:
    """The notice as plain text; the table's cells are separated by tabs."""
    parts = [_("政府信息公开信息处理费收费通知"), ""]
    if applicant:
        parts.append(f"{applicant}：")  # the salutation: a name and a full-width colon
    application = _("您的政府信息公开申请")
    if reference:
        application += _("（登记编号：%(ref)s）") % {"ref": reference}
    parts.append(
        _(
            "根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》"
            "（国办函〔2020〕109号），%(application)s的信息处理费计算如下：%(summary)s"
        )
        % {"application": application, "summary": quote.summary}
    )
    parts.append(_("计费明细："))
    parts.extend("\t".join(row) for row in fee_notice_rows(quote))
    parts.append(
        _(
            "请于%(due)s前（含当日）缴纳信息处理费%(amount)s元。逾期未缴纳的，视为放弃申请，"
            "本机关不再处理该政府信息公开申请。"
        )
        % {"due": chinese_date(due), "amount": quote.amount}
    )
    parts.append("")
    if organ:
        parts.append(organ)
    parts.append(chinese_date(issued))
    return "\n".join(parts)
