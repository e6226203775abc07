"""The API's query parameters: validated by a form (Chinese errors), applied to a queryset.

Every parameter is checked before a query runs: an unknown name or a bad value is a 400 with
the form's errors, never a 500 and never silently ignored (an aggregator that misspells
``updated_since`` must not receive the whole catalogue believing it incremental).
"""

from __future__ import annotations

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from ..number_keys import NumberKey, number_key
from ..visibility import subtree_q

MAX_LIMIT = 100
DEFAULT_LIMIT = 20
MAX_OFFSET = 10_000_000

# Always ending on the primary key: offset pagination needs a total order.
DOCUMENT_ORDERS = {
    "-publish_date": ("-publish_date", "-pk"),
    "publish_date": ("publish_date", "pk"),
    "-last_published_at": ("-last_published_at", "-pk"),
    "last_published_at": ("last_published_at", "pk"),
    "id": ("pk",),
    "-id": ("-pk",),
}


class DetailQueryForm(forms.Form):
    """What a detail URL accepts: only ``fields`` (a listing's filters would turn it into a
    404 that says nothing)."""

    fields = forms.CharField(label="fields", max_length=500, required=False)

    def apply(self, queryset: QuerySet) -> QuerySet:
        return queryset


class PageQueryForm(DetailQueryForm):
    """What both listings accept: pagination, fields, and a column subtree."""

    limit = forms.IntegerField(label="limit", min_value=1, max_value=MAX_LIMIT, required=False)
    offset = forms.IntegerField(label="offset", min_value=0, max_value=MAX_OFFSET, required=False)
    column = forms.IntegerField(
        label="column", min_value=1, max_value=2**31 - 1, required=False,
        help_text=_("栏目或目录的页面 id：只返回其下（含各级下级栏目）的内容。"),
    )  # fmt: skip

    def __init__(self, data, *, columns: QuerySet):
        super().__init__(data)
        self.columns = columns

    def clean_column(self):
        page_id = self.cleaned_data.get("column")
        if page_id is None:
            return None
        # hidden and missing columns get the same answer: the API tells nothing about them
        column = self.columns.filter(pk=page_id).first()
        if column is None:
            raise forms.ValidationError(_("栏目不存在或未公开。"))
        return column

    def limit_and_offset(self) -> tuple[int, int]:
        data = self.cleaned_data
        return data.get("limit") or DEFAULT_LIMIT, data.get("offset") or 0

    def apply(self, queryset: QuerySet) -> QuerySet:
        if column := self.cleaned_data.get("column"):
            queryset = queryset.filter(subtree_q(column))
        return queryset.order_by("path")


class DocumentQueryForm(PageQueryForm):
    unit = forms.IntegerField(label="unit", min_value=1, max_value=2**31 - 1, required=False)
    unit_code = forms.CharField(label="unit_code", max_length=18, required=False)
    topic = forms.IntegerField(label="topic", min_value=1, max_value=2**31 - 1, required=False)
    year = forms.IntegerField(label="year", min_value=1900, max_value=2999, required=False)
    date_from = forms.DateField(label="date_from", input_formats=["%Y-%m-%d"], required=False)
    date_to = forms.DateField(label="date_to", input_formats=["%Y-%m-%d"], required=False)
    doc_number = forms.CharField(label="doc_number", max_length=64, required=False)
    index_no = forms.CharField(label="index_no", max_length=64, required=False)
    validity = forms.ChoiceField(label="validity", required=False)
    updated_since = forms.DateTimeField(label="updated_since", required=False)
    order = forms.ChoiceField(
        label="order", required=False, choices=[(key, key) for key in DOCUMENT_ORDERS]
    )

    def __init__(self, data, *, columns: QuerySet):
        from ..models import Validity

        super().__init__(data, columns=columns)
        self.fields["validity"].choices = [("", "")] + [(v, v) for v in Validity.values]

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("date_from 不能晚于 date_to。"))
        return data

    def apply(self, queryset: QuerySet) -> QuerySet:
        data = self.cleaned_data
        queryset = super().apply(queryset)
        if unit := data.get("unit"):
            queryset = queryset.filter(unit_id=unit)
        if code := data.get("unit_code"):
            queryset = queryset.filter(unit__code=code.replace("-", "").upper())
        if topic := data.get("topic"):  # a topic and its sub-topics
            queryset = queryset.filter(Q(topic_id=topic) | Q(topic__parent_id=topic))
        if year := data.get("year"):
            queryset = queryset.filter(publish_date__year=year)  # in TIME_ZONE (Asia/Shanghai)
        if start := data.get("date_from"):
            queryset = queryset.filter(publish_date__date__gte=start)
        if end := data.get("date_to"):
            queryset = queryset.filter(publish_date__date__lte=end)
        # compared as people type them (brackets, spaces, width); indexed (number_keys)
        if number := data.get("doc_number"):
            queryset = queryset.alias(_doc_no=NumberKey("doc_number"))
            queryset = queryset.filter(_doc_no=number_key(number))
        if number := data.get("index_no"):
            queryset = queryset.alias(_index_no=NumberKey("index_no"))
            queryset = queryset.filter(_index_no=number_key(number))
        if validity := data.get("validity"):
            queryset = queryset.filter(validity=validity)
        if since := data.get("updated_since"):
            queryset = queryset.filter(last_published_at__gte=since)
        return queryset.order_by(*DOCUMENT_ORDERS[data.get("order") or "-publish_date"])


def form_errors(form: forms.Form) -> dict[str, list[str]]:
    """The form's errors by parameter (``__all__`` for those about several)."""
    return {name: [str(message) for message in errors] for name, errors in form.errors.items()}
