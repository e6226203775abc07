"""信息公开 → 答复文书模板: webmasters edit the wording of the letters (the placeholders
listed in the form) and preview a template as PDF or DOCX filled with invented values."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail_modeladmin.options import ModelAdmin

from ...models import LetterTemplate
from .context import sample_context
from .placeholders import help_text

placeholder_help = lazy(help_text, str)()
PREVIEW_PERMISSIONS = ("disclosure.view_lettertemplate", "disclosure.change_lettertemplate")


class LetterTemplateAdmin(ModelAdmin):
    model = LetterTemplate
    menu_label = _("答复文书模板")
    menu_icon = "doc-full"
    list_display = ("name", "kind", "title", "active", "preview")
    list_filter = ("is_active", "kind")
    search_fields = ("name", "title", "body")
    ordering = ("kind", "sort_order", "pk")
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("is_active"), FieldPanel("sort_order")]),
            ],
            heading=_("类别"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("title", help_text=_("可使用正文说明中列出的占位符。")),
                FieldPanel("number_line"),
                FieldPanel("addressee"),
                FieldPanel("body", help_text=placeholder_help),
                FieldPanel("remedy"),
            ],
            heading=_("文书内容"),
            help_text=_("落款（受理单位名称和答复日期）与附件说明按公文格式自动排在正文之后。"),
        ),
    ]

    def active(self, template: LetterTemplate) -> str:
        return _("启用") if template.is_active else _("停用")

    active.short_description = _("状态")

    def preview(self, template: LetterTemplate) -> str:
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a> · <a href="{}">{}</a>',
            reverse("disclosure_letter_preview", args=[template.pk, "pdf"]),
            _("预览 PDF"),
            reverse("disclosure_letter_preview", args=[template.pk, "docx"]),
            _("下载 DOCX"),
        )

    preview.short_description = _("示例")


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def preview(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    """The template filled with invented values (``sample_context``), as a file."""
    if not any(request.user.has_perm(p) for p in PREVIEW_PERMISSIONS):
        raise PermissionDenied
    if format not in ("pdf", "docx"):
        raise Http404
    template = get_object_or_404(LetterTemplate, pk=pk)
    from .documents import render_docx, render_pdf  # ReportLab and python-docx on use only

    context = sample_context(template.kind)
    if format == "pdf":
        response = HttpResponse(render_pdf(template, context), content_type="application/pdf")
    else:
        response = HttpResponse(render_docx(template, context), content_type=DOCX)
    disposition = "inline" if format == "pdf" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="letter-{template.pk}.{format}"'
    return response


urls = [
    path(
        "disclosure/letter-templates/<int:pk>/preview.<str:format>",
        preview,
        name="disclosure_letter_preview",
    )
]
