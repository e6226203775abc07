"""The catalogue's structure: the 政府信息公开 index and its columns (栏目, at most three
levels below the index)."""

from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .. import columns
from ..forms import ColumnPageForm
from ..permissions.page_mixins import UnitScopedPermissionsMixin
from ..routing import ChainRoutingMixin, RoutedAncestorsMixin
from .choices import DocumentType
from .cleaning import CleanTextMixin
from .expiry import ExpiryAwareMixin


class DisclosureIndexPage(
    UnitScopedPermissionsMixin, ChainRoutingMixin, RoutedAncestorsMixin, CleanTextMixin, Page
):
    """政府信息公开: the root of the disclosure section."""

    intro = RichTextField(_("导语"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["disclosure.DisclosureColumnPage"]
    template = "disclosure/disclosure_index_page.html"

    class Meta:
        verbose_name = _("政府信息公开")
        verbose_name_plural = _("政府信息公开")

    def get_context(self, request, *args, **kwargs):
        from ..listing import column_tree

        context = super().get_context(request, *args, **kwargs)
        context["column_tree"] = column_tree(self)
        return context


class DisclosureColumnPage(
    UnitScopedPermissionsMixin, RoutedAncestorsMixin, CleanTextMixin, ExpiryAwareMixin, Page
):
    """栏目: a node of the disclosure catalogue, at most three levels below the index."""

    intro = RichTextField(_("栏目说明"), blank=True)
    default_report_category = models.ForeignKey(
        "disclosure.ReportCategory",
        verbose_name=_("默认统计类别"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("本栏目及下级栏目中未设置统计类别的信息归入此类。"),
    )
    default_unit = models.ForeignKey(
        "disclosure.DisclosureUnit",
        verbose_name=_("默认发布机构"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    default_document_type = models.CharField(
        _("默认文件类型"),
        max_length=16,
        choices=DocumentType.choices,
        blank=True,
        help_text=_("本栏目及下级栏目中未设置文件类型的信息按此类型统计；留空则沿用上级栏目。"),
    )
    publishing_units = ParentalManyToManyField(
        "disclosure.DisclosureUnit",
        verbose_name=_("开放发布的单位"),
        blank=True,
        related_name="open_columns",
        help_text=_(
            "只有所选单位的人员可在本栏目及下级栏目发布信息；留空则沿用上级栏目，都未设置时所有单位均可发布。"
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("default_report_category"), FieldPanel("default_unit")]),
        FieldPanel("default_document_type"),
        FieldPanel("publishing_units", widget=CheckboxSelectMultiple),
    ]
    parent_page_types = ["disclosure.DisclosureIndexPage", "disclosure.DisclosureColumnPage"]
    subpage_types = [
        "disclosure.DisclosureColumnPage",
        "disclosure.DisclosureDocumentPage",
        "disclosure.StatisticsPage",
        "disclosure.AnnualReportPage",
    ]
    base_form_class = ColumnPageForm
    template = "disclosure/disclosure_column_page.html"

    class Meta:
        verbose_name = _("栏目")
        verbose_name_plural = _("栏目")

    def clean(self) -> None:
        super().clean()
        if self.depth and self.path:
            error = columns.too_deep_error(self.get_parent(), columns.subtree_height(self))
            if error:
                raise error

    def move(self, target, pos=None, user=None) -> None:
        parent = (
            target
            if pos in (None, "first-child", "last-child", "sorted-child")
            else (target.get_parent())
        )
        error = columns.too_deep_error(parent, columns.subtree_height(self))
        if error:
            raise error
        super().move(target, pos=pos, user=user)

    def get_context(self, request, *args, **kwargs):
        from ..listing import column_listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(column_listing_context(self, request))
        return context
