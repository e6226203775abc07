"""Wagtail's ``publish_scheduled``, which also records its run (``dashboard.heartbeat``).

Same name, so cron lines and ``call_command("publish_scheduled")`` keep working: Django finds
this command first because ``disclosure`` comes before ``wagtail`` in ``INSTALLED_APPS``.
``run_scheduler`` runs this class directly, whatever that order.
"""

from wagtail.management.commands.publish_scheduled import Command as WagtailPublishScheduled

from disclosure.dashboard import heartbeat


class Command(WagtailPublishScheduled):
    help = "定时发布/下线到期页面，并记录运行时间。Publish and unpublish scheduled pages."
    heartbeat_source = "publish_scheduled"

    def handle(self, *args, **options):
        super().handle(*args, **options)
        if not options.get("dryrun"):  # a dry run changes nothing: it is no run
            heartbeat.record(self.heartbeat_source)
