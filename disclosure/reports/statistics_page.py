"""The public statistics page: parameters in, the overview and its charts out."""

from urllib.parse import urlencode

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import caching
from ..conf import get_setting
from ..form_fields import BoundedModelChoiceField
from ..statistics import REPORT_TIMEZONE, overview
from .charts import bar_chart
from .statistics_downloads import FORMATS

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


def selected_overview(request):
    """(form, overview, unit) for the request's parameters; the page and its downloads
    both come through here, so they show the same figures (and share the cached value)."""
    form = StatisticsFilterForm(request.GET or None)
    year, quarter, unit = form.values()
    result = caching.cached_value(
        f"statistics:{year}:{quarter}:{getattr(unit, 'pk', '')}",
        ["catalogue", "site"],
        lambda: overview(year, unit, quarter=quarter),
    )
    return form, result, unit


def _query(year: int, quarter: int | None, unit) -> str:
    params = {"year": year}
    if quarter:
        params["quarter"] = quarter
    if unit is not None:
        params["unit"] = unit.code
    return "?" + urlencode(params)


def period_links(page_url: str, result, unit) -> list[dict]:
    """全年 and the four quarters of the shown year, for the shown unit."""
    year = result.period.year
    links = [{"label": _("全年"), "quarter": None}]
    links += [{"label": _("第%(q)d季度") % {"q": q}, "quarter": q} for q in range(1, 5)]
    for link in links:
        link["url"] = page_url + _query(year, link["quarter"], unit)
        link["current"] = link["quarter"] == result.period.quarter
    return links


def download_links(page_url: str, result, unit) -> list[dict]:
    query = _query(result.period.year, result.period.quarter, unit)
    return [
        {"format": fmt, "label": fmt.upper(), "url": f"{page_url}download/{fmt}/{query}"}
        for fmt in FORMATS
    ]


def statistics_context(request, page_url: str) -> dict:
    form, result, unit = selected_overview(request)
    return {
        "filter_form": form,
        "overview": result,
        "include_restricted": get_setting("DISCLOSURE_STATISTICS_INCLUDE_RESTRICTED"),
        "selected_unit": unit,
        "category_chart": bar_chart(result.by_category),
        "month_chart": bar_chart(result.by_month),
        "period_links": period_links(page_url, result, unit),
        "download_links": download_links(page_url, result, unit),
    }
