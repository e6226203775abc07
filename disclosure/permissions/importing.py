"""Catalogue imports by a unit's people: only rows of their own units, only into existing
columns open to those units, no new units or columns (those are the webmasters'). An
import publishes at once, so it is for the roles that publish (审核, 签发)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from wagtail.models import Page

from ..importing.errors import RowError
from ..importing.fields import header_label
from ..importing.values import text
from ..unit_access import is_webmaster
from .pages import unit_ids
from .roles import PUBLISHING_ROLES


def may_import(user) -> bool:
    """Webmasters, and the people who publish for a unit."""
    return is_webmaster(user) or bool(unit_ids(user, PUBLISHING_ROLES))


def open_units_by_column(columns) -> dict[int, frozenset[int] | None]:
    """For every column of ``columns`` (a page queryset), the units that may publish in it
    (``permissions.pages.open_unit_ids``, for all at once)."""
    from ..models import DisclosureColumnPage

    through = DisclosureColumnPage.publishing_units.through
    named: dict[int, set[int]] = {}
    for column_id, unit_id in through.objects.values_list(
        "disclosurecolumnpage_id", "disclosureunit_id"
    ):
        named.setdefault(column_id, set()).add(unit_id)
    by_path = dict(DisclosureColumnPage.objects.values_list("path", "pk"))
    result: dict[int, frozenset[int] | None] = {}
    for pk, path in columns.values_list("pk", "path"):
        result[pk] = None
        for end in range(len(path), 0, -Page.steplen):
            ancestor = by_path.get(path[:end])
            if ancestor in named:
                result[pk] = frozenset(named[ancestor])
                break
    return result


class ImportScope:
    """The rows one unit person may import (None stands for no limit: webmasters)."""

    def __init__(self, units: frozenset[int]):
        from ..models import DisclosureColumnPage, DisclosureUnit

        self.units = units
        names = DisclosureUnit.objects.filter(pk__in=units).values_list("name", flat=True)
        self.unit_names = "、".join(names) or _("无")
        self.open_units = open_units_by_column(DisclosureColumnPage.objects.all())

    @classmethod
    def for_user(cls, user) -> ImportScope | None:
        if user is None or is_webmaster(user):
            return None
        return cls(unit_ids(user, PUBLISHING_ROLES))

    def row_errors(self, number: int, plan, row: dict, columns: dict) -> list[RowError]:
        """The errors of a validated row that this person may not import."""
        errors = []
        unit_value = text(row.get("unit"))
        if plan.new_unit or plan.unit_id not in self.units:
            message = _(
                "您只能导入本单位（%(units)s）的信息，这一行的发布机构不是；"
                "也不能在导入时新建发布机构。"
            ) % {"units": self.unit_names}
            errors.append(RowError(number, header_label("unit"), unit_value, message))
        column_value = text(row.get("column"))
        column = columns.get(plan.column_path)
        if column is None:
            message = _("栏目不存在：只有管理员可以在导入时新建栏目。")
            errors.append(RowError(number, header_label("column"), column_value, message))
        else:
            allowed = self.open_units.get(column)
            if allowed is not None and plan.unit_id not in allowed:
                message = _("这个栏目不向这一行的发布机构开放发布。")
                errors.append(RowError(number, header_label("column"), column_value, message))
        return errors
