"""The admin home's "我的任务" panel (``construct_homepage_panels``)."""

from __future__ import annotations

from wagtail.admin.ui.components import Component

from disclosure.unit_access import is_webmaster, user_units

from . import my_tasks


class MyTasksPanel(Component):
    name = "disclosure_my_tasks"
    order = 20  # above Wagtail's own panels (awaiting review is 100)
    template_name = "disclosure/review/my_tasks_panel.html"

    def __init__(self, sections: list[dict]):
        self.sections = sections

    def get_context_data(self, parent_context=None):
        return {"sections": self.sections, "total": sum(s["count"] for s in self.sections)}


def my_tasks_panel(request) -> MyTasksPanel | None:
    """The panel for people of a unit and webmasters; nobody else has tasks here."""
    user = request.user
    if not (is_webmaster(user) or user_units(user).exists()):
        return None
    return MyTasksPanel(my_tasks.summary(user))
