"""节假日与调休: the staff's own table of holidays and make-up working days.

Entered from the State Council's yearly holiday notice; it takes precedence over the
``chinese-calendar`` package and covers the years the package does not know yet
(``disclosure.requests.workdays``). A year with any entry here counts as entered.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..requests.workdays import WorkdayCalendar
from .cleaning import CleanTextMixin


class WorkdayOverride(CleanTextMixin, models.Model):
    date = models.DateField(_("日期"), unique=True)
    is_workday = models.BooleanField(
        _("是否上班"),
        default=False,
        help_text=_("勾选：该日上班（如调休的周六、周日）；不勾选：该日放假。"),
    )
    name = models.CharField(_("节日"), max_length=40, help_text=_("例如：春节、国庆节。"))
    note = models.CharField(
        _("备注"), max_length=200, blank=True, help_text=_("例如放假通知的文号。")
    )
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("节假日与调休")
        verbose_name_plural = _("节假日与调休")

    def __str__(self) -> str:
        kind = _("上班") if self.is_workday else _("放假")
        return f"{self.date:%Y-%m-%d} {self.name} {kind}"


def workday_calendar() -> WorkdayCalendar:
    """The calendar with the current table (a few dozen rows a year: read whole)."""
    return WorkdayCalendar(dict(WorkdayOverride.objects.values_list("date", "is_workday")))
