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


class UnitSubmissionsPanel(Panel):
    """On the district report: the units' submitted narratives, to quote from."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "disclosure/admin/unit_submissions_panel.html"

        def is_shown(self):
            page = self.instance
            return bool(page.pk and page.year and page.unit_id is None)

        def get_context_data(self, parent_context=None):
            from ..models import ReportSubmission

            context = super().get_context_data(parent_context)
            context["submissions"] = (
                ReportSubmission.objects.filter(
                    report__year=self.instance.year, returned_at__isnull=True
                )
                .select_related("report__unit")
                .order_by("report__unit__sort_order", "report__unit__name")
            )
            context["section_labels"] = NARRATIVE_LABELS
            return context


NARRATIVE_LABELS = {
    "overview": _("一、总体情况（补充内容）"),
    "problems": _("五、存在的主要问题及改进情况"),
    "other": _("六、其他需要报告的事项"),
}
