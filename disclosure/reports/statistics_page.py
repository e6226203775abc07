"""The public statistics page: parameters in, the overview and its charts out."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import caching
from ..conf import get_setting
from ..form_fields import BoundedModelChoiceField
from ..statistics import REPORT_TIMEZONE, overview
from .charts import bar_chart

FIRST_YEAR = 2008  # the first year of the 2007 Regulation's reports


def current_year() -> int:
    return timezone.now().astimezone(REPORT_TIMEZONE).year


class StatisticsFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("年度"), coerce=int, required=False, empty_value=None)
    quarter = forms.TypedChoiceField(
        label=_("季度"),
        coerce=int,
        required=False,
        empty_value=None,
        choices=[("", _("全年"))] + [(q, _("第%(q)d季度") % {"q": q}) for q in range(1, 5)],
    )
    unit = BoundedModelChoiceField(
        label=_("单位"),
        queryset=None,
        required=False,
        empty_label=_("全区"),
        to_field_name="code",
    )

    def __init__(self, data):
        from ..models import DisclosureUnit

        super().__init__(data)
        years = range(current_year(), FIRST_YEAR - 1, -1)
        self.fields["year"].choices = [(y, _("%(y)d年") % {"y": y}) for y in years]
        self.fields["unit"].queryset = DisclosureUnit.objects.order_by("sort_order", "name")

    def values(self) -> tuple[int, int | None, object | None]:
        """(year, quarter, unit); an invalid value falls back to its default, never an error."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        year = cleaned.get("year") if "year" not in self.errors else None
        quarter = cleaned.get("quarter") if "quarter" not in self.errors else None
        unit = cleaned.get("unit") if "unit" not in self.errors else None
        return year or current_year(), quarter, unit


def statistics_context(request) -> dict:
    form = StatisticsFilterForm(request.GET or None)
    year, quarter, unit = form.values()
    result = caching.cached_value(
        f"statistics:{year}:{quarter}:{getattr(unit, 'pk', '')}",
        ["catalogue", "site"],
        lambda: overview(year, unit, quarter=quarter),
    )
    return {
        "filter_form": form,
        "overview": result,
        "include_restricted": get_setting("DISCLOSURE_STATISTICS_INCLUDE_RESTRICTED"),
        "selected_unit": unit,
        "category_chart": bar_chart(result.by_category),
        "month_chart": bar_chart(result.by_month),
    }
