"""The admin home page's panel for handlers: due soon, overdue and paused, by unit."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from ...models import UnitRole
from ...unit_access import user_units
from .queries import counts_by_unit, visible_requests


class RequestDeadlinesPanel(Component):
    name = "disclosure_request_deadlines"
    order = 30
    template_name = "disclosure/admin/requests/panel.html"

    def __init__(self, rows: list[dict]):
        self.rows = rows

    def get_context_data(self, parent_context=None):
        totals = {
            key: sum(row[key] for row in self.rows)
            for key in ("open", "due_soon", "overdue", "paused")
        }
        return {
            "rows": self.rows,
            "totals": totals,
            "list_url": reverse("disclosure_requests:list"),
        }


def request_deadlines_panel(request: HttpRequest) -> RequestDeadlinesPanel | None:
    """For handlers and webmasters: one query over the stored deadlines."""
    if not user_units(request.user, UnitRole.HANDLER).exists():
        return None
    return RequestDeadlinesPanel(
        counts_by_unit(visible_requests(request.user), timezone.localdate())
    )
