"""Filters and facet counts of the search page, as database queries on public documents."""

from __future__ import annotations

import datetime
import operator
from functools import reduce

from django.db.models import Q, QuerySet
from django.utils import timezone

from disclosure.listing import interpretation_q
from disclosure.models import DisclosureColumnPage, DisclosureDocumentPage, ReportCategory
from disclosure.models.choices import DocumentType
from disclosure.number_keys import NumberKey, number_key

from .forms import FILE_TYPE_FIELD, file_type_field


def _any(qs: list[Q]) -> Q:
    return reduce(operator.or_, qs) if qs else Q(pk__in=[])


def _blank_q(model, field_name: str) -> Q:
    """``field_name`` left blank: NULL for a nullable field, else the empty string."""
    if model._meta.get_field(field_name).null:
        return Q(**{f"{field_name}__isnull": True})
    return Q(**{field_name: ""})


def inherited_value_q(own_field: str, column_field: str, value, is_fallback: bool) -> Q:
    """Documents whose *effective* value is ``value``: their own, else the nearest column's
    default, else the fallback (when ``is_fallback``)."""
    defaults = list(
        DisclosureColumnPage.objects.exclude(
            _blank_q(DisclosureColumnPage, column_field)
        ).values_list("path", column_field)
    )
    below = []
    for path, default in defaults:
        if default != value:
            continue
        deeper = [Q(path__startswith=p) for p, _ in defaults if p != path and p.startswith(path)]
        cond = Q(path__startswith=path)
        if deeper:
            cond &= ~_any(deeper)
        below.append(cond)
    if is_fallback:
        # Under no column with a default at all.
        below.append(~_any([Q(path__startswith=p) for p, _ in defaults]))
    own_blank = _blank_q(DisclosureDocumentPage, own_field)
    return Q(**{own_field: value}) | (own_blank & _any(below))


def category_q(category: ReportCategory) -> Q:
    """Documents whose *effective* 统计类别 is ``category`` (own, else nearest column default)."""
    return inherited_value_q(
        "report_category", "default_report_category", category.pk, category.is_fallback
    )


def document_type_q(document_type: str) -> Q:
    """Documents whose *effective* 文件类型 is ``document_type`` (own, else column default)."""
    return inherited_value_q(
        FILE_TYPE_FIELD, "default_document_type", document_type, document_type == DocumentType.OTHER
    )


def year_start(year: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, 1, 1))


def document_filter_q(values: dict) -> Q:
    """The filters chosen on the page, in lookups every search backend understands."""
    q = Q()
    if column := values.get("column"):
        q &= Q(path__startswith=column.path)
    if unit := values.get("unit"):
        q &= Q(unit=unit.pk)
    if topic := values.get("topic"):
        q &= Q(topic__in=[topic.pk, *topic.children.values_list("pk", flat=True)])
    if category := values.get("category"):
        q &= category_q(category)
    if year_from := values.get("year_from"):
        q &= Q(publish_date__gte=year_start(year_from))
    if year_to := values.get("year_to"):
        q &= Q(publish_date__lt=year_start(year_to + 1))
    if validity := values.get("validity"):
        q &= Q(validity=validity)
    if interpretation := values.get("interpretation"):
        q &= interpretation_q(interpretation)
    if (file_type := values.get("file_type")) and file_type_field() is not None:
        q &= document_type_q(file_type)
    return q


def has_document_filters(values: dict) -> bool:
    return bool(document_filter_q(values))


def exact_number_matches(documents: QuerySet, query: str) -> QuerySet:
    """Documents whose 文号 or 索引号 is exactly the query, however it bracketed the year."""
    key = number_key(query)
    if len(key) < 4 or not any(c.isdigit() for c in key):
        return documents.none()
    # both expressions have an index (disclosure.number_keys)
    return documents.annotate(
        _doc_no=NumberKey("doc_number"), _index_no=NumberKey("index_no")
    ).filter(Q(_doc_no=key) | Q(_index_no=key))
