"""The editor's view of an annual report's figures: live or frozen, checks, refresh offer."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class FrozenFiguresPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "disclosure/admin/frozen_figures_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["page"] = page
            context["ready"] = bool(page.pk and page.year)
            if context["ready"]:
                if page.is_frozen:
                    context["changed_sections"] = [
                        SECTION_LABELS[s] for s in page.changed_sections()
                    ]
                else:
                    context["checks"] = page.live_report().checks
            return context


SECTION_LABELS = {
    "overview": _("一、总体情况"),
    "table_a": _("二、主动公开政府信息情况"),
    "table_b": _("三、收到和处理政府信息公开申请情况"),
    "table_c": _("四、政府信息公开行政复议、行政诉讼情况"),
}
