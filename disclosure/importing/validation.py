"""Turn a raw row into a ``RowPlan`` (resolved values) or a list of ``RowError``.

``CatalogValidator`` loads the lookups once (units, topics, categories, the column tree and
the index numbers in use) and checks rows one at a time, so memory does not grow with the
file: only the 索引号 given in the file are remembered, to find duplicates.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from ..conf import get_setting
from ..models import (
    DisclosureColumnPage,
    DisclosureDocumentPage,
    DisclosureUnit,
    Genre,
    ReportCategory,
    Topic,
    Validity,
)
from ..validators import normalize_unit_code
from ..visibility import is_public, public_pages
from . import limits, values
from .errors import RowError
from .fields import header_label

TOPIC_SEPARATORS = ("\\", "/", "＼", "／")
COLUMN_SEPARATORS = ("/", "／")


@dataclass(slots=True)
class RowPlan:
    row: int
    title: str
    column_path: tuple[str, ...]
    unit_id: int | None
    new_unit: str | None
    index_no: str | None
    doc_number: str
    written_date: datetime.date | None
    publish_date: datetime.datetime
    topic_id: int | None
    genre: str
    validity: str
    repeal_date: datetime.date | None
    report_category_id: int | None
    keywords: str
    summary: str
    body: str


class _RowErrors(Exception):
    pass


class CatalogValidator:
    def __init__(
        self,
        index: Page,
        *,
        create_units: bool = False,
        unit: DisclosureUnit | None = None,
        scope=None,
    ):
        self.index = index
        self.scope = scope  # a unit person's limits (``permissions.importing.ImportScope``)
        self.create_units = create_units
        self.fixed_unit = unit
        self.max_depth = get_setting("DISCLOSURE_MAX_COLUMN_DEPTH")
        self._load_units()
        self._load_taxonomy()
        self._load_columns()
        self.existing_index_numbers = set(
            DisclosureDocumentPage.objects.exclude(index_no__isnull=True).values_list(
                "index_no", flat=True
            )
        )
        self.file_index_numbers: dict[str, int] = {}
        self.new_columns: dict[tuple[str, ...], int] = {}
        self.new_units: dict[str, int] = {}
        self.rows = 0

    # --- lookups -------------------------------------------------------------------------

    def _load_units(self) -> None:
        self.units_by_name: dict[str, int] = {}
        self.units_by_code: dict[str, int] = {}
        short: dict[str, set[int]] = {}
        for pk, name, short_name, code in DisclosureUnit.objects.values_list(
            "pk", "name", "short_name", "code"
        ):
            self.units_by_name[name] = pk
            self.units_by_code[normalize_unit_code(code)] = pk
            if short_name:
                short.setdefault(short_name, set()).add(pk)
        self.units_by_short = short

    def _load_taxonomy(self) -> None:
        self.topics_full: dict[tuple[str, str], int] = {}
        self.topics_top: dict[str, int] = {}
        second: dict[str, list[str]] = {}
        for topic in Topic.objects.select_related("parent"):
            if topic.parent_id is None:
                self.topics_top[topic.name] = topic.pk
            else:
                self.topics_full[(topic.parent.name, topic.name)] = topic.pk
                second.setdefault(topic.name, []).append(topic.parent.name)
        self.topics_second = second
        self.categories = dict(ReportCategory.objects.values_list("name", "pk"))
        self.genres = {str(label): value for value, label in Genre.choices}
        self.genres.update({value: value for value in Genre.values})
        self.validities = {str(label): value for value, label in Validity.choices}
        self.validities.update({value: value for value in Validity.values})

    def _load_columns(self) -> None:
        self.columns: dict[tuple[str, ...], int] = {}
        titles_by_path: dict[str, tuple[str, ...]] = {self.index.path: ()}
        columns = DisclosureColumnPage.objects.descendant_of(self.index)
        # imported documents go live at once: never below a column the public cannot see
        self.index_is_public = is_public(self.index)
        self.public_columns = set(public_pages(columns).values_list("pk", flat=True))
        for pk, path, title in columns.order_by("path").values_list("pk", "path", "title"):
            parent = titles_by_path.get(path[: -Page.steplen])
            if parent is None:
                continue
            key = (*parent, title.strip())
            titles_by_path[path] = key
            self.columns.setdefault(key, pk)

    # --- rows ----------------------------------------------------------------------------

    def check_row(self, number: int, row: dict) -> list[RowError]:
        """First pass: every error of the row, remembering what the import will create."""
        self.rows += 1
        plan, errors = self._build(number, row, first_pass=True)
        if plan is not None and self.scope is not None:
            errors.extend(self.scope.row_errors(number, plan, row, self.columns))
            plan = None if errors else plan
        if plan is not None and (hidden := self._hidden_column(plan.column_path)):
            message = _(
                "栏目“%(column)s”未发布、已下线或设置了访问限制：导入的信息会立即公开，"
                "不能放在其中。请先发布该栏目，或改填其他栏目。"
            ) % {"column": hidden}
            errors.append(
                RowError(number, header_label("column"), values.text(row.get("column")), message)
            )
            plan = None
        if plan is not None:
            if plan.column_path not in self.columns:
                for depth in range(1, len(plan.column_path) + 1):
                    prefix = plan.column_path[:depth]
                    if prefix not in self.columns:
                        self.new_columns.setdefault(prefix, number)
            if plan.new_unit:
                self.new_units.setdefault(plan.new_unit, number)
        return errors

    def _hidden_column(self, path: tuple[str, ...]) -> str | None:
        """The title path of the deepest existing column of ``path`` if it is not public
        (its new sub-columns would not be either), else None."""
        for depth in range(len(path), 0, -1):
            pk = self.columns.get(path[:depth])
            if pk is not None:
                return None if pk in self.public_columns else "/".join(path[:depth])
        return None if self.index_is_public else self.index.title

    def plan_row(self, number: int, row: dict) -> RowPlan:
        """Second pass, after a clean first pass: the resolved values of the row."""
        plan, errors = self._build(number, row, first_pass=False)
        if errors:
            raise ValueError(f"row {number} changed between passes: {errors[0]}")
        return plan

    def _build(self, number: int, row: dict, first_pass: bool):
        errors: list[RowError] = []

        def field(key, parse, *args):
            raw = row.get(key)
            try:
                return parse(raw, *args)
            except ValueError as exc:
                errors.append(RowError(number, header_label(key), values.text(raw), str(exc)))
                return None

        title = field("title", self._title)
        column_path = field("column", self._column_path)
        unit_id, new_unit = field("unit", self._unit) or (None, None)
        index_no = field("index_no", self._index_no, number, new_unit, first_pass)
        publish_date = field("publish_date", self._publish_date)
        validity = field("validity", self._choice, self.validities, Validity.VALID, _("有效性"))
        plan = RowPlan(
            row=number,
            title=title,
            column_path=column_path,
            unit_id=unit_id,
            new_unit=new_unit,
            index_no=index_no,
            doc_number=field("doc_number", self._limited(values.normalise_doc_number, 64)),
            written_date=field("written_date", self._optional(self._written_date)),
            publish_date=publish_date,
            topic_id=field("topic", self._topic),
            genre=field("genre", self._choice, self.genres, Genre.NOTICE, _("体裁")),
            validity=validity,
            repeal_date=field("repeal_date", self._optional(self._repeal_date)),
            report_category_id=field("report_category", self._category),
            keywords=field("keywords", self._limited(values.text, 200)),
            summary=field("summary", self._limited(values.text, limits.max_cell_chars())),
            body=field("body", self._body),
        )
        if not errors:
            errors.extend(self._cross_check(plan, row))
        return (None if errors else plan), errors

    def _cross_check(self, plan: RowPlan, row: dict) -> list[RowError]:
        """The rules of ``DisclosureDocumentPage.clean`` about 有效性 and 废止日期."""

        def error(message):
            raw = values.text(row.get("repeal_date"))
            return [RowError(plan.row, header_label("repeal_date"), raw, message)]

        ended = plan.validity in (Validity.REPEALED, Validity.EXPIRED)
        if plan.validity == Validity.REPEALED and not plan.repeal_date:
            return error(_("有效性为“废止”时请填写废止日期。"))
        if plan.repeal_date and not ended:
            return error(_("只有“废止”或“失效”的信息才能填写废止日期。"))
        if plan.repeal_date and plan.written_date and plan.repeal_date < plan.written_date:
            return error(_("废止日期不能早于成文日期。"))
        return []

    # --- single fields -------------------------------------------------------------------

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
