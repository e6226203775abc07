"""年报: the annual report page, live while a draft, frozen on publication."""

import logging
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from ..forms import AnnualReportPageForm
from ..permissions.page_mixins import UnitScopedPermissionsMixin
from ..reports.panels import FrozenFiguresPanel, UnitSubmissionsPanel
from ..routing import RoutedAncestorsMixin, breadcrumbs
from .cleaning import CleanTextMixin

logger = logging.getLogger(__name__)

# The parts of the report data whose change makes a frozen report out of date.
COMPARED_SECTIONS = ("overview", "table_a", "table_b", "table_c")


class AnnualReportPage(
    UnitScopedPermissionsMixin, RoutedAncestorsMixin, CleanTextMixin, RoutablePageMixin, Page
):
    """政府信息公开工作年度报告 of one year, for one unit or (blank) the whole district."""

    page_cache_extra_tags = ["catalogue"]  # its figures sum up the whole catalogue

    year = models.PositiveIntegerField(
        _("年度"), validators=[MinValueValidator(2008), MaxValueValidator(2100)]
    )
    unit = models.ForeignKey(
        "disclosure.DisclosureUnit",
        verbose_name=_("单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="annual_reports",
        help_text=_("留空为全区汇总（区政府年报）。"),
    )
    overview_text = RichTextField(
        _("一、总体情况（补充内容）"),
        blank=True,
        help_text=_("自动生成的统计段落之后显示。"),
    )
    problems_text = RichTextField(_("五、存在的主要问题及改进情况"), blank=True)
    other_text = RichTextField(
        _("六、其他需要报告的事项"),
        blank=True,
        help_text=_("信息处理费收取情况由依申请公开登记自动生成，显示在本段之前。"),
    )
    contact = models.CharField(
        _("联系方式"),
        max_length=300,
        blank=True,
        help_text=_(
            "报告开头“如对本报告有疑问，请与……联系”括号内的内容：地址、邮编、电话、电子邮箱。"
        ),
    )
    frozen_figures = models.JSONField(_("发布时冻结的数据"), null=True, blank=True, editable=False)
    frozen_at = models.DateTimeField(_("冻结时间"), null=True, blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("year"), FieldPanel("unit")]),
        FieldPanel("contact"),
        FrozenFiguresPanel(heading=_("年报数据")),
        MultiFieldPanel(
            [FieldPanel("overview_text"), FieldPanel("problems_text"), FieldPanel("other_text")],
            heading=_("文字部分"),
        ),
        UnitSubmissionsPanel(heading=_("各单位报送的年报")),
    ]
    parent_page_types = ["disclosure.DisclosureColumnPage"]
    subpage_types: list[str] = []
    template = "disclosure/annual_report_page.html"
    base_form_class = AnnualReportPageForm

    class Meta:
        verbose_name = _("年报")
        verbose_name_plural = _("年报")

    def clean(self) -> None:
        super().clean()
        duplicates = AnnualReportPage.objects.filter(year=self.year, unit=self.unit)
        if self.pk:
            duplicates = duplicates.exclude(pk=self.pk)
        if self.year and duplicates.exists():
            raise ValidationError({"year": _("该单位本年度的年报已存在。")})

    # --- figures -----------------------------------------------------------------------

    def live_report(self):
        """The live figures and checks; soft rules compare with last year's published report
        (its frozen figures) when there is one, else with last year's live figures."""
        from ..statistics import figures_from_data, report

        last = (
            AnnualReportPage.objects.live()
            .filter(year=self.year - 1, unit=self.unit, frozen_figures__isnull=False)
            .values_list("frozen_figures", flat=True)
            .first()
        )
        return report(
            self.year,
            self.unit,
            section_six_text=self.section_six_text(),
            previous=figures_from_data(last) if last else None,
        )

    def section_six_text(self) -> str:
        """The text of 六 as published: the automatic fee sentence, then the editors' text.

        The fee sentence always names 信息处理费, so soft rule 8 is met on a report page.
        """
        from ..reports.layout import FEE_SENTENCE

        return FEE_SENTENCE + str(self.other_text or "")

    def live_figures(self) -> dict:
        from ..statistics import report_data

        return report_data(self.live_report())

    @property
    def is_frozen(self) -> bool:
        return self.frozen_figures is not None

    def figures(self) -> dict:
        """What the page shows: the frozen figures once published, live figures before."""
        return self.frozen_figures if self.is_frozen else self.live_figures()

    def changed_sections(self) -> list[str]:
        """The sections whose live figures differ from the frozen ones (empty if not frozen)."""
        if not self.is_frozen:
            return []
        live = self.live_figures()
        return [s for s in COMPARED_SECTIONS if live.get(s) != self.frozen_figures.get(s)]

    def freeze(self, data: dict | None = None) -> None:
        """Store the current live figures; refuse if a hard consistency rule fails."""
        from ..statistics import report_data

        if data is None:
            rep = self.live_report()
            if rep.hard_failures:
                raise ValidationError(hard_failure_message(rep.hard_failures))
            data = report_data(rep)
        self.frozen_figures = data
        self.frozen_at = timezone.now()

    def plain_texts(self) -> dict[str, list[str]]:
        """The editable sections as plain paragraphs, for DOCX and PDF."""
        from html import unescape

        from django.utils.html import strip_tags

        def paragraphs(html) -> list[str]:
            parts = str(html or "").replace("</p>", "\n").split("\n")
            return [text for part in parts if (text := unescape(strip_tags(part)).strip())]

        return {
            "overview": paragraphs(self.overview_text),
            "problems": paragraphs(self.problems_text),
            "other": paragraphs(self.other_text),
        }

    def unit_name(self) -> str:
        from ..reports.layout import DISTRICT_NAME

        return self.unit.name if self.unit else DISTRICT_NAME

    def preamble(self, request=None) -> list[str]:
        from ..reports.layout import preamble_paragraphs

        return preamble_paragraphs(
            self.figures(),
            unit_name=self.unit_name(),
            url=unquote(self.get_full_url(request) or ""),  # readable: Chinese, not %E6…
            contact=self.contact,
        )

    def document_meta(self, request=None) -> dict:
        """What DOCX and PDF need beyond the figures: the preamble and the author."""
        return {"preamble": self.preamble(request), "author": self.unit_name()}

    # --- page lifecycle ------------------------------------------------------------------

    def save(self, *args, **kwargs):
        # Not while the admin saves a page scheduled to go live later: it freezes then.
        scheduled = bool(self.go_live_at and self.go_live_at > timezone.now())
        freezing = (
            self.live and not scheduled and not self.is_frozen and not kwargs.get("update_fields")
        )
        if freezing:
            try:
                self.freeze()
            except ValidationError as error:
                if self.go_live_at is None:
                    raise
                # Scheduled publication (publish_scheduled): raising would stop every other
                # scheduled page of the run, so the report stays an unpublished draft.
                logger.warning("年报 %s 未发布：%s", self.pk, error.messages[0])
                self.live, self.has_unpublished_changes = False, True
                self.live_revision = None
                freezing = False
        result = super().save(*args, **kwargs)
        if freezing and self.live_revision_id:
            # Keep the frozen figures with the published revision as well.
            revision = self.live_revision
            revision.content["frozen_figures"] = self.frozen_figures
            revision.content["frozen_at"] = self.frozen_at.isoformat()
            revision.save(update_fields=["content"])
        return result

    def with_content_json(self, content):
        # A draft saved before publication has no frozen figures: keep the page's, so that
        # publishing a text correction never silently replaces the published figures.
        obj = super().with_content_json(content)
        if obj.frozen_figures is None:
            obj.frozen_figures = self.frozen_figures
            obj.frozen_at = self.frozen_at
        return obj

    @path("export/<str:fmt>/")
    def export(self, request, fmt: str):
        """Download the report (the same figures as the page) as JSON, XLSX, DOCX or PDF."""
        from ..reports.exports import CONTENT_TYPES, EXPORTERS, available_formats

        if fmt not in available_formats():
            raise Http404
        content = EXPORTERS[fmt](
            self.figures(), self.title, self.plain_texts(), self.document_meta(request)
        )
        response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="report-{self.year}.{fmt}"'
        return response

    def get_context(self, request, *args, **kwargs):
        from ..reports.exports import available_formats
        from ..reports.layout import report_context

        context = super().get_context(request, *args, **kwargs)
        context.update(report_context(self.figures()))
        context["preamble"] = self.preamble(request)
        context["export_formats"] = available_formats()
        context["breadcrumbs"] = breadcrumbs(self)
        if self.unit_id is None:
            context["unit_reports"] = self.public_unit_reports()
        return context

    def public_unit_reports(self):
        """The district report lists the units' reports of its year that the public may see."""
        from ..visibility import public_pages

        reports = AnnualReportPage.objects.filter(year=self.year, unit__isnull=False)
        return (
            public_pages(reports).select_related("unit").order_by("unit__sort_order", "unit__name")
        )


def hard_failure_message(failures) -> str:
    rules = "；".join(f"{r.code}. {r.rule}（{'；'.join(r.problems)}）" for r in failures)
    return str(_("年报数据未通过硬性核对规则，不能发布：%(rules)s")) % {"rules": rules}
