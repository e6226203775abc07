"""The placeholders a letter template may use: ``{申请人}`` … filled by ``str.format_map``.

Only the names listed here exist. A template is checked when it is saved
(:func:`template_errors`): an unknown name, attribute or index access (``{申请人.x}``,
``{申请人[0]}``), a format spec or conversion, or an unpaired brace is refused with a
Chinese message, so nothing a webmaster types can reach Python objects or run code.
A literal brace is written twice: ``{{`` and ``}}``.
"""

from __future__ import annotations

import string

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# name → description (for the help text); values come from ``context.placeholder_values``.
PLACEHOLDERS: dict[str, str] = {
    "申请人": gettext_lazy("申请人姓名或名称"),
    "查询码": gettext_lazy("网上申请的查询码"),
    "登记编号": gettext_lazy("本单位的申请登记编号"),
    "年份": gettext_lazy("文号中的年份（登记编号开头的年份，否则为答复日期的年份）"),
    "序号": gettext_lazy("文号中的序号（登记编号末尾的数字）"),
    "收到日期": gettext_lazy("收到申请之日，如“2026年3月2日”"),
    "申请内容": gettext_lazy("所申请信息的名称、文号或内容描述"),
    "单位名称": gettext_lazy("受理单位（答复机关）名称"),
    "答复日期": gettext_lazy("答复书、告知书的落款日期"),
    "办理结果": gettext_lazy("办理结果（年报表三的行名）"),
    "法律依据": gettext_lazy("本类文书依据的《条例》条款，如“第三十六条第（二）项”"),
    "期限": gettext_lazy("答复期限、补正期限、缴费期限或第三方提出意见的期限"),
    "延长天数": gettext_lazy("延长答复的工作日数"),
    "补正事项": gettext_lazy("需要补正的事项，每项一行"),
    "收费金额": gettext_lazy("信息处理费金额（元）"),
    "收费明细": gettext_lazy("信息处理费的计算明细"),
    "第三方": gettext_lazy("被征求意见的第三方名称"),
    "理由": gettext_lazy("理由、说明或意见（由经办人填写）"),
    "送达方式": gettext_lazy("答复的送达方式"),
}

_FORMATTER = string.Formatter()


def help_text() -> str:
    """The list of placeholders for the edit form."""
    names = "；".join(f"{{{name}}}：{text}" for name, text in PLACEHOLDERS.items())
    return _(
        "占位符用半角花括号，可用的有：%(names)s。其他花括号内容保存时会被拒绝；"
        "要写花括号本身，请写两个：{{ 或 }}。每行为一个自然段。"
    ) % {"names": names}


def template_errors(text: str) -> list[str]:
    """Chinese messages for everything in ``text`` that cannot be filled; [] if none."""
    try:
        parsed = list(_FORMATTER.parse(text))
    except ValueError:
        return [_("花括号不成对：占位符写作 {申请人}，花括号本身请写作 {{ 或 }}。")]
    errors = []
    for _literal, field, spec, conversion in parsed:
        if field is None:
            continue
        if field == "":
            errors.append(_("有一对空的花括号 {}：请填写占位符名称，或写作 {{}}。"))
        elif field not in PLACEHOLDERS:
            errors.append(
                _("未知的占位符 {%(name)s}：可用的有 %(known)s。")
                % {"name": field, "known": "、".join(f"{{{n}}}" for n in PLACEHOLDERS)}
            )
        elif spec or conversion:
            errors.append(
                _("占位符 {%(name)s} 后不能带“:”或“!”格式说明，请只写 {%(name)s}。")
                % {"name": field}
            )
    return list(dict.fromkeys(errors))


def fill(text: str, values: dict[str, str]) -> str:
    """``text`` with its placeholders replaced; the text must have passed
    :func:`template_errors` (a template saved before a name was removed raises
    ``ValueError`` with the Chinese message instead of filling something else)."""
    if errors := template_errors(text):
        raise ValueError(errors[0])
    return text.format_map(_Values(values))


class _Values(dict):
    def __missing__(self, key: str) -> str:
        return ""
