"""Who is a webmaster: the one test every dashboard view, menu item and panel asks.

Per-unit permissions are being added separately; this function is the one place to swap
for theirs."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

MANAGE_ALL_UNITS = "disclosure.manage_all_units"


def is_webmaster(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Superusers, and staff allowed to manage every unit."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.has_perm(MANAGE_ALL_UNITS)
