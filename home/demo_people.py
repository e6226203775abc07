"""The demo's unit people: for every unit an editor ``<code>-editor`` (撰稿编辑), a reviewer
``<code>-reviewer`` (审核), a leader ``<code>-leader`` (签发: the chain's 终审) and a request
handler ``<code>-handler`` (依申请公开办理), with the demo password."""

from django.contrib.auth import get_user_model

from disclosure.models import DisclosureUnit
from disclosure.models.unit_groups import UnitRole
from disclosure.permissions.signals import sync_all
from disclosure.unit_access import add_to_unit

DEMO_ROLES = (
    ("editor", UnitRole.EDITOR),
    ("reviewer", UnitRole.REVIEWER),
    ("leader", UnitRole.LEADER),
    ("handler", UnitRole.HANDLER),
)


def ensure_unit_people(password: str) -> list[tuple[str, str, str]]:
    """Create (or reset the password of) each unit's demo people; (username, unit, role)."""
    sync_all()  # groups of units loaded before the groups existed
    User = get_user_model()
    people = []
    for unit in DisclosureUnit.objects.order_by("sort_order", "name"):
        for suffix, role in DEMO_ROLES:
            username = f"{unit.code}-{suffix}"
            user, _ = User.objects.get_or_create(username=username)
            user.first_name = f"{unit.short_name or unit.name}{role.label}"
            user.set_password(password)
            user.save()
            add_to_unit(user, unit, role)
            people.append((username, unit.name, str(role.label)))
    return people
