from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    name = "disclosure"
    label = "disclosure"
    verbose_name = _("政府信息公开")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import cache_purge, checks  # noqa: F401 - checks registers the system checks

        cache_purge.connect()
        from .permissions import pages, signals

        pages.register_policy()  # before anything asks Wagtail for a page policy
        signals.connect()
        from .review import defaults, publishing  # noqa: F401 - publishing registers a check

        defaults.connect()  # a new 政府信息公开 index gets the review chain (三审)
        from .review import notifications

        notifications.connect()  # a step's people get Wagtail's "submitted" e-mail
