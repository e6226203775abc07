"""The 党政机关 mark of the portal settings is an image outside Wagtail's reference index:
its replacement or deletion purges every page (the footer shows it everywhere)."""

from django.db.models.signals import post_save, pre_delete
from wagtail.images import get_image_model

from disclosure import cache_purge


def mark_changed(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    from .portal_settings import PortalSettings

    if raw or (update_fields and set(update_fields) <= cache_purge.MEDIA_BOOKKEEPING_FIELDS):
        return
    if PortalSettings.objects.filter(party_mark=instance).exists():
        cache_purge.purge({"site", "catalogue"})


def connect() -> None:
    image_model = get_image_model()
    post_save.connect(mark_changed, sender=image_model, dispatch_uid="portal-mark-saved")
    pre_delete.connect(mark_changed, sender=image_model, dispatch_uid="portal-mark-deleted")
