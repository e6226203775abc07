"""How report data (``statistics.report_data``) is laid out: shared by HTML and exports."""

from decimal import Decimal

from django.utils.translation import gettext as _

FEE_SENTENCE = "本年度收取信息处理费情况："

SECTION_TITLES = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]
TABLE_A_HEADERS = {
    "article_20_1": (
        "第二十条第（一）项",
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ),
    "article_20_5": ("第二十条第（五）项", ["信息内容", "本年处理决定数量"]),
    "article_20_6": ("第二十条第（六）项", ["信息内容", "本年处理决定数量"]),
    "article_20_8": ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"]),
}


DISTRICT_NAME = "区人民政府"


def preamble_paragraphs(
    data: dict, *, unit_name: str, url: str = "", contact: str = ""
) -> list[str]:
    """The opening every official report carries (basis, contents, statistical period,
    where the electronic version is, whom to ask), before 一、总体情况."""
    year = data["year"]
    first = _(
        "本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条和"
        "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。"
        "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
        "政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。"
    )
    second = _("本报告中所列数据的统计期限自%(year)d年1月1日起至%(year)d年12月31日止。") % {
        "year": year
    }
    if url:
        second += _("本报告电子版可在%(unit)s门户网站（%(url)s）下载。") % {
            "unit": unit_name,
            "url": url,
        }
    if contact:
        second += _("如对本报告有疑问，请与%(unit)s联系（%(contact)s）。") % {
            "unit": unit_name,
            "contact": contact,
        }
    else:
        second += _("如对本报告有疑问，请与%(unit)s联系。") % {"unit": unit_name}
    return [first, second]


def overview_paragraph(data: dict) -> str:
    """The automatic paragraph of 一、总体情况, built from the overview figures."""
    o = data["overview"]
    categories = "，".join(
        f"{c['category']}{c['count']}条（占{c['percent']:.1f}%）"
        for c in o["by_category"]
        if c["count"]
    )
    text = _(
        "%(year)d年，共主动公开政府信息%(published)d条，截至年底累计主动公开%(cumulative)d条，"
        "全文电子化率%(rate).1f%%。"
    ) % {
        "year": data["year"],
        "published": o["published_in_year"],
        "cumulative": o["cumulative"],
        "rate": o["fulltext_rate"],
    }
    if categories:
        text += _("其中：%(categories)s。占比经四舍五入，合计可能不等于100%%。") % {
            "categories": categories
        }
    return text


def fee_paragraph(data: dict) -> str:
    fee = Decimal(data["table_b"]["fee_income_yuan"])
    if fee:
        return FEE_SENTENCE + _("实际收取信息处理费共计%(fee)s元。") % {"fee": fee}
    return FEE_SENTENCE + _("未收取信息处理费。")


def table_a_sections(data: dict) -> list[dict]:
    sections = []
    for key, (caption, headers) in TABLE_A_HEADERS.items():
        rows = []
        for row in data["table_a"][key]:
            if key == "article_20_1":
                rows.append([row["label"], row["issued"], row["repealed"], row["in_force"]])
            elif key == "article_20_8":
                rows.append([row["label"], row["amount_wan_yuan"]])
            else:
                rows.append([row["label"], row["decisions"]])
        sections.append({"caption": caption, "headers": headers, "rows": rows})
    return sections


def table_b_rows(data: dict) -> list[dict]:
    """Table B rows with the row-spanning labels: ``span`` on the first row of a group."""
    rows = data["table_b"]["rows"]
    results = [r for r in rows if r["is_result"]]
    laid_out = []
    for position, row in enumerate(rows):
        item = {"label": row["label"], "cells": row["cells"], "key": row["key"], "colspan": 3}
        if row["is_result"] or row["key"] == "results_total":
            item["colspan"] = 1 if row.get("group") else 2
            item["section"] = "三、本年度办理结果" if row is results[0] else None
            item["section_span"] = len(results) + 1 if row is results[0] else 0
            group = row.get("group")
            previous = rows[position - 1].get("group") if position else None
            item["group"] = group if group and group != previous else None
            item["group_span"] = sum(1 for r in rows if r.get("group") == group) if group else 0
            item["in_group"] = bool(group)
        laid_out.append(item)
    return laid_out


def report_context(data: dict) -> dict:
    return {
        "report": data,
        "section_titles": SECTION_TITLES,
        "overview_paragraph": overview_paragraph(data),
        "fee_paragraph": fee_paragraph(data),
        "table_a_sections": table_a_sections(data),
        "table_b_rows": table_b_rows(data),
        "table_b_note": "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    }
