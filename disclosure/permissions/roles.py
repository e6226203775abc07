"""The Wagtail permissions each role group of a unit holds, kept in sync from the unit.

Page permissions are granted on the disclosure index(es); ``permissions.pages`` narrows them
to the user's own units' documents and the columns open to those units, so opening or
closing a column needs no group change. Editors (撰稿编辑) add and change; reviewers (审核)
and leaders (签发) also publish; handlers (依申请公开办理) keep the unit's registers.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Page

from ..models.unit_groups import UnitGroup, UnitRole

EDITING_ROLES = (UnitRole.EDITOR, UnitRole.REVIEWER, UnitRole.LEADER)
PUBLISHING_ROLES = (UnitRole.REVIEWER, UnitRole.LEADER)
REGISTER_ROLES = (UnitRole.HANDLER,)

PAGE_ACTIONS: dict[str, tuple[str, ...]] = {
    UnitRole.EDITOR: ("add_page", "change_page"),
    UnitRole.REVIEWER: ("add_page", "change_page", "publish_page"),
    UnitRole.LEADER: ("add_page", "change_page", "publish_page"),
    UnitRole.HANDLER: (),
}
REGISTER_MODELS = ("informationrequest", "reviewcase", "enforcementrecord")
# a unit's handlers keep its registers; deleting a register row is the webmasters' call
REGISTER_ACTIONS = ("add", "change", "view")
ADMIN_ACCESS = ("wagtailadmin", "access_admin")

WEBMASTER_GROUP = "信息公开管理员"
WEBMASTER_PAGE_ACTIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "bulk_delete_page",
)


def _permissions(pairs: list[tuple[str, str]]) -> list[Permission]:
    wanted = set(pairs)
    found = Permission.objects.filter(
        content_type__app_label__in={app for app, _ in wanted},
        codename__in={codename for _, codename in wanted},
    ).select_related("content_type")
    return [p for p in found if (p.content_type.app_label, p.codename) in wanted]


def model_permissions(role: str) -> list[Permission]:
    """The model permissions of a role's group: admin access, and the registers for handlers."""
    pairs = [ADMIN_ACCESS]
    if role in REGISTER_ROLES:
        pairs += [
            ("disclosure", f"{action}_{model}")
            for model in REGISTER_MODELS
            for action in REGISTER_ACTIONS
        ]
    return _permissions(pairs)


def disclosure_roots() -> list[Page]:
    """The pages below which units publish: every 政府信息公开 index."""
    from ..models import DisclosureIndexPage

    return list(DisclosureIndexPage.objects.order_by("path"))


def sync_page_permissions(group: Group, actions: tuple[str, ...], roots: list[Page]) -> None:
    """Make ``group`` hold exactly ``actions`` on ``roots`` (and no other page permission)."""
    permissions = _permissions([("wagtailcore", action) for action in actions])
    wanted = {(root.pk, perm.pk) for root in roots for perm in permissions}
    held = set(
        GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission_id")
    )
    for page_id, permission_id in held - wanted:
        GroupPagePermission.objects.filter(
            group=group, page_id=page_id, permission_id=permission_id
        ).delete()
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page_id=page_id, permission_id=permission_id)
        for page_id, permission_id in wanted - held
    )


@transaction.atomic
def sync_role_group(unit_group: UnitGroup, roots: list[Page] | None = None) -> None:
    """Give a unit's role group the permissions of its role, and only those."""
    group = unit_group.group
    group.permissions.set(model_permissions(unit_group.role))
    roots = disclosure_roots() if roots is None else roots
    sync_page_permissions(group, PAGE_ACTIONS[unit_group.role], roots)


@transaction.atomic
def ensure_webmaster_group() -> Group:
    """The district office's webmasters (管理员): every unit, every page, every register."""
    group, _created = Group.objects.get_or_create(name=WEBMASTER_GROUP)
    pairs = [ADMIN_ACCESS, ("disclosure", "manage_all_units")]
    pairs += [
        ("disclosure", f"{action}_{model}")
        for model in REGISTER_MODELS
        for action in (*REGISTER_ACTIONS, "delete")
    ]
    # adding a unit and its people (公开单位, then Wagtail's 用户 admin)
    pairs += [("disclosure", f"{action}_disclosureunit") for action in ("add", "change", "view")]
    pairs += [("auth", f"{action}_user") for action in ("add", "change", "view")]
    group.permissions.set(_permissions(pairs))
    sync_page_permissions(group, WEBMASTER_PAGE_ACTIONS, disclosure_roots())
    return group
