"""Wagtail's page permissions narrowed to units.

The role groups hold add/change(/publish) on the disclosure index (``roles``); here a unit's
people get, below it, only: their own units' documents (edit, and publish for reviewers and
leaders), their own units' 年报, new documents and 年报 in the columns open to their units,
and nothing on columns, the index, the district report or the statistics pages, which are the
webmasters' (管理员). Other units' drafts are not
listed (``UnitPagePermissionPolicy.explorable_instances``).
"""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.models import Page, PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..models.unit_groups import UnitGroup
from ..unit_access import is_webmaster
from .roles import EDITING_ROLES, PUBLISHING_ROLES

_CACHE = "_disclosure_unit_ids"


def unit_ids(user, roles) -> frozenset[int]:
    """The units ``user`` acts for in any of ``roles`` (cached on the user for the request)."""
    cache = user.__dict__.setdefault(_CACHE, {})
    key = tuple(sorted(roles))
    if key not in cache:
        cache[key] = frozenset(
            UnitGroup.objects.filter(group__user=user, role__in=key).values_list(
                "unit_id", flat=True
            )
        )
    return cache[key]


def open_unit_ids(column) -> frozenset[int] | None:
    """The units that may publish in ``column``: its own 开放发布的单位, else its nearest
    ancestor column's; None when no column of the chain names any (open to all units)."""
    from ..models import DisclosureColumnPage

    chain = list(
        DisclosureColumnPage.objects.ancestor_of(column, inclusive=True)
        .order_by("-depth")
        .values_list("pk", flat=True)
    )
    through = DisclosureColumnPage.publishing_units.through
    named: dict[int, set[int]] = {}
    for column_id, unit_id in through.objects.filter(disclosurecolumnpage_id__in=chain).values_list(
        "disclosurecolumnpage_id", "disclosureunit_id"
    ):
        named.setdefault(column_id, set()).add(unit_id)
    for column_id in chain:
        if column_id in named:
            return frozenset(named[column_id])
    return None


def column_open_to(column, units: frozenset[int]) -> bool:
    """Whether any of ``units`` may publish in ``column``."""
    if not units:
        return False
    allowed = open_unit_ids(column)
    return allowed is None or bool(allowed & units)


class UnitPagePermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        self.webmaster = is_webmaster(user)
        self.kind = page._meta.model_name

    @property
    def editing_units(self) -> frozenset[int]:
        return unit_ids(self.user, EDITING_ROLES)

    @property
    def publishing_units(self) -> frozenset[int]:
        return unit_ids(self.user, PUBLISHING_ROLES)

    def _document_in(self, units: frozenset[int]) -> bool:
        """A document of one of ``units``, or one of their own 年报 (the report cycle)."""
        return self.kind in ("disclosuredocumentpage", "annualreportpage") and (
            self.page.unit_id in units
        )

    def _may_edit(self) -> bool:
        return self.webmaster or self._document_in(self.editing_units)

    def _may_publish(self) -> bool:
        return self.webmaster or self._document_in(self.publishing_units)

    def _column(self) -> bool:
        return self.kind == "disclosurecolumnpage"

    def can_add_subpage(self):
        if not super().can_add_subpage():
            return False
        return self.webmaster or (self._column() and column_open_to(self.page, self.editing_units))

    def can_publish_subpage(self):
        if not super().can_publish_subpage():
            return False
        return self.webmaster or (
            self._column() and column_open_to(self.page, self.publishing_units)
        )

    def can_edit(self):
        return super().can_edit() and self._may_edit()

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk) and self._may_edit()

    def can_copy(self):
        return super().can_copy() and self._may_edit()

    def can_lock(self):
        return super().can_lock() and self._may_edit()

    def can_publish(self):
        return super().can_publish() and self._may_publish()

    def can_unpublish(self):
        return super().can_unpublish() and self._may_publish()

    def can_reorder_children(self):
        return super().can_reorder_children() and self.webmaster

    def can_move_to(self, destination):
        if not super().can_move_to(destination):
            return False
        perms = destination.permissions_for_user(self.user)
        return self.webmaster or perms.can_add_subpage()

    def can_copy_to(self, destination, recursive=False):
        return super().can_copy_to(destination, recursive) and (self.webmaster or not recursive)


def hidden_documents(user) -> QuerySet:
    """The documents ``user`` may not see in the admin: other units' unpublished ones."""
    from ..models import DisclosureDocumentPage

    if is_webmaster(user):
        return DisclosureDocumentPage.objects.none()
    return DisclosureDocumentPage.objects.filter(live=False).exclude(
        unit_id__in=unit_ids(user, EDITING_ROLES)
    )


class UnitPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy without other units' drafts: the explorer, the admin search, the
    admin API and the reports (built on these instances) do not list them."""

    def instances_user_has_any_permission_for(self, user, actions):
        pages = super().instances_user_has_any_permission_for(user, actions)
        if not user.is_active or user.is_superuser:
            return pages
        return pages.exclude(pk__in=hidden_documents(user).values("pk"))


def register_policy() -> None:
    """Put the unit policy in Wagtail's registry for every page model (in ``ready()``, before
    anything asks for a page policy)."""
    from wagtail.permissions import register_permission_policy

    register_permission_policy(Page, UnitPagePermissionPolicy(Page))
