"""The counts beside each filter of the search page (facets), for the current query.

A ``FacetTally`` holds the raw counts, whoever counted them: one GROUP BY on the database
(``tally_documents``) or one aggregation request to Elasticsearch (``tally_aggregations``),
which counts every match rather than the first thousands. ``FacetTally.facets`` then resolves
the 统计类别 and 文件类型 inherited from columns, as the statistics do.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field, fields

from django.conf import settings
from django.db.models import Count, IntegerField, QuerySet
from django.db.models.functions import Cast
from wagtail.models import Page

from disclosure.models import Topic
from disclosure.statistics.documents import ColumnDefaults, parent_path
from disclosure.years import local_year

from .forms import FILE_TYPE_FIELD


@dataclass
class FacetTally:
    """Matches counted per filter value; the 统计类别 and 文件类型 per column and own value.

    Whatever counted them (a database GROUP BY, Elasticsearch aggregations), ``facets``
    resolves the values inherited from columns (``ColumnDefaults``, as the statistics do)
    and the counts of parent columns and parent topics.
    """

    unit: Counter = field(default_factory=Counter)
    validity: Counter = field(default_factory=Counter)
    year: Counter = field(default_factory=Counter)
    topic: Counter = field(default_factory=Counter)
    column_category: Counter = field(default_factory=Counter)  # (column path, own category)
    column_type: Counter = field(default_factory=Counter)  # (column path, own document type)

    def __add__(self, other: FacetTally) -> FacetTally:
        return FacetTally(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )

    def facets(self, values: dict) -> dict:
        defaults = ColumnDefaults.load()
        fallback = next((c.pk for c in values["categories"] if c.is_fallback), None)
        category: Counter = Counter()
        per_column: Counter = Counter()
        for (parent, own), n in self.column_category.items():
            category[defaults.category_for(parent, own or None, fallback)] += n
            per_column[parent] += n
        file_type: Counter = Counter()
        for (parent, own), n in self.column_type.items():
            file_type[defaults.document_type_for(parent, own or "")] += n
        column_paths = {c.path: c.pk for c in values["columns"]}
        column: Counter = Counter()
        for parent, n in per_column.items():
            for step in range(Page.steplen, len(parent) + 1, Page.steplen):
                if (pk := column_paths.get(parent[:step])) is not None:
                    column[pk] += n
        topic = Counter(self.topic)
        for child in Topic.objects.filter(parent__isnull=False).only("pk", "parent_id"):
            if child.pk in self.topic:
                topic[child.parent_id] += self.topic[child.pk]
        return {
            "unit": dict(self.unit),
            "validity": dict(self.validity),
            "year": dict(sorted(self.year.items())),
            "topic": dict(topic),
            "category": dict(category),
            "file_type": dict(file_type),
            "column": {c.pk: column[c.pk] for c in values["columns"]},
        }


def tally_documents(documents: QuerySet) -> FacetTally:
    """One GROUP BY over the documents, by parent column and every facet value."""
    rows = (
        documents.order_by()
        .annotate(_parent=parent_path(), _year=Cast(local_year(documents), IntegerField()))
        .values("_parent", "_year", "unit", "validity", "topic", "report_category", FILE_TYPE_FIELD)
        .annotate(_n=Count("pk"))
    )
    tally = FacetTally()
    for row in rows:
        n, parent = row["_n"], row["_parent"]
        tally.unit[row["unit"]] += n
        tally.validity[row["validity"]] += n
        tally.topic[row["topic"]] += n
        if row["_year"]:
            tally.year[row["_year"]] += n
        tally.column_category[parent, row["report_category"]] += n
        tally.column_type[parent, row[FILE_TYPE_FIELD]] += n
    return tally


# The document fields counted on Elasticsearch, by facet.
_TERMS = {"unit": "unit", "validity": "validity", "topic": "topic"}
_NO_VALUE = -1  # stands for "none of its own" in the category buckets (ES needs a value)


def elasticsearch_aggregations(column_name) -> dict:
    """The aggregation request for ``tally_aggregations``; ``column_name(field)`` gives the
    index's name of a document field."""
    terms = {
        name: {"terms": {"field": column_name(field_name), "size": 10_000}}
        for name, field_name in _TERMS.items()
    }
    return {
        **terms,
        "year": {
            "date_histogram": {
                "field": column_name("publish_date"),
                "calendar_interval": "year",
                "time_zone": settings.TIME_ZONE,
                "min_doc_count": 1,
            }
        },
        "column": {
            "terms": {"field": column_name("column_path"), "size": 10_000},
            "aggs": {
                "category": {
                    "terms": {
                        "field": column_name("report_category"),
                        "missing": _NO_VALUE,
                        "size": 1_000,
                    }
                },
                "type": {
                    "terms": {"field": column_name(FILE_TYPE_FIELD), "missing": "", "size": 1_000}
                },
            },
        },
    }


def tally_aggregations(aggregations: dict) -> FacetTally:
    """A ``FacetTally`` from the response to ``elasticsearch_aggregations``."""
    tally = FacetTally()
    for name in _TERMS:
        for bucket in aggregations[name]["buckets"]:
            getattr(tally, name)[_key(bucket["key"])] += bucket["doc_count"]
    for bucket in aggregations["year"]["buckets"]:
        year = datetime.datetime.fromisoformat(bucket["key_as_string"][:10]).year
        tally.year[year] += bucket["doc_count"]
    for column in aggregations["column"]["buckets"]:
        for bucket in column["category"]["buckets"]:
            own = None if bucket["key"] == _NO_VALUE else _key(bucket["key"])
            tally.column_category[column["key"], own] += bucket["doc_count"]
        for bucket in column["type"]["buckets"]:
            tally.column_type[column["key"], bucket["key"]] += bucket["doc_count"]
    return tally


def _key(value):
    # a foreign key's terms come back as numbers (long fields) or strings (keyword fields)
    return int(value) if isinstance(value, float | int) or str(value).isdigit() else value
