from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from . import columns
from .form_fields import BoundedModelChoiceField

# the 政策解读 filter of listings and search: every 解读, or one 解读形式
ALL_INTERPRETATIONS = "all"


def interpretation_choices() -> list[tuple[str, str]]:
    from .models import InterpretationKind

    return [
        ("", _("全部")),
        (ALL_INTERPRETATIONS, _("只看政策解读")),
        *InterpretationKind.choices,
    ]


def interpretation_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("政策解读"),
        required=False,
        choices=interpretation_choices,
        error_messages={"invalid_choice": _("所选解读类型不存在，已忽略。")},
    )


class ColumnPageForm(WagtailAdminPageForm):
    """Admin form of a column: refuses a fourth level with a clear error before saving."""

    def clean(self):
        cleaned_data = super().clean()
        if self.parent_page is not None and not self.instance.pk:
            error = columns.too_deep_error(self.parent_page)
            if error:
                self.add_error(None, error)
        return cleaned_data


class DocumentPageForm(WagtailAdminPageForm):
    """Admin form of a document: a new document starts with its column's default unit."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if parent_page is not None and not self.instance.pk and "unit" in self.fields:
            unit = columns.default_unit_for(parent_page)
            if unit is not None:
                self.initial["unit"] = self.initial.get("unit") or unit.pk
        from .permissions.documents import scope_unit_field

        scope_unit_field(self)  # only the user's own units (webmasters: every unit)

    def clean(self):
        from .models.interpretations import link_errors

        cleaned_data = super().clean()
        formset = self.formsets.get("interpreted_documents")
        if formset is None or not formset.is_valid():
            return cleaned_data
        originals = [
            form.cleaned_data["original"].pk
            for form in formset.forms
            if form.cleaned_data.get("original") and not form.cleaned_data.get("DELETE")
        ]
        errors = link_errors(
            cleaned_data.get("genre", ""),
            cleaned_data.get("interpretation_kind", ""),
            self.instance.pk,
            originals,
        )
        for field, message in errors.items():
            self.add_error(field, message)
        return cleaned_data


class DocumentFilterForm(forms.Form):
    """Filters of a column listing; GET parameters, so every filtered view is bookmarkable."""

    year = forms.TypedChoiceField(label=_("年份"), coerce=int, required=False, empty_value=None)
    unit = BoundedModelChoiceField(
        label=_("发布机构"), queryset=None, required=False, empty_label=_("全部")
    )
    topic = BoundedModelChoiceField(
        label=_("主题分类"), queryset=None, required=False, empty_label=_("全部")
    )
    validity = forms.ChoiceField(label=_("有效性"), required=False)
    interpretation = interpretation_field()

    def __init__(self, data, *, years: list[int], interpretations: bool = True):
        from .models import DisclosureUnit, Topic, Validity

        super().__init__(data)
        self.fields["year"].choices = [("", _("全部"))] + [(y, str(y)) for y in years]
        self.fields["unit"].queryset = DisclosureUnit.objects.all()
        self.fields["topic"].queryset = Topic.objects.select_related("parent").order_by(
            "parent__sort_order", "sort_order", "pk"
        )
        self.fields["validity"].choices = [("", _("全部"))] + list(Validity.choices)
        if not interpretations:  # a column without any 解读 offers no such filter
            del self.fields["interpretation"]

    def filters(self) -> dict:
        """The valid, non-empty filters; an invalid value is ignored, not an error page."""
        self.is_valid()
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if value not in (None, "")
        }


class AnnualReportPageForm(WagtailAdminPageForm):
    """Admin form of a 年报: a unit's people write only their own units' reports; the
    district report (no unit) is the webmasters'."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import DisclosureUnit
        from .permissions.pages import unit_ids
        from .permissions.roles import EDITING_ROLES
        from .unit_access import is_webmaster

        field = self.fields.get("unit")
        user = getattr(self, "for_user", None)
        if field is None or user is None or is_webmaster(user):
            return
        allowed = unit_ids(user, EDITING_ROLES)
        field.queryset = DisclosureUnit.objects.filter(pk__in=allowed)
        field.required = True
        field.help_text = _("本单位的年度报告；全区汇总年报由管理员编写。")
        if not self.instance.pk and len(allowed) == 1:
            self.initial["unit"] = next(iter(allowed))
