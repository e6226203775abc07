from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable

from .cleaning import CleanTextMixin
from .document_pages import DisclosureDocumentPage


class DisclosureAttachment(CleanTextMixin, Orderable):
    page = ParentalKey(DisclosureDocumentPage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("文件"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("附件名称"), max_length=255, blank=True, help_text=_("留空则使用文件标题。")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return self.title or self.document.title
