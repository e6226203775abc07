"""The forms a reviewer fills in: the reason of a return, and the 保密审查 form."""

from __future__ import annotations

from django import forms
from django.core.exceptions import BadRequest
from django.utils.translation import gettext_lazy as _

from disclosure.models.review import Conclusion, LegalBasis
from disclosure.text import clean_text, has_words

OPINION_MAX = 2000


class CleanTextField(forms.CharField):
    """Free text without control or invisible characters; punctuation alone is no text."""

    def clean(self, value):
        value = super().clean(clean_text(value or "") if isinstance(value, str) else value)
        if value and not has_words(value):
            raise forms.ValidationError(_("请填写文字内容。"), code="no_words")
        return value


class RejectionForm(forms.Form):
    comment = CleanTextField(
        label=_("退回理由"),
        max_length=OPINION_MAX,
        widget=forms.Textarea({"rows": 3}),
        error_messages={"required": _("请填写退回理由，撰稿人将看到它。")},
    )


class ConfidentialityReviewForm(forms.Form):
    conclusion = forms.ChoiceField(
        label=_("审查结论"),
        choices=Conclusion.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("请选择审查结论。"),
            "invalid_choice": _("审查结论无效，请重新选择。"),
        },
    )
    legal_basis = forms.ChoiceField(
        label=_("不公开依据（《条例》第十四至十六条）"),
        choices=[("", _("无（可以公开）"))] + list(LegalBasis.choices),
        required=False,
        error_messages={"invalid_choice": _("依据无效，请重新选择。")},
    )
    opinion = CleanTextField(
        label=_("审查意见"),
        max_length=OPINION_MAX,
        widget=forms.Textarea({"rows": 4}),
        error_messages={"required": _("请填写审查意见。")},
    )

    def clean(self):
        data = super().clean()
        conclusion, basis = data.get("conclusion"), data.get("legal_basis")
        if conclusion == Conclusion.PUBLIC and basis:
            self.add_error("legal_basis", _("结论为可以公开时不填写不公开依据。"))
        elif conclusion in (Conclusion.PARTIAL, Conclusion.WITHHELD) and not basis:
            self.add_error("legal_basis", _("部分公开或不予公开须写明依据。"))
        return data


def validated(form_class, data: dict) -> dict:
    """``data`` checked by ``form_class``: the edit view passes a workflow modal's data on as
    JSON from the browser, which Wagtail does not check again."""
    if form_class is None:
        return {}
    form = form_class(data={key: value for key, value in data.items() if isinstance(value, str)})
    if not form.is_valid():
        raise BadRequest(
            " ".join(str(error) for errors in form.errors.values() for error in errors)
        )
    return form.cleaned_data
