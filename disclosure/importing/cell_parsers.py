"""The single cells of a catalogue row: each parser returns the resolved value or raises
``ValueError`` with the Chinese message the error report shows. A mixin of
``CatalogValidator``, reading its lookups (``lookups.CatalogLookups``)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from ..validators import normalize_unit_code
from . import limits, values

TOPIC_SEPARATORS = ("\\", "/", "＼", "／")
COLUMN_SEPARATORS = ("/", "／")


class CellParsers:
    """``_<field>(raw)`` → value; needs ``CatalogLookups``' attributes and the validator's
    ``file_index_numbers``."""

    @staticmethod
    def _optional(parse):
        return lambda raw: parse(raw) if values.text(raw) else None

    @staticmethod
    def _limited(parse, limit):
        def wrapped(raw):
            value = parse(raw)
            if len(value) > limit:
                raise ValueError(_("内容过长：最多 %(limit)d 个字。") % {"limit": limit})
            return value

        return wrapped

    def _title(self, raw) -> str:
        title = " ".join(values.text(raw).split())
        if not title:
            raise ValueError(_("标题不能为空。"))
        if len(title) > 255:
            raise ValueError(_("标题过长：最多 255 个字。"))
        return title

    def _column_path(self, raw) -> tuple[str, ...]:
        path = values.text(raw)
        for separator in COLUMN_SEPARATORS[1:]:
            path = path.replace(separator, COLUMN_SEPARATORS[0])
        parts = tuple(part.strip() for part in path.strip("/").split("/"))
        if parts and len(parts) > 1 and parts[0] == self.index.title.strip():
            parts = parts[1:]
        if not path.strip("/"):
            raise ValueError(
                _("栏目不能为空：请填写公开目录下的栏目路径，例如“法定主动公开内容/政策文件”。")
            )
        if any(not part for part in parts):
            raise ValueError(_("栏目路径中有空的一级，请检查是否多写了“/”。"))
        if len(parts) > self.max_depth:
            raise ValueError(
                _(
                    "栏目最多 %(limit)d 级，这里写了 %(levels)d 级。请放在 %(limit)d 级以内的栏目下。"
                )
                % {"limit": self.max_depth, "levels": len(parts)}
            )
        if any(len(part) > 255 for part in parts):
            raise ValueError(_("栏目名称过长：最多 255 个字。"))
        return parts

    def _unit(self, raw) -> tuple[int | None, str | None]:
        name = values.text(raw)
        if not name:
            if self.fixed_unit is not None:
                return self.fixed_unit.pk, None
            raise ValueError(_("发布机构不能为空。"))
        pk = self.units_by_name.get(name) or self.units_by_code.get(normalize_unit_code(name))
        if pk is None:
            candidates = self.units_by_short.get(name, set())
            if len(candidates) > 1:
                raise ValueError(_("简称“%(name)s”对应多个单位，请填写全称。") % {"name": name})
            pk = next(iter(candidates), None)
        if self.fixed_unit is not None and pk != self.fixed_unit.pk:
            raise ValueError(
                _("本次导入限定为“%(unit)s”（--unit），这一行的发布机构不是它。")
                % {"unit": self.fixed_unit.name}
            )
        if pk is not None:
            return pk, None
        if not self.create_units:
            raise ValueError(
                _(
                    "找不到这个发布机构（按名称、简称和代码查找）。请先在“公开单位”中添加，或使用 --create-units 自动创建。"
                )
            )
        if len(name) > 100:
            raise ValueError(_("发布机构名称过长：最多 100 个字。"))
        return None, name

    def _index_no(self, raw, number, new_unit, first_pass) -> str | None:
        if not values.text(raw):
            if new_unit:
                raise ValueError(
                    _(
                        "发布机构“%(unit)s”将以临时代码新建，不能用临时代码生成永久不变的索引号。"
                        "请先在“公开单位”中建立该单位并填写正确的代码，或在文件中给出原索引号。"
                    )
                    % {"unit": new_unit}
                )
            return None
        index_no = values.normalise_index_number(raw)
        if index_no in self.existing_index_numbers:
            raise ValueError(_("索引号已被门户中的其他信息使用，索引号必须唯一。"))
        if first_pass:
            first_row = self.file_index_numbers.setdefault(index_no, number)
            if first_row != number:
                raise ValueError(
                    _("索引号与第 %(row)d 行重复，索引号必须唯一。") % {"row": first_row}
                )
        return index_no

    def _publish_date(self, raw) -> datetime.datetime:
        if not values.text(raw):
            raise ValueError(_("发布日期不能为空。"))
        published = values.parse_datetime(raw)
        if published > timezone.now():
            raise ValueError(_("发布日期晚于当前时间：导入的信息会立即发布，不能填写将来的日期。"))
        values.check_plausible(timezone.localtime(published).date(), timezone.localdate())
        return published

    @staticmethod
    def _written_date(raw) -> datetime.date:
        written = values.parse_date(raw)
        values.check_plausible(written, timezone.localdate() + datetime.timedelta(days=366))
        return written

    @staticmethod
    def _repeal_date(raw) -> datetime.date:
        # a 废止/失效 date may lie ahead (valid until …), but not centuries ahead
        repealed = values.parse_date(raw)
        values.check_plausible(repealed, values.LATEST_REPEAL_DATE)
        return repealed

    @staticmethod
    def _body(raw) -> str:
        limits.check_cell(values.text(raw))
        return values.clean_body(raw)

    def _topic(self, raw) -> int | None:
        name = values.text(raw)
        if not name:
            return None
        for separator in TOPIC_SEPARATORS:
            if separator in name:
                first, _sep, second = name.partition(separator)
                pk = self.topics_full.get((first.strip(), second.strip()))
                if pk is None:
                    raise ValueError(_("主题分类中没有“%(name)s”。") % {"name": name})
                return pk
        if name in self.topics_top:
            return self.topics_top[name]
        parents = self.topics_second.get(name, [])
        if len(parents) == 1:
            return self.topics_full[(parents[0], name)]
        if parents:
            options = "、".join(f"{parent}\\{name}" for parent in parents[:5])
            raise ValueError(
                _("二级主题分类“%(name)s”不唯一，请写成“一级\\二级”，例如：%(options)s。")
                % {"name": name, "options": options}
            )
        raise ValueError(_("主题分类中没有“%(name)s”。") % {"name": name})

    def _category(self, raw) -> int | None:
        name = values.text(raw)
        if not name:
            return None
        if name not in self.categories:
            raise ValueError(
                _("统计类别应为以下之一：%(names)s。") % {"names": "、".join(self.categories)}
            )
        return self.categories[name]

    @staticmethod
    def _choice(raw, options: dict, default: str, label: str) -> str:
        name = values.text(raw)
        if not name:
            return default
        if name not in options and name.lower() not in options:
            names = "、".join(k for k, v in options.items() if k != v)
            raise ValueError(
                _("%(label)s应为以下之一：%(names)s。") % {"label": label, "names": names}
            )
        return options.get(name) or options[name.lower()]
