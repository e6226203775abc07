"""The 发布机构 (unit) of a document in its admin form: a unit's people write only as their
own units, in the columns open to them; after the first publication it is fixed, except
for webmasters, and the 索引号 stays as first allocated either way."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ..unit_access import is_webmaster
from .pages import open_unit_ids, unit_ids
from .roles import EDITING_ROLES


def allowed_unit_ids(user, column) -> frozenset[int] | None:
    """The units ``user`` may publish as in ``column``; None for every unit (webmasters)."""
    if is_webmaster(user):
        return None
    units = unit_ids(user, EDITING_ROLES)
    if column is not None:
        open_units = open_unit_ids(column)
        if open_units is not None:
            units = units & open_units
    return units


def scope_unit_field(form) -> None:
    """Narrow the document form's 发布机构 to what ``form.for_user`` may choose."""
    from ..models import DisclosureUnit

    field = form.fields.get("unit")
    user = getattr(form, "for_user", None)
    if field is None or user is None:
        return
    page = form.instance
    published = page.stored_unit_id() is not None
    if is_webmaster(user):
        if published:
            page.unit_change_allowed = True
            field.help_text = _("信息已发布：更改发布机构不会改变已编制的索引号。")
        return
    column = form.parent_page if not page.pk else page.get_parent()
    allowed = allowed_unit_ids(user, column)
    if published:
        allowed = allowed | {page.unit_id}
        field.disabled = True
        field.help_text = _("信息首次发布后发布机构不能更改（如确需更改，请联系管理员）。")
    field.queryset = DisclosureUnit.objects.filter(pk__in=allowed)
    if not page.pk and form.initial.get("unit") not in allowed and len(allowed) == 1:
        form.initial["unit"] = next(iter(allowed))
    elif not page.pk and form.initial.get("unit") not in allowed:
        form.initial.pop("unit", None)
