"""The scheduler's heartbeat row (``heartbeat``), imported by ``disclosure.models``.

In the database, not the cache: every app server's admin must see the same time, and a
per-server cache (local memory) would show "never ran" on all servers but the scheduler's.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SchedulerHeartbeat(models.Model):
    """The last successful run of ``publish_scheduled``: one row per ``key``."""

    key = models.CharField(_("名称"), max_length=32, primary_key=True)
    last_run_at = models.DateTimeField(_("上次运行时间"))
    source = models.CharField(_("运行方式"), max_length=32)
    host = models.CharField(_("主机"), max_length=255, blank=True)

    class Meta:
        app_label = "disclosure"
        verbose_name = _("定时发布心跳")
        verbose_name_plural = _("定时发布心跳")

    def __str__(self) -> str:
        return f"{self.key} {self.last_run_at:%Y-%m-%d %H:%M:%S}"
