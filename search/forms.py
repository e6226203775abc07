"""The search page's GET parameters: every search, filtered or not, is a bookmarkable URL."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from disclosure.models import (
    DisclosureColumnPage,
    DisclosureDocumentPage,
    DisclosureUnit,
    ReportCategory,
    Topic,
    Validity,
)

# 文件类型 arrives with another issue; the filter appears as soon as the model has this field.
FILE_TYPE_FIELD = "document_type"

SORT_CHOICES = [("relevance", _("相关度")), ("date", _("发布日期"))]


def file_type_field():
    try:
        return DisclosureDocumentPage._meta.get_field(FILE_TYPE_FIELD)
    except Exception:  # noqa: BLE001 - FieldDoesNotExist: the field is not there yet
        return None


class SearchForm(forms.Form):
    q = forms.CharField(label=_("关键词"), required=False, max_length=200)
    column = forms.ModelChoiceField(
        label=_("栏目"), queryset=DisclosureColumnPage.objects.none(), required=False
    )
    unit = forms.ModelChoiceField(
        label=_("发布机构"), queryset=DisclosureUnit.objects.none(), required=False
    )
    topic = forms.ModelChoiceField(
        label=_("主题分类"), queryset=Topic.objects.none(), required=False
    )
    category = forms.ModelChoiceField(
        label=_("统计类别"), queryset=ReportCategory.objects.none(), required=False
    )
    year_from = forms.IntegerField(label=_("发布年份自"), required=False, min_value=1949)
    year_to = forms.IntegerField(label=_("至"), required=False, max_value=2999)
    validity = forms.ChoiceField(label=_("有效性"), required=False)
    sort = forms.ChoiceField(label=_("排序"), choices=SORT_CHOICES, required=False)

    def __init__(self, data) -> None:
        super().__init__(data)
        self.fields["column"].queryset = DisclosureColumnPage.objects.live().public()
        self.fields["unit"].queryset = DisclosureUnit.objects.all()
        self.fields["topic"].queryset = Topic.objects.all()
        self.fields["category"].queryset = ReportCategory.objects.all()
        self.fields["validity"].choices = [("", _("全部"))] + list(Validity.choices)
        if (field := file_type_field()) is not None:
            choices = list(field.choices or [])
            self.fields["file_type"] = forms.ChoiceField(
                label=_("文件类型"), required=False, choices=[("", _("全部"))] + choices
            )

    def values(self) -> dict:
        """The valid, non-empty parameters; an invalid one is ignored, never an error page."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        values = {k: v for k, v in cleaned.items() if v not in (None, "")}
        values["q"] = (values.get("q") or "").strip()
        values.setdefault("sort", "relevance")
        return values
