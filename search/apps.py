from django.apps import AppConfig
from django.db.models.signals import post_save


def _add_name_to_dictionary(sender, instance, **kwargs) -> None:
    from .backends import segment

    segment.add_words([getattr(instance, name, "") for name in ("title", "name", "short_name")])


class SearchConfig(AppConfig):
    name = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from disclosure.models import DisclosureColumnPage, DisclosureUnit, Topic

        # New column, unit and topic names join the segmenter's user dictionary at once.
        for model in (DisclosureColumnPage, DisclosureUnit, Topic):
            post_save.connect(_add_name_to_dictionary, sender=model, dispatch_uid=f"dict-{model}")

        # Adding or removing a view restriction reindexes the pages it covers.
        from . import index_updates, signals

        signals.connect()
        # Elasticsearch hears of a save after its commit, and catches up after an outage.
        index_updates.connect()
