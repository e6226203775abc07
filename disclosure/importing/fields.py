"""The catalogue's columns, shared by import and export: canonical Chinese headers and aliases.

The first eleven are the columns of the issue; the last four (体裁, 主题词, 内容概述, 废止日期)
are optional extras so that an export re-imports into identical documents.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class CatalogField:
    key: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False


FIELDS: tuple[CatalogField, ...] = (
    CatalogField("title", "标题", ("名称", "信息名称"), required=True),
    CatalogField("column", "栏目", ("公开目录", "信息分类"), required=True),
    CatalogField("unit", "发布机构", ("发文机关", "公开单位"), required=True),
    CatalogField("index_no", "索引号"),
    CatalogField("doc_number", "文号", ("发文字号",)),
    CatalogField("written_date", "成文日期", ("生成日期",)),
    CatalogField("publish_date", "发布日期", required=True),
    CatalogField("topic", "主题分类"),
    CatalogField("report_category", "统计类别"),
    CatalogField("validity", "有效性", ("时效",)),
    CatalogField("body", "正文"),
    CatalogField("genre", "体裁", ("体裁分类", "公文种类")),
    CatalogField("keywords", "主题词", ("关键词",)),
    CatalogField("summary", "内容概述", ("摘要",)),
    CatalogField("repeal_date", "废止日期"),
)

FIELDS_BY_KEY = {field.key: field for field in FIELDS}
EXPORT_HEADERS = [field.header for field in FIELDS]


def _normalise_header(text: str) -> str:
    return "".join(str(text).split()).lstrip("\ufeff").lower()


_LOOKUP = {
    _normalise_header(name): field.key
    for field in FIELDS
    for name in (field.header, field.key, *field.aliases)
}


def match_header(text) -> str | None:
    """The field key a header cell names (Chinese name, English key or alias), else None."""
    if text is None:
        return None
    return _LOOKUP.get(_normalise_header(text))


def header_label(key: str) -> str:
    return FIELDS_BY_KEY[key].header if key in FIELDS_BY_KEY else key


UNREADABLE_HINT = _(
    "请使用 UTF-8 或 GB18030 编码的 CSV 文件，或 Excel 2007 及以上版本的 .xlsx 文件。"
)
