"""栏目更新监测: what the national website inspection marks, from the public site's content.

The inspection (全国政府网站抽查) fails a site for empty columns (空白栏目) and columns not
updated in time (e.g. 通知公告、政策文件类 six months), and checks that a 行政规范性文件 still
marked 有效 has not outlived its term (five years at most, two for 暂行/试行). Everything here
counts what the public sees, so callers pass public querysets (``visibility``).

A handful of aggregate queries whatever the catalogue's size: the documents are grouped by
their parent column and the counts rolled up to every ancestor column in Python.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone
from wagtail.models import Page

from ..models import DocumentType, Validity
from ..statistics.documents import ColumnDefaults, parent_path

DEFAULT_THRESHOLD_DAYS = 180  # 通知公告、政策文件类栏目: six months
NORMATIVE_TERM_YEARS = 5  # 行政规范性文件有效期一般不超过 5 年
TRIAL_TERM_YEARS = 2  # 标注“暂行”“试行”的不超过 2 年
TRIAL_WORDS = ("暂行", "试行")
REVIEW_LIMIT = 500  # rows shown (and exported); the total is still counted

EMPTY, STALE, OK, NEVER = "empty", "stale", "ok", "never"


@dataclass(frozen=True)
class Freshness:
    """How much public content a column or unit has, and how old its latest is."""

    documents: int
    last_published: datetime.datetime | None
    days_since: int | None
    state: str  # EMPTY (column) or NEVER (unit), STALE or OK


@dataclass(frozen=True)
class ColumnStatus:
    page_id: int
    path: str
    titles: tuple[str, ...]  # 一级, 二级, 三级
    freshness: Freshness

    @property
    def state(self) -> str:
        return self.freshness.state


@dataclass(frozen=True)
class UnitStatus:
    unit_id: int
    name: str
    to_review: int
    freshness: Freshness

    @property
    def state(self) -> str:
        return self.freshness.state


@dataclass(frozen=True)
class ReviewItem:
    page_id: int
    title: str
    unit_id: int
    unit: str
    column: str
    doc_number: str
    written_date: datetime.date | None
    publish_date: datetime.datetime | None
    reason: str  # "term" (5 years) or "trial" (暂行/试行, 2 years)


@dataclass(frozen=True)
class Report:
    threshold_days: int
    today: datetime.date
    columns: list[ColumnStatus]
    units: list[UnitStatus]
    review: list[ReviewItem]
    review_total: int
    counts: dict[str, int] = field(default_factory=dict)


def days_since(moment: datetime.datetime | None, today: datetime.date) -> int | None:
    """Whole days from ``moment``'s local date to ``today`` (never negative)."""
    if moment is None:
        return None
    return max(0, (today - timezone.localtime(moment).date()).days)


def title_chain(path: str, titles: dict[str, str]) -> tuple[str, ...]:
    """The titles of the columns at and above ``path`` (一级, 二级, 三级)."""
    prefixes = (path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen))
    return tuple(titles[prefix] for prefix in prefixes if prefix in titles)


def freshness(
    count: int, latest: datetime.datetime | None, *, nothing: str, today, threshold_days: int
) -> Freshness:
    """``nothing`` (EMPTY or NEVER) without content, else STALE past ``threshold_days``."""
    days = days_since(latest, today)
    if count == 0:
        return Freshness(count, latest, days, nothing)
    # a page without a date (e.g. never given one) cannot be judged stale
    stale = days is not None and days > threshold_days
    return Freshness(count, latest, days, STALE if stale else OK)


def _by_parent(pages: QuerySet, date_field: str) -> list[tuple[str, int, datetime.datetime]]:
    """(parent path, count, latest ``date_field``) of ``pages``: one GROUP BY query."""
    rows = (
        pages.order_by()
        .annotate(parent=parent_path())
        .values("parent")
        .annotate(n=Count("pk"), latest=Max(date_field))
    )
    return [(row["parent"], row["n"], row["latest"]) for row in rows]


def column_statuses(
    columns: list[Page],
    groups: list[tuple[str, int, datetime.datetime]],
    *,
    today: datetime.date,
    threshold_days: int,
) -> list[ColumnStatus]:
    """Each column with the content of its whole subtree (``groups`` from ``_by_parent``)."""
    paths = {column.path for column in columns}
    totals: dict[str, list] = {}
    for parent, count, latest in groups:
        for end in range(Page.steplen, len(parent) + 1, Page.steplen):
            prefix = parent[:end]
            if prefix in paths:
                total = totals.setdefault(prefix, [0, None])
                total[0] += count
                if latest is not None and (total[1] is None or latest > total[1]):
                    total[1] = latest
    titles = {column.path: column.title for column in columns}
    statuses = []
    for column in sorted(columns, key=lambda c: c.path):
        count, latest = totals.get(column.path, (0, None))
        figures = freshness(
            count, latest, nothing=EMPTY, today=today, threshold_days=threshold_days
        )
        chain = title_chain(column.path, titles)
        statuses.append(ColumnStatus(column.pk, column.path, chain, figures))
    return statuses


def unit_statuses(
    units: QuerySet,
    documents: QuerySet,
    review_counts: dict[int, int],
    *,
    today: datetime.date,
    threshold_days: int,
) -> list[UnitStatus]:
    """Each unit (发布机构) with its public documents and the latest 发布日期."""
    rows = (
        documents.order_by().values("unit_id").annotate(n=Count("pk"), latest=Max("publish_date"))
    )
    figures = {row["unit_id"]: (row["n"], row["latest"]) for row in rows}
    statuses = []
    for unit in units:
        count, latest = figures.get(unit.pk, (0, None))
        state = freshness(count, latest, nothing=NEVER, today=today, threshold_days=threshold_days)
        statuses.append(UnitStatus(unit.pk, unit.name, review_counts.get(unit.pk, 0), state))
    return statuses


def normative_q(columns: list[Page], defaults: ColumnDefaults) -> Q:
    """行政规范性文件: their own 文件类型, or their column's inherited default."""
    parents = [
        column.path
        for column in columns
        if defaults.document_type_for(column.path, "") == DocumentType.NORMATIVE
    ]
    inherited = Q(document_type="", parent__in=parents) if parents else Q(pk__in=[])
    return Q(document_type=DocumentType.NORMATIVE) | inherited


def _older_than_q(years: int, today: datetime.date) -> Q:
    """成文日期 (else 发布日期) at least ``years`` years before ``today``."""
    cutoff = _years_before(today, years)
    start = timezone.make_aware(datetime.datetime.combine(cutoff, datetime.time()))
    return Q(written_date__lte=cutoff) | Q(written_date__isnull=True, publish_date__lt=start)


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def review_documents(
    documents: QuerySet,
    columns: list[Page],
    defaults: ColumnDefaults,
    *,
    today: datetime.date,
) -> list[ReviewItem]:
    """行政规范性文件 marked 有效 past their term: 5 years, or 2 for 暂行/试行 (oldest first)."""
    trial = Q()
    for word in TRIAL_WORDS:
        trial |= Q(title__contains=word)
    candidates = (
        documents.order_by()
        .annotate(parent=parent_path())
        .filter(normative_q(columns, defaults), validity=Validity.VALID)
        .filter(
            _older_than_q(NORMATIVE_TERM_YEARS, today)
            | (trial & _older_than_q(TRIAL_TERM_YEARS, today))
        )
        .values_list(
            "pk",
            "title",
            "unit_id",
            "unit__name",
            "parent",
            "doc_number",
            "written_date",
            "publish_date",
        )
    )
    titles = {column.path: column.title for column in columns}
    term_cutoff = _years_before(today, NORMATIVE_TERM_YEARS)
    items = []
    for pk, title, unit_id, unit, parent, number, written, published in candidates:
        day = written or (published and timezone.localtime(published).date())
        reason = "term" if day and day <= term_cutoff else "trial"
        column = "/".join(title_chain(parent, titles))
        items.append(
            ReviewItem(pk, title, unit_id, unit, column, number, written, published, reason)
        )
    items.sort(key=lambda item: (item.written_date or _local_date(item.publish_date), item.page_id))
    return items


def _local_date(moment: datetime.datetime | None) -> datetime.date:
    return timezone.localtime(moment).date() if moment else datetime.date.min


def build_report(
    *,
    columns: QuerySet,
    units: QuerySet,
    documents: QuerySet,
    other_pages: QuerySet | None = None,
    unit=None,
    threshold_days: int = DEFAULT_THRESHOLD_DAYS,
    today: datetime.date | None = None,
    review_limit: int = REVIEW_LIMIT,
) -> Report:
    """The whole monitoring picture.

    ``columns``, ``documents``: public columns and documents; ``other_pages``: other public
    content below the columns (年报, 统计 pages), which keeps a column from being empty but
    has no 发布机构. With ``unit``, only its documents count, and the columns shown are those
    holding its documents or naming it their 默认发布机构.
    """
    today = today or timezone.localdate()
    column_list = list(columns)
    defaults = ColumnDefaults.load()
    if unit is not None:
        documents = documents.filter(unit=unit)
        units = units.filter(pk=unit.pk)
    groups = _by_parent(documents, "publish_date")
    if other_pages is not None and unit is None:
        groups += _by_parent(other_pages, "last_published_at")
    column_rows = column_statuses(column_list, groups, today=today, threshold_days=threshold_days)
    if unit is not None:
        own = {c.path for c in column_list if c.default_unit_id == unit.pk}
        column_rows = [row for row in column_rows if row.freshness.documents or row.path in own]
    review = review_documents(documents, column_list, defaults, today=today)
    review_counts: dict[int, int] = {}
    for item in review:
        review_counts[item.unit_id] = review_counts.get(item.unit_id, 0) + 1
    unit_rows = unit_statuses(
        units, documents, review_counts, today=today, threshold_days=threshold_days
    )
    counts = {
        EMPTY: sum(row.state == EMPTY for row in column_rows),
        STALE: sum(row.state == STALE for row in column_rows),
        NEVER: sum(row.state == NEVER for row in unit_rows),
        "review": len(review),
    }
    return Report(
        threshold_days, today, column_rows, unit_rows, review[:review_limit], len(review), counts
    )


def public_report(*, unit=None, threshold_days: int = DEFAULT_THRESHOLD_DAYS, today=None) -> Report:
    """``build_report`` over what the public site shows: the inspection looks at nothing else."""
    from ..listing import public_documents
    from ..models import (
        AnnualReportPage,
        DisclosureColumnPage,
        DisclosureUnit,
        StatisticsPage,
    )
    from ..visibility import public_pages

    columns = public_pages(DisclosureColumnPage.objects.type(DisclosureColumnPage)).only(
        "pk", "path", "title", "default_unit_id"
    )
    return build_report(
        columns=columns,
        units=DisclosureUnit.objects.only("pk", "name"),
        documents=public_documents(),
        other_pages=public_pages(Page.objects.type(AnnualReportPage, StatisticsPage)),
        unit=unit,
        threshold_days=threshold_days,
        today=today,
    )
