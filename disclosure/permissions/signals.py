"""Keep the unit groups in sync: a saved unit gets (or renames) its role groups with their
permissions; a new disclosure index gives every group its page permissions there; a deleted
unit takes its groups along."""

from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save


def unit_saved(sender, instance, raw=False, **kwargs) -> None:
    from ..unit_access import ensure_unit_groups

    if not raw:  # fixtures: ``sync_unit_groups`` afterwards
        ensure_unit_groups(instance)


def index_saved(sender, instance, created=False, raw=False, **kwargs) -> None:
    if created and not raw:
        sync_all()


def unit_group_deleted(sender, instance, **kwargs) -> None:
    Group.objects.filter(pk=instance.group_id).delete()


def sync_all() -> int:
    """Every unit's groups and the webmasters' group; returns the number of units."""
    from ..models import DisclosureUnit
    from ..unit_access import ensure_unit_groups
    from .roles import disclosure_roots, ensure_webmaster_group

    roots = disclosure_roots()
    units = list(DisclosureUnit.objects.all())
    for unit in units:
        ensure_unit_groups(unit, roots)
    ensure_webmaster_group()
    return len(units)


def connect() -> None:
    from ..models import DisclosureIndexPage, DisclosureUnit
    from ..models.unit_groups import UnitGroup

    post_save.connect(unit_saved, sender=DisclosureUnit, dispatch_uid="disclosure_unit_groups")
    post_save.connect(index_saved, sender=DisclosureIndexPage, dispatch_uid="disclosure_index")
    post_delete.connect(unit_group_deleted, sender=UnitGroup, dispatch_uid="disclosure_ug_del")
