"""The registers' admin (依申请公开, 复议诉讼, 年度执法数据) scoped to units: a unit's handlers
(依申请公开办理) list, inspect, add and edit only their units' rows; webmasters see all.

wagtail-modeladmin fetches a row for its inspect/edit/delete/history views by id from the
model's manager, not from ``get_queryset``: every one of them is checked here (404)."""

from __future__ import annotations

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404
from wagtail_modeladmin.views import CreateView, EditView

from ..unit_access import is_webmaster
from .pages import unit_ids
from .roles import REGISTER_ROLES


def register_unit_ids(user) -> frozenset[int] | None:
    """The units whose register rows ``user`` keeps; None for every unit (webmasters)."""
    return None if is_webmaster(user) else unit_ids(user, REGISTER_ROLES)


def scope_register_form(form, user) -> None:
    """Only the user's units in the form's 单位 choice (and their requests, for a 复议诉讼)."""
    allowed = register_unit_ids(user)
    if allowed is None:
        return
    unit = form.fields.get("unit")
    if unit is not None:
        unit.queryset = unit.queryset.filter(pk__in=allowed)
        if not form.instance.pk and len(allowed) == 1:
            form.initial.setdefault("unit", next(iter(allowed)))
    request = form.fields.get("request")
    if request is not None:
        request.queryset = request.queryset.filter(unit_id__in=allowed)


class ScopedCreateView(CreateView):
    def get_form(self):
        form = super().get_form()
        scope_register_form(form, self.request.user)
        return form


class ScopedEditView(EditView):
    def get_form(self):
        form = super().get_form()
        scope_register_form(form, self.request.user)
        return form


class UnitScopedAdminMixin:
    """For a wagtail-modeladmin ``ModelAdmin`` whose model has a ``unit``."""

    create_view_class = ScopedCreateView
    edit_view_class = ScopedEditView

    def get_queryset(self, request):
        rows = super().get_queryset(request)
        allowed = register_unit_ids(request.user)
        return rows if allowed is None else rows.filter(unit_id__in=allowed)

    def _require_own_row(self, request, instance_pk) -> None:
        allowed = register_unit_ids(request.user)
        if allowed is None:
            return
        try:
            rows = self.model._default_manager.filter(pk=unquote(instance_pk))
            unit_id = rows.values_list("unit_id", flat=True).first()
        except (ValueError, ValidationError) as exc:
            raise Http404 from exc
        if unit_id not in allowed:
            raise Http404  # another unit's row does not exist for this user

    def inspect_view(self, request, instance_pk):
        self._require_own_row(request, instance_pk)
        return super().inspect_view(request, instance_pk)

    def edit_view(self, request, instance_pk):
        self._require_own_row(request, instance_pk)
        return super().edit_view(request, instance_pk)

    def delete_view(self, request, instance_pk):
        self._require_own_row(request, instance_pk)
        return super().delete_view(request, instance_pk)

    def history_view(self, request, instance_pk):
        self._require_own_row(request, instance_pk)
        return super().history_view(request, instance_pk)
