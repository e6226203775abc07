"""Panels of the admin's home page, for webmasters: the scheduler in red when it stopped,
and the monitoring summary with its links and the catalogue downloads."""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.admin.ui.components import Component

from ..unit_access import is_webmaster
from . import heartbeat, monitoring


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

    def __init__(self, report: monitoring.Report, status: heartbeat.HeartbeatStatus):
        self.report, self.status = report, status

    def get_context_data(self, parent_context=None):
        return {
            "report": self.report,
            "counts": self.report.counts,
            "heartbeat": self.status,
            "stale_minutes": _minutes(heartbeat.STALE_AFTER),
        }


def _minutes(delta) -> int:
    return int(delta.total_seconds() // 60)


def home_panels(request: HttpRequest) -> list[Component]:
    if not is_webmaster(request.user):
        return []
    status = heartbeat.status()
    panels: list[Component] = [MonitoringPanel(monitoring.public_report(), status)]
    if status.is_stale:
        panels.insert(0, SchedulerStoppedPanel(status))
    return panels
