"""Admin views of the yearly report cycle: where each unit stands (年报报送), submitting a
unit's report, returning it, and the check that the units add up to the district."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..unit_access import is_webmaster, user_units
from . import cycle


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("退回理由"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": gettext_lazy("请填写退回理由。")},
    )


def _year(request: HttpRequest, year: int | None) -> int:
    return year or timezone.localdate().year - 1  # in January the work is last year's report


def overview(request: HttpRequest, year: int | None = None) -> HttpResponse:
    from ..models import AnnualReportPage

    year = _year(request, year)
    units = list(user_units(request.user))
    if not units:
        raise PermissionDenied
    webmaster = is_webmaster(request.user)
    rows = cycle.progress(year, units)
    district = None
    if webmaster:
        today = timezone.localdate()
        deadline = cycle.district_deadline(year)
        district = {
            "report": AnnualReportPage.objects.filter(year=year, unit__isnull=True).first(),
            "deadline": deadline,
            "days_left": (deadline - today).days,
        }
    counts = {status: 0 for status in cycle.CycleStatus}
    for row in rows:
        counts[row.status] += 1
    return TemplateResponse(
        request,
        "disclosure/admin/report_cycle.html",
        {
            "year": year,
            "rows": rows,
            "district": district,
            "webmaster": webmaster,
            "counts": [(status.label, counts[status]) for status in cycle.CycleStatus],
            "years": range(timezone.localdate().year, timezone.localdate().year - 5, -1),
        },
    )


def _unit_report(page_id: int):
    from ..models import AnnualReportPage

    return get_object_or_404(AnnualReportPage.objects.filter(unit__isnull=False), pk=page_id)


def submit(request: HttpRequest, page_id: int) -> HttpResponse:
    report = _unit_report(page_id)
    if not cycle.can_submit(request.user, report):
        raise PermissionDenied
    if request.method == "POST":
        try:
            cycle.submit(report, request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("年报已报送区政府信息公开工作主管部门。"))
        return redirect("disclosure_report_cycle:year", report.year)
    return TemplateResponse(
        request,
        "disclosure/admin/report_cycle_submit.html",
        {"report": report, "checks": report.get_latest_revision_as_object().live_report().checks},
    )


def return_report(request: HttpRequest, page_id: int) -> HttpResponse:
    if not is_webmaster(request.user):
        raise PermissionDenied
    report = _unit_report(page_id)
    submission = getattr(report, "submission", None)
    if submission is None:
        messages.error(request, _("该年报尚未报送。"))
        return redirect("disclosure_report_cycle:year", report.year)
    form = ReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cycle.return_submission(submission, request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("已退回，单位修改后可重新报送。"))
            return redirect("disclosure_report_cycle:year", report.year)
    return TemplateResponse(
        request,
        "disclosure/admin/report_cycle_return.html",
        {"report": report, "submission": submission, "form": form},
    )


def consistency(request: HttpRequest, year: int) -> HttpResponse:
    from ..models import DisclosureUnit

    if not is_webmaster(request.user):
        raise PermissionDenied
    differences = cycle.unit_sum_differences(year, DisclosureUnit.objects.all())
    return TemplateResponse(
        request,
        "disclosure/admin/report_cycle_consistency.html",
        {
            "year": year,
            "differences": differences,
            "back": reverse("disclosure_report_cycle:year", args=[year]),
        },
    )
