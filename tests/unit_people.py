"""People of units for the permission tests: one user per role, a webmaster (管理员) who is
no superuser but in the webmasters' group, and the admin form data of a document."""

from django.contrib.auth import get_user_model

from disclosure.permissions.roles import ensure_webmaster_group
from disclosure.unit_access import add_to_unit

ROLES = ("editor", "reviewer", "leader", "handler", "webmaster")
OWNERSHIP = ("own", "other")


def make_person(role: str, unit, name: str | None = None):
    """A fresh active user acting for ``unit`` in ``role`` (or a webmaster)."""
    user = get_user_model().objects.create_user(name or f"{role}-{unit.pk}", password="pw")
    if role == "webmaster":
        user.groups.add(ensure_webmaster_group())
    else:
        add_to_unit(user, unit, role)
    return get_user_model().objects.get(pk=user.pk)  # no permission caches


def log_in(client, role: str, unit):
    """Log ``client`` in as a new person of ``unit`` in ``role``."""
    user = make_person(role, unit)
    client.force_login(user)
    return user


def document_data(unit, title="关于做好年度政府信息公开工作的通知", slug="notice-1", **more):
    """The POST data of the document form (add or edit), as the admin tests fill it."""
    from .test_admin import document_form

    return document_form(unit, title=title, slug=slug, **more)
