"""Turn a raw row into a ``RowPlan`` (resolved values) or a list of ``RowError``.

``CatalogValidator`` loads the lookups once (``lookups``: units, topics, categories, the
column tree and the index numbers in use) and checks rows one at a time, each cell by its
parser (``cell_parsers``), so memory does not grow with the file: only the 索引号 given in
the file are remembered, to find duplicates.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _
from wagtail.models import Page

from ..models import DisclosureUnit, Genre, Validity
from . import limits, values
from .cell_parsers import COLUMN_SEPARATORS, TOPIC_SEPARATORS, CellParsers
from .errors import RowError
from .fields import header_label
from .lookups import CatalogLookups

__all__ = ["COLUMN_SEPARATORS", "TOPIC_SEPARATORS", "CatalogValidator", "RowPlan"]


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


class CatalogValidator(CellParsers, CatalogLookups):
    """Checks a file's rows against the lookups and what earlier rows of the file create."""

    def __init__(
        self,
        index: Page,
        *,
        create_units: bool = False,
        unit: DisclosureUnit | None = None,
        scope=None,
    ):
        super().__init__(index, create_units=create_units, unit=unit)
        self.scope = scope  # a unit person's limits (``permissions.importing.ImportScope``)
        self.file_index_numbers: dict[str, int] = {}
        self.new_columns: dict[tuple[str, ...], int] = {}
        self.new_units: dict[str, int] = {}
        self.rows = 0

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
