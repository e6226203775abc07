"""Report-related data that is entered by hand rather than counted."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from ..permissions.page_mixins import UnitScopedPermissionsMixin
from ..routing import RoutedAncestorsMixin, breadcrumbs
from .cleaning import CleanTextMixin


class EnforcementRecord(CleanTextMixin, models.Model):
    """年度执法数据: one unit's decision counts and fee income for one year (Table A)."""

    unit = models.ForeignKey(
        "disclosure.DisclosureUnit",
        verbose_name=_("单位"),
        on_delete=models.PROTECT,
        related_name="enforcement_records",
    )
    year = models.PositiveIntegerField(
        _("年度"), validators=[MinValueValidator(2008), MaxValueValidator(2100)]
    )
    licensing_decisions = models.PositiveIntegerField(_("行政许可处理决定数量"), default=0)
    penalty_decisions = models.PositiveIntegerField(_("行政处罚处理决定数量"), default=0)
    coercion_decisions = models.PositiveIntegerField(_("行政强制处理决定数量"), default=0)
    fee_amount = models.DecimalField(
        _("行政事业性收费金额（万元）"),
        max_digits=14,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("单位为万元，保留两位小数。"),
    )
    notes = models.TextField(_("备注"), blank=True)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    class Meta:
        ordering = ["-year", "unit__sort_order", "unit__name"]
        verbose_name = _("年度执法数据")
        verbose_name_plural = _("年度执法数据")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year"], name="unique_enforcement_per_unit_year"
            ),
            models.CheckConstraint(
                condition=models.Q(fee_amount__gte=0), name="enforcement_fee_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}"


class StatisticsPage(
    UnitScopedPermissionsMixin, RoutedAncestorsMixin, CleanTextMixin, RoutablePageMixin, Page
):
    """公开统计: always-live statistics for a year or quarter, the district or one unit.

    ``?year=2024`` (default: the current year, Beijing time), ``?quarter=3``, ``?unit=CODE``.
    """

    page_cache_extra_tags = ["catalogue"]  # its figures sum up the whole catalogue

    intro = RichTextField(_("说明"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["disclosure.DisclosureColumnPage"]
    subpage_types: list[str] = []
    template = "disclosure/statistics_page.html"

    class Meta:
        verbose_name = _("公开统计")
        verbose_name_plural = _("公开统计")

    @path("download/<str:fmt>/")
    def download(self, request, fmt: str):
        """The figures the page shows for the same parameters, as CSV, XLSX or JSON."""
        from ..reports import statistics_downloads
        from ..reports.statistics_page import selected_overview

        if fmt not in statistics_downloads.FORMATS:
            raise Http404
        _form, result, unit = selected_overview(request)
        response = HttpResponse(
            statistics_downloads.export(fmt, result, unit),
            content_type=statistics_downloads.CONTENT_TYPES[fmt],
        )
        name = statistics_downloads.filename(result, unit, fmt)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    def get_context(self, request, *args, **kwargs):
        from ..reports.statistics_page import statistics_context

        context = super().get_context(request, *args, **kwargs)
        context.update(statistics_context(request, self.get_url(request)))
        context["breadcrumbs"] = breadcrumbs(self)
        return context
