"""Filters and facet counts of the search page, as database queries on public documents."""

from __future__ import annotations

import datetime
import operator
import re
import unicodedata
from functools import reduce

from django.db.models import Count, F, Q, QuerySet, Value
from django.db.models.functions import ExtractYear, Replace, Substr, Upper
from django.utils import timezone
from wagtail.models import Page

from disclosure.models import DisclosureColumnPage, DisclosureDocumentPage, ReportCategory, Topic
from disclosure.models.choices import DocumentType

from .forms import FILE_TYPE_FIELD, file_type_field

# Brackets a 文号 or 索引号 is typed with: 〔2023〕, [2023], (2023), full-width forms (NFKC
# turns those into the ASCII ones first) and 【】.
_BRACKETS = "〔〕[]()（）［］【】{}〖〗 　"


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
    if (file_type := values.get("file_type")) and file_type_field() is not None:
        q &= document_type_q(file_type)
    return q


def has_document_filters(values: dict) -> bool:
    return bool(document_filter_q(values))


def canonical_number(text: str) -> str:
    """A 文号/索引号 without brackets and spaces, upper case (after NFKC)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if c not in _BRACKETS).upper()


def canonical_expression(field: str):
    expression = Upper(F(field))
    for char in _BRACKETS:
        expression = Replace(expression, Value(char), Value(""))
    return expression


def exact_number_matches(documents: QuerySet, query: str) -> QuerySet:
    """Documents whose 文号 or 索引号 is exactly the query, however it bracketed the year."""
    key = canonical_number(query)
    runs = re.findall(r"\d+", unicodedata.normalize("NFKC", query))  # before brackets go
    digits = max(runs, key=len, default="")
    if len(key) < 4 or not digits:
        return documents.none()
    # a cheap LIKE on the longest run of digits first, the bracket-blind comparison after
    documents = documents.filter(Q(doc_number__contains=digits) | Q(index_no__contains=digits))
    return documents.annotate(
        _doc_no=canonical_expression("doc_number"), _index_no=canonical_expression("index_no")
    ).filter(Q(_doc_no=key) | Q(_index_no=key))


def facet_counts(documents: QuerySet, values: dict) -> dict:
    """Counts beside each filter for the current query and filters."""
    documents = documents.order_by()
    counts: dict[str, dict] = {
        "unit": _group(documents, "unit"),
        "validity": _group(documents, "validity"),
        "year": {
            row["y"]: row["n"]
            for row in documents.annotate(y=ExtractYear("publish_date"))
            .values("y")
            .annotate(n=Count("pk"))
            if row["y"]
        },
        "category": {c.pk: documents.filter(category_q(c)).count() for c in values["categories"]},
    }
    topics = _group(documents, "topic")
    for topic in Topic.objects.filter(parent__isnull=False):
        if topic.pk in topics:
            topics[topic.parent_id] = topics.get(topic.parent_id, 0) + topics[topic.pk]
    counts["topic"] = topics
    if file_type_field() is not None:
        counts["file_type"] = {
            value: documents.filter(document_type_q(value)).count()
            for value, _label in DocumentType.choices
        }
    column_counts: dict[str, int] = {}
    for depth in {c.depth for c in values["columns"]}:
        rows = (
            documents.annotate(prefix=Substr("path", 1, Page.steplen * depth))
            .values("prefix")
            .annotate(n=Count("pk"))
        )
        column_counts.update({row["prefix"]: row["n"] for row in rows})
    counts["column"] = {c.pk: column_counts.get(c.path, 0) for c in values["columns"]}
    return counts


def _group(documents: QuerySet, field: str) -> dict:
    return {
        row[field]: row["n"]
        for row in documents.values(field).annotate(n=Count("pk"))
        if row[field] not in (None, "")
    }
