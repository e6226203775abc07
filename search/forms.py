"""The search page's GET parameters: every search, filtered or not, is a bookmarkable URL."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from disclosure.form_fields import BoundedModelChoiceField, CleanCharField
from disclosure.forms import interpretation_field
from disclosure.listing import public_pages
from disclosure.models import (
    DisclosureColumnPage,
    DisclosureDocumentPage,
    DisclosureUnit,
    ReportCategory,
    Topic,
    Validity,
)
from disclosure.text import has_words

# 文件类型 arrives with another issue; the filter appears as soon as the model has this field.
FILE_TYPE_FIELD = "document_type"

SORT_CHOICES = [("relevance", _("相关度")), ("date", _("发布日期"))]


def file_type_field():
    try:
        return DisclosureDocumentPage._meta.get_field(FILE_TYPE_FIELD)
    except Exception:  # noqa: BLE001 - FieldDoesNotExist: the field is not there yet
        return None


MIN_YEAR, MAX_YEAR = 1949, 2999
YEAR_ERRORS = {
    "invalid": _("发布年份须为整数，已忽略。"),
    "min_value": _("发布年份须在 1949 至 2999 之间，已忽略。"),
    "max_value": _("发布年份须在 1949 至 2999 之间，已忽略。"),
}
NO_WORDS = _("请输入要检索的文字、字母或数字：只有标点或空白的关键词无法检索。")


def _choice_errors(message) -> dict:
    return {"invalid_choice": message}


class SearchForm(forms.Form):
    q = CleanCharField(
        label=_("关键词"),
        required=False,
        max_length=200,
        error_messages={"max_length": _("关键词不能超过 200 个字，请缩短后再检索。")},
    )
    column = BoundedModelChoiceField(
        label=_("栏目"),
        queryset=DisclosureColumnPage.objects.none(),
        required=False,
        error_messages=_choice_errors(_("所选栏目不存在或未公开，已忽略。")),
    )
    unit = BoundedModelChoiceField(
        label=_("发布机构"),
        queryset=DisclosureUnit.objects.none(),
        required=False,
        error_messages=_choice_errors(_("所选发布机构不存在，已忽略。")),
    )
    topic = BoundedModelChoiceField(
        label=_("主题分类"),
        queryset=Topic.objects.none(),
        required=False,
        error_messages=_choice_errors(_("所选主题分类不存在，已忽略。")),
    )
    category = BoundedModelChoiceField(
        label=_("统计类别"),
        queryset=ReportCategory.objects.none(),
        required=False,
        error_messages=_choice_errors(_("所选统计类别不存在，已忽略。")),
    )
    year_from = forms.IntegerField(
        label=_("发布年份自"),
        required=False,
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        error_messages=YEAR_ERRORS,
    )
    year_to = forms.IntegerField(
        label=_("至"),
        required=False,
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        error_messages=YEAR_ERRORS,
    )
    validity = forms.ChoiceField(
        label=_("有效性"),
        required=False,
        error_messages=_choice_errors(_("所选有效性不存在，已忽略。")),
    )
    interpretation = interpretation_field()
    sort = forms.ChoiceField(
        label=_("排序"),
        choices=SORT_CHOICES,
        required=False,
        error_messages=_choice_errors(_("排序方式无效，已按相关度排序。")),
    )

    def __init__(self, data) -> None:
        super().__init__(data)
        self.fields["column"].queryset = public_pages(DisclosureColumnPage.objects.all())
        self.fields["unit"].queryset = DisclosureUnit.objects.all()
        self.fields["topic"].queryset = Topic.objects.all()
        self.fields["category"].queryset = ReportCategory.objects.all()
        self.fields["validity"].choices = [("", _("全部"))] + list(Validity.choices)
        if (field := file_type_field()) is not None:
            choices = list(field.choices or [])
            self.fields["file_type"] = forms.ChoiceField(
                label=_("文件类型"),
                required=False,
                choices=[("", _("全部"))] + choices,
                error_messages=_choice_errors(_("所选文件类型不存在，已忽略。")),
            )

    def clean_q(self) -> str:
        query = self.cleaned_data["q"].strip()
        if query and not has_words(query) or not query and self._typed_something("q"):
            raise forms.ValidationError(NO_WORDS, code="no_words")
        return query

    def clean(self):
        cleaned = super().clean()
        year_from, year_to = cleaned.get("year_from"), cleaned.get("year_to")
        if year_from and year_to and year_from > year_to:
            self.add_error(None, _("起始年份不能晚于结束年份，已忽略年份条件。"))
            cleaned.pop("year_from", None)
            cleaned.pop("year_to", None)
        return cleaned

    def _typed_something(self, name: str) -> bool:
        return bool(self.data and str(self.data.get(name, "")))

    def values(self) -> dict:
        """The valid, non-empty parameters: an invalid one is ignored (and explained by
        ``messages``), never an error page."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        values = {k: v for k, v in cleaned.items() if v not in (None, "")}
        values["q"] = values.get("q") or ""
        values.setdefault("sort", "relevance")
        return values

    def messages(self) -> list[str]:
        """Why a parameter was ignored, in the order of the form, each message once."""
        self.is_valid()
        found = [str(m) for name in self.fields for m in self.errors.get(name, [])]
        found += [str(m) for m in self.non_field_errors()]
        return list(dict.fromkeys(found))

    def typed_query(self) -> str:
        """The query as typed (bounded), to give it back in the search box."""
        return str(self.data.get("q", ""))[:200] if self.data else ""
