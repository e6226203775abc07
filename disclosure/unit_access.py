"""Who may act for which unit (公开单位).

A user acts for a unit in a role (``UnitRole``) when they belong to that unit's group for
the role (``UnitGroup``). Webmasters (superusers, or holders of
``disclosure.manage_all_units``) act for every unit in every role.

Every scoping rule (documents, registers, imports, requests, reports) asks these functions,
so there is one answer to "may this person touch this unit's data".
"""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, Group
from django.db import transaction
from django.db.models import QuerySet

from .models.unit_groups import UnitGroup, UnitRole
from .models.units import DisclosureUnit

WEBMASTER_PERMISSION = "disclosure.manage_all_units"

User = AbstractBaseUser


def is_webmaster(user: User | AnonymousUser) -> bool:
    """The district office's webmasters (管理员) see and do everything."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or user.has_perm(WEBMASTER_PERMISSION)


def group_name(unit: DisclosureUnit, role: str) -> str:
    """The name shown in Wagtail's group admin, e.g. "区财政局 · 审核"."""
    return f"{unit.name} · {UnitRole(role).label}"


@transaction.atomic
def ensure_unit_groups(unit: DisclosureUnit, roots=None) -> dict[str, Group]:
    """Create (or rename after a unit rename) the unit's group for every role, and give
    each the Wagtail permissions of its role (``permissions.roles``)."""
    from .permissions.roles import disclosure_roots, sync_role_group

    roots = disclosure_roots() if roots is None else roots
    groups: dict[str, Group] = {}
    existing = {ug.role: ug for ug in unit.role_groups.select_related("group")}
    for role in UnitRole:
        name = group_name(unit, role)
        unit_group = existing.get(role.value)
        if unit_group is None:
            group, _ = Group.objects.get_or_create(name=name)
            unit_group = UnitGroup.objects.create(unit=unit, role=role.value, group=group)
        else:
            group = unit_group.group
            if group.name != name:
                group.name = name
                group.save(update_fields=["name"])
        sync_role_group(unit_group, roots)
        groups[role.value] = group
    return groups


def user_units(user: User | AnonymousUser, role: str | None = None) -> QuerySet[DisclosureUnit]:
    """The units ``user`` acts for (in ``role``, or in any role); all units for webmasters."""
    if is_webmaster(user):
        return DisclosureUnit.objects.all()
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return DisclosureUnit.objects.none()
    memberships = UnitGroup.objects.filter(group__user=user)
    if role is not None:
        memberships = memberships.filter(role=role)
    return DisclosureUnit.objects.filter(pk__in=memberships.values("unit_id"))


def acts_for_unit(
    user: User | AnonymousUser, unit: DisclosureUnit | int, role: str | None = None
) -> bool:
    """Whether ``user`` may act for ``unit`` (in ``role``, if given)."""
    unit_id = unit if isinstance(unit, int) else unit.pk
    return user_units(user, role).filter(pk=unit_id).exists()


def add_to_unit(user: User, unit: DisclosureUnit, role: str) -> None:
    """Make ``user`` one of the unit's people in ``role``."""
    user.groups.add(ensure_unit_groups(unit)[role])
