"""The monitoring view's filters (GET): 发布机构, the 未更新 threshold, problems only."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import DisclosureUnit
from . import monitoring

MAX_THRESHOLD_DAYS = 3650


class MonitoringFilterForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("发布机构"),
        queryset=DisclosureUnit.objects.all(),
        required=False,
        empty_label=_("全部发布机构"),
        error_messages={"invalid_choice": _("请选择列表中的发布机构。")},
    )
    days = forms.IntegerField(
        label=_("超过多少天未更新"),
        min_value=1,
        max_value=MAX_THRESHOLD_DAYS,
        required=False,
        error_messages={
            "invalid": _("请输入整数天数。"),
            "min_value": _("天数至少为 %(limit_value)s。"),
            "max_value": _("天数不能超过 %(limit_value)s。"),
        },
    )
    threshold_note = _(
        "全国政府网站检查：动态、要闻类栏目 2 周，通知公告、政策文件类 6 个月，"
        "人事、规划计划类 1 年未更新即为不合格。"
    )
    problems = forms.BooleanField(label=_("只看有问题的栏目和发布机构"), required=False)

    def filters(self) -> dict:
        """The valid filters, or the defaults for any that are not."""
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "unit": data.get("unit"),
            "days": data.get("days") or monitoring.DEFAULT_THRESHOLD_DAYS,
            "problems": bool(data.get("problems")),
        }
