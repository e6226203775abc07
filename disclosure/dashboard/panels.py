"""Panels of the admin's home page, for webmasters: the scheduler in red when it stopped,
and the monitoring summary with its links and the catalogue downloads."""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.admin.ui.components import Component

from ..unit_access import is_webmaster
from . import heartbeat
from .summary import Summary, cached_summary


class SchedulerStoppedPanel(Component):
    name = "disclosure_scheduler_stopped"
    order = 5  # first: scheduled documents are not going live or offline
    template_name = "disclosure/dashboard/scheduler_panel.html"

    def __init__(self, status: heartbeat.HeartbeatStatus):
        self.status = status

    def get_context_data(self, parent_context=None):
        return {"heartbeat": self.status, "stale_minutes": _minutes(heartbeat.STALE_AFTER)}


class MonitoringPanel(Component):
    name = "disclosure_monitoring"
    order = 90
    template_name = "disclosure/dashboard/monitoring_panel.html"

    def __init__(self, summary: Summary, status: heartbeat.HeartbeatStatus):
        self.summary, self.status = summary, status

    def get_context_data(self, parent_context=None):
        return {
            "summary": self.summary,
            "counts": self.summary.counts,
            "heartbeat": self.status,
            "stale_minutes": _minutes(heartbeat.STALE_AFTER),
        }


def _minutes(delta) -> int:
    return int(delta.total_seconds() // 60)


def home_panels(request: HttpRequest) -> list[Component]:
    if not is_webmaster(request.user):
        return []
    status = heartbeat.status()
    panels: list[Component] = [MonitoringPanel(cached_summary(), status)]
    if status.is_stale:
        panels.insert(0, SchedulerStoppedPanel(status))
    return panels
