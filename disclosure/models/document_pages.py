"""公开信息: the document page with the standard catalogue metadata (索引号, 发布机构, 文号,
成文日期, 发布日期, 主题分类, 有效性 …), and the short slug a new document gets."""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ..forms import DocumentPageForm
from ..index_numbers import allocate_index_number
from ..number_keys import NumberKey
from ..panels import IndexNumberPanel
from ..permissions.page_mixins import UnitDocumentMixin
from ..routing import RoutedAncestorsMixin, breadcrumbs
from ..validators import validate_doc_number
from .choices import DocumentType, Genre, InterpretationKind, Validity
from .cleaning import CleanTextMixin
from .column_pages import DisclosureColumnPage
from .expiry import ExpiryAwareMixin
from .interpretations import interpretation_errors

SHORT_SLUG_LENGTH = 50


def short_slug(slug: str, parent) -> str:
    """The slug of a new document: as typed if short and ASCII, else ``doc-`` and 8 hex
    digits. The admin derives the slug from the title, and a Chinese title made a 349
    character, percent-encoded URL that changed with every retitled copy."""
    if slug and slug.isascii() and len(slug) <= SHORT_SLUG_LENGTH:
        return slug
    while True:
        candidate = f"doc-{secrets.token_hex(4)}"
        if parent is None or not parent.get_children().filter(slug=candidate).exists():
            return candidate


class DisclosureDocumentPage(
    UnitDocumentMixin, RoutedAncestorsMixin, CleanTextMixin, ExpiryAwareMixin, Page
):
    """公开信息: a disclosed document with the standard catalogue metadata."""

    index_no = models.CharField(
        _("索引号"),
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        help_text=_("首次发布时自动生成，发布后不再改变。"),
    )
    unit = models.ForeignKey(
        "disclosure.DisclosureUnit",
        verbose_name=_("发布机构"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    doc_number = models.CharField(
        _("文号"), max_length=64, blank=True, validators=[validate_doc_number]
    )
    written_date = models.DateField(_("成文日期"), null=True, blank=True)
    publish_date = models.DateTimeField(
        _("发布日期"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("留空则为首次发布的时间；录入历史信息时可填写原发布日期。"),
    )
    topic = models.ForeignKey(
        "disclosure.Topic",
        verbose_name=_("主题分类"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    genre = models.CharField(_("体裁"), max_length=16, choices=Genre.choices, default=Genre.NOTICE)
    validity = models.CharField(
        _("有效性"), max_length=16, choices=Validity.choices, default=Validity.VALID
    )
    repeal_date = models.DateField(_("废止日期"), null=True, blank=True)
    report_category = models.ForeignKey(
        "disclosure.ReportCategory",
        verbose_name=_("统计类别"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("留空则沿用所在栏目的默认统计类别，都未设置时归入“其他”。"),
    )
    document_type = models.CharField(
        _("文件类型"),
        max_length=16,
        choices=DocumentType.choices,
        blank=True,
        help_text=_(
            "规章、行政规范性文件计入年报；留空则沿用所在栏目的默认文件类型，都未设置时为“其他”。"
        ),
    )
    interpretation_kind = models.CharField(
        _("解读形式"),
        max_length=16,
        choices=InterpretationKind.choices,
        blank=True,
        help_text=_("体裁为“解读”的信息：文字、图文或视频解读。"),
    )
    keywords = models.CharField(_("主题词"), max_length=200, blank=True)
    summary = models.TextField(_("内容概述"), blank=True)
    body = RichTextField(_("正文"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                IndexNumberPanel("index_no"),
                FieldRowPanel([FieldPanel("unit"), FieldPanel("doc_number")]),
                FieldRowPanel([FieldPanel("written_date"), FieldPanel("publish_date")]),
                FieldRowPanel([FieldPanel("topic"), FieldPanel("genre")]),
                FieldPanel("interpretation_kind"),
                FieldRowPanel([FieldPanel("validity"), FieldPanel("repeal_date")]),
                FieldRowPanel([FieldPanel("report_category"), FieldPanel("document_type")]),
                FieldPanel("keywords"),
                FieldPanel("summary"),
            ],
            heading=_("目录信息"),
        ),
        FieldPanel("body"),
        InlinePanel("attachments", heading=_("附件"), label=_("附件")),
        InlinePanel(
            "interpreted_documents",
            heading=_("解读的原文"),
            label=_("原文"),
            help_text=_("本信息为政策解读时，选择它所解读的文件；原文页面将显示“相关解读”。"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("keywords"),
        index.SearchField("doc_number"),
        index.SearchField("index_no"),
        index.RelatedFields("attachments", [index.SearchField("display_title")]),
        index.FilterField("unit"),
        index.FilterField("topic"),
        index.FilterField("report_category"),
        index.FilterField("validity"),
        index.FilterField("publish_date"),
        index.FilterField("document_type"),
        index.FilterField("genre"),  # 只看政策解读
        index.FilterField("interpretation_kind"),
        # lets a search engine count matches per column (the search page's facets)
        index.FilterField("column_path"),
    ]
    parent_page_types = ["disclosure.DisclosureColumnPage"]
    subpage_types: list[str] = []
    # a copy is a new document: it gets its own 索引号 and 发布日期 when first published
    exclude_fields_in_copy = ["index_no", "publish_date"]
    base_form_class = DocumentPageForm
    template = "disclosure/disclosure_document_page.html"

    class Meta:
        verbose_name = _("公开信息")
        verbose_name_plural = _("公开信息")
        indexes = [
            # the search page's exact 文号/索引号 lookup (``search.filters``)
            models.Index(NumberKey("doc_number"), name="disclosure_doc_number_key"),
            models.Index(NumberKey("index_no"), name="disclosure_index_no_key"),
            # a unit's newest documents and catalogue pages (``unit_pages``), in listing order
            models.Index(
                fields=["unit", "-publish_date", "-page_ptr"], name="disclosure_doc_unit_newest"
            ),
        ]

    def clean(self) -> None:
        super().clean()
        errors = {}
        repealed = self.validity in (Validity.REPEALED, Validity.EXPIRED)
        if self.validity == Validity.REPEALED and not self.repeal_date:
            errors["repeal_date"] = _("有效性为“废止”时请填写废止日期。")
        if self.repeal_date and not repealed:
            errors["repeal_date"] = _("只有“废止”或“失效”的信息才能填写废止日期。")
        if self.repeal_date and self.written_date and self.repeal_date < self.written_date:
            errors["repeal_date"] = _("废止日期不能早于成文日期。")
        errors.update(interpretation_errors(self))
        errors.update(self.unit_freeze_errors())
        if errors:
            raise ValidationError(errors)

    def full_clean(self, *args, **kwargs) -> None:
        if not self.pk:
            self.slug = short_slug(self.slug, self.get_parent() if self.depth else None)
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs) -> None:
        self._keep_frozen_index_number()
        if self.live and not self.is_scheduled_for_later():
            if self.publish_date is None:
                self.publish_date = self.first_published_at or timezone.now()
            if not self.index_no:
                year = timezone.localtime(self.publish_date).year
                self.index_no = allocate_index_number(self.unit, year)
        super().save(*args, **kwargs)

    def is_scheduled_for_later(self) -> bool:
        # The admin saves a page being published with live=True before Wagtail notices a
        # future go-live time and takes it offline again; that is no publication yet.
        return bool(self.go_live_at and self.go_live_at > timezone.now())

    def _keep_frozen_index_number(self) -> None:
        if not self.index_no:
            self.index_no = None
        if self.pk:
            stored = (
                type(self).objects.filter(pk=self.pk).values_list("index_no", flat=True).first()
            )
            if stored:
                self.index_no = stored

    def with_content_json(self, content):
        # 索引号 and the automatic 发布日期 belong to the page, not to one revision: a draft
        # saved before first publication must not blank them when it is published later.
        obj = super().with_content_json(content)
        obj.index_no = self.index_no or obj.index_no
        if obj.publish_date is None:
            obj.publish_date = self.publish_date
        return obj

    def column_path(self) -> str:
        """The tree path of the column the document is in (its parent page)."""
        return self.path[: -Page.steplen]

    @cached_property
    def effective_report_category(self):
        """Own category, else the nearest column's default, else the fallback (其他)."""
        from .taxonomy import ReportCategory

        if self.report_category_id:
            return self.report_category
        column = (
            DisclosureColumnPage.objects.ancestor_of(self)
            .filter(default_report_category__isnull=False)
            .select_related("default_report_category")
            .order_by("-depth")
            .first()
        )
        if column:
            return column.default_report_category
        return ReportCategory.fallback()

    @cached_property
    def effective_document_type(self) -> str:
        """Own 文件类型, else the nearest column's default, else 其他."""
        if self.document_type:
            return self.document_type
        column = (
            DisclosureColumnPage.objects.ancestor_of(self)
            .exclude(default_document_type="")
            .order_by("-depth")
            .first()
        )
        return column.default_document_type if column else DocumentType.OTHER

    @classmethod
    def routing_queryset(cls):
        """What ``ChainRoutingMixin`` fetches for a document: its page shows the unit and
        the topic with its parent."""
        return cls.objects.select_related("unit", "topic__parent")

    @cached_property
    def page_links(self):
        """Its neighbours in the column and its public 解读 links (``document_page``)."""
        from ..document_page import PageLinks

        return PageLinks(self)

    @property
    def page_cache_extra_tags(self) -> list[str]:
        # the previous/next links change with the column, the 解读 links with the linked pages
        return self.page_links.cache_tags()

    def get_context(self, request, *args, **kwargs):
        from ..document_page import attachment_rows, metadata_rows, share_context

        context = super().get_context(request, *args, **kwargs)
        context["attachments"] = attachment_rows(self.attachments.select_related("document"))
        context["breadcrumbs"] = breadcrumbs(self)
        context["links"] = self.page_links
        context["metadata_rows"] = metadata_rows(self)
        context.update(share_context(self, request))
        return context
