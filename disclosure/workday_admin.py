"""信息公开 → 节假日与调休: the staff's table of holidays and make-up working days
(``models.WorkdayOverride``), a bulk entry of a year's State Council notice, and the home
panel that warns of years whose deadlines are counted Monday–Friday for lack of data."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.components import Component
from wagtail_modeladmin.options import ModelAdmin

from .conf import get_setting
from .models import WorkdayOverride, workday_calendar
from .requests.holiday_text import Entry, HolidayTextError, parse_holiday_text

WEEKDAYS = "一二三四五六日"
INDEX_URL_NAME = "disclosure_workdayoverride_modeladmin_index"
BULK_PERMISSIONS = ("disclosure.add_workdayoverride", "disclosure.change_workdayoverride")
WARNED_PERMISSIONS = (
    "disclosure.view_workdayoverride",
    "disclosure.add_workdayoverride",
    "disclosure.change_workdayoverride",
    "disclosure.view_informationrequest",
    "disclosure.add_informationrequest",
    "disclosure.change_informationrequest",
)


class WorkdayOverrideAdmin(ModelAdmin):
    model = WorkdayOverride
    menu_label = gettext_lazy("节假日与调休")
    menu_icon = "date"
    list_display = ("date", "weekday", "is_workday", "name", "note")
    list_filter = ("is_workday", "date")
    search_fields = ("name", "note")
    ordering = ("-date",)
    index_template_name = "disclosure/admin/workday_index.html"

    def weekday(self, obj: WorkdayOverride) -> str:
        return _("周") + WEEKDAYS[obj.date.weekday()]

    weekday.short_description = gettext_lazy("星期")


class BulkEntryForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("放假安排"),
        widget=forms.Textarea(attrs={"rows": 14, "placeholder": "2027-01-01..2027-01-03 元旦 休"}),
        max_length=20_000,
        help_text=gettext_lazy(
            "每行一项：日期或日期范围（用“..”或“至”连接）、节日名称、“休”或“班”。"
            "例如“2027-01-01..2027-01-03 元旦 休”“2027-02-07 春节 班”。以 # 开头的行不录入。"
        ),
    )
    note = forms.CharField(
        label=gettext_lazy("备注"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("写入每一条，例如放假通知的标题或文号。"),
    )
    replace_years = forms.BooleanField(
        label=gettext_lazy("先删除所涉年份已有的条目"),
        required=False,
        help_text=gettext_lazy("按新的通知重新录入整年时勾选；不勾选则只新增或改写所填日期。"),
    )

    def clean_text(self) -> list[Entry]:
        try:
            return parse_holiday_text(self.cleaned_data["text"])
        except HolidayTextError as error:
            raise forms.ValidationError(error.errors) from None


@transaction.atomic
def save_entries(entries: list[Entry], note: str, replace_years: bool) -> tuple[int, list[int]]:
    """Write the entries (all or nothing); the number written and the years touched."""
    years = sorted({entry.date.year for entry in entries})
    if replace_years:
        WorkdayOverride.objects.filter(date__year__in=years).delete()
    for entry in entries:
        row = WorkdayOverride.objects.filter(date=entry.date).first() or WorkdayOverride(
            date=entry.date
        )
        row.is_workday, row.name, row.note = entry.is_workday, entry.name, note
        row.full_clean()
        row.save()
    return len(entries), years


def bulk_entry(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perms(BULK_PERMISSIONS):
        raise PermissionDenied
    form = BulkEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["replace_years"] and not request.user.has_perm("disclosure.delete_workdayoverride"):
            form.add_error("replace_years", _("您没有删除条目的权限，不能替换整年。"))
        else:
            count, years = save_entries(data["text"], data["note"], data["replace_years"])
            messages.success(
                request,
                _("已保存%(count)d条节假日与调休（%(years)s年）。")
                % {"count": count, "years": "、".join(map(str, years))},
            )
            return redirect(INDEX_URL_NAME)
    return TemplateResponse(
        request,
        "disclosure/admin/workday_bulk.html",
        {"form": form, "index_url": reverse(INDEX_URL_NAME)},
    )


def unconfirmed_years_ahead(today: datetime.date | None = None) -> list[int]:
    """The years from today to ``DISCLOSURE_WORKDAY_HORIZON_DAYS`` ahead with neither the
    library's nor the table's holidays: deadlines there are counted Monday–Friday."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=get_setting("DISCLOSURE_WORKDAY_HORIZON_DAYS"))
    return workday_calendar().unconfirmed_years(today, horizon)


class UnconfirmedYearsPanel(Component):
    """On the admin's home page: years whose request deadlines are provisional."""

    name = "disclosure_unconfirmed_workday_years"
    order = 20
    template_name = "disclosure/admin/workday_years_panel.html"

    def __init__(self, years: list[int], can_enter: bool):
        self.years, self.can_enter = years, can_enter

    def get_context_data(self, parent_context=None):
        return {
            "years": "、".join(map(str, self.years)),
            "bulk_url": reverse("disclosure_workdays_bulk") if self.can_enter else "",
        }


def unconfirmed_years_panel(request: HttpRequest) -> UnconfirmedYearsPanel | None:
    user = request.user
    if not any(user.has_perm(perm) for perm in WARNED_PERMISSIONS):
        return None
    if not (years := unconfirmed_years_ahead()):
        return None
    return UnconfirmedYearsPanel(years, user.has_perms(BULK_PERMISSIONS))
