"""When scheduled publication last ran, for the admin's home page and ``/healthz``.

``publish_scheduled`` (this app's wrapper of Wagtail's command, which ``run_scheduler`` runs
every minute and cron may run directly) records each successful run in one database row.
Five minutes without a run means scheduled documents are not going live or offline.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

KEY = "publish_scheduled"
STALE_AFTER = timedelta(minutes=5)


@dataclass(frozen=True)
class HeartbeatStatus:
    last_run_at: datetime | None
    source: str = ""
    host: str = ""
    now: datetime | None = None

    @property
    def never_ran(self) -> bool:
        return self.last_run_at is None

    @property
    def seconds_since(self) -> float | None:
        if self.last_run_at is None:
            return None
        return max(0.0, (self.now - self.last_run_at).total_seconds())

    @property
    def is_stale(self) -> bool:
        """Never ran, or not within ``STALE_AFTER``: the admin shows it in red."""
        seconds = self.seconds_since
        return seconds is None or seconds >= STALE_AFTER.total_seconds()


def record(source: str, *, now: datetime | None = None) -> None:
    """Note a successful run by ``source`` (``run_scheduler`` or ``publish_scheduled``)."""
    from .models import SchedulerHeartbeat

    values = {
        "last_run_at": now or timezone.now(),
        "source": source,
        "host": socket.gethostname()[:255],
    }
    if SchedulerHeartbeat.objects.filter(key=KEY).update(**values):
        return
    try:
        with transaction.atomic():
            SchedulerHeartbeat.objects.create(key=KEY, **values)
    except IntegrityError:  # another server created it meanwhile
        SchedulerHeartbeat.objects.filter(key=KEY).update(**values)


def status(now: datetime | None = None) -> HeartbeatStatus:
    from .models import SchedulerHeartbeat

    now = now or timezone.now()
    row = SchedulerHeartbeat.objects.filter(key=KEY).first()
    if row is None:
        return HeartbeatStatus(last_run_at=None, now=now)
    return HeartbeatStatus(row.last_run_at, row.source, row.host, now)
