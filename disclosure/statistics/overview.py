"""一、总体情况: the narrative figures (published, cumulative, full text, distributions)."""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _
from wagtail.models import Page

from ..conf import get_setting
from ..visibility import restricted_branch_paths
from .documents import ColumnDefaults, counted_documents, parent_path
from .periods import REPORT_TIMEZONE, Period, percent


@dataclass(frozen=True)
class Share:
    """One line of a distribution: a count and its percentage of the period's documents."""

    key: str | int | None
    label: str
    count: int
    percent: Decimal


@dataclass(frozen=True)
class Overview:
    period: Period
    published_in_year: int
    cumulative: int
    fulltext_count: int
    fulltext_rate: Decimal
    by_category: list[Share] = field(default_factory=list)
    by_unit: list[Share] = field(default_factory=list)
    by_column: list[Share] = field(default_factory=list)
    by_month: list[Share] = field(default_factory=list)


def overview(
    year: int,
    unit=None,
    *,
    quarter: int | None = None,
    defaults: ColumnDefaults | None = None,
) -> Overview:
    """The overview of ``year`` (or one quarter of it), for the district or one unit.

    ``published_in_year`` counts documents whose 发布日期 falls in the period (Beijing time),
    ``cumulative`` all documents made public before the period's end, and ``fulltext_rate``
    the percentage of the period's documents with a body or at least one attachment.

    Four queries whatever the data size: the totals with the monthly counts, one count per
    (unit, column, own category) group, and the categories, units and columns to list.
    """
    from ..models import DisclosureAttachment

    period = Period(year, quarter)
    defaults = defaults or ColumnDefaults.load()
    documents = counted_documents(unit)
    in_period = Q(publish_date__gte=period.start, publish_date__lt=period.end)
    has_attachment = Exists(DisclosureAttachment.objects.filter(page_id=OuterRef("pk")))
    months = {
        f"month_{month}": Count("pk", filter=Q(publish_date__gte=start, publish_date__lt=end))
        for month, start, end in _month_bounds(period)
    }
    totals = documents.alias(has_attachment=has_attachment).aggregate(
        published=Count("pk", filter=in_period),
        cumulative=Count("pk", filter=Q(publish_date__lt=period.end)),
        fulltext=Count("pk", filter=in_period & (~Q(body="") | Q(has_attachment=True))),
        **months,
    )
    published = totals["published"]
    groups = list(
        documents.filter(in_period)
        .annotate(parent=parent_path())
        .values_list("unit_id", "parent", "report_category_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_month = [
        _share(month, _("%(month)d月") % {"month": month}, totals[f"month_{month}"], published)
        for month in period.months
    ]
    return Overview(
        period=period,
        published_in_year=published,
        cumulative=totals["cumulative"],
        fulltext_count=totals["fulltext"],
        fulltext_rate=percent(totals["fulltext"], published),
        by_category=_by_category(groups, published, defaults),
        by_unit=_by_unit(groups, published, unit),
        by_column=_by_column(groups, published),
        by_month=by_month,
    )


def _month_bounds(period: Period):
    for month in period.months:
        start = datetime.datetime(period.year, month, 1, tzinfo=REPORT_TIMEZONE)
        if month == 12:
            end = datetime.datetime(period.year + 1, 1, 1, tzinfo=REPORT_TIMEZONE)
        else:
            end = datetime.datetime(period.year, month + 1, 1, tzinfo=REPORT_TIMEZONE)
        yield month, start, end


def _by_category(groups, total: int, defaults: ColumnDefaults) -> list[Share]:
    from ..models import ReportCategory

    categories = list(ReportCategory.objects.order_by("sort_order", "pk"))
    fallback = next((c.pk for c in categories if c.is_fallback), None)
    counts: Counter = Counter()
    for _unit, parent, own, n in groups:
        counts[defaults.category_for(parent, own, fallback)] += n
    shares = [_share(c.pk, c.name, counts.pop(c.pk, 0), total) for c in categories]
    if unclassified := sum(counts.values()):
        shares.append(_share(None, _("未分类"), unclassified, total))
    return shares


def _by_unit(groups, total: int, unit) -> list[Share]:
    from ..models import DisclosureUnit

    counts: Counter = Counter()
    for unit_id, _parent, _own, n in groups:
        counts[unit_id] += n
    units = [unit] if unit is not None else DisclosureUnit.objects.order_by("sort_order", "name")
    return [_share(u.code, u.name, counts.get(u.pk, 0), total) for u in units]


def _by_column(groups, total: int) -> list[Share]:
    """Counts per first-level column (the columns directly below a disclosure index)."""
    from ..models import DisclosureColumnPage, DisclosureIndexPage

    index_paths = dict(
        DisclosureIndexPage.objects.type(DisclosureIndexPage).values_list("path", "depth")
    )
    columns = [
        column
        for column in DisclosureColumnPage.objects.type(DisclosureColumnPage)
        .filter(depth__in={depth + 1 for depth in index_paths.values()})
        .order_by("path")
        .only("pk", "path", "depth", "title", "live")
        if column.path[: -Page.steplen] in index_paths
    ]
    first_level = {column.path for column in columns}
    # A column the public cannot open is not named to it either (its documents, if they
    # count at all, still name it).
    restricted = (
        []
        if get_setting("DISCLOSURE_STATISTICS_INCLUDE_RESTRICTED")
        else (restricted_branch_paths())
    )
    counts: Counter = Counter()
    for _unit, parent, _own, n in groups:
        prefix = next(
            (p for p in _prefixes(parent) if p in first_level),
            None,
        )
        counts[prefix] += n
    return [
        _share(column.pk, column.title, counts.get(column.path, 0), total)
        for column in columns
        if counts.get(column.path)
        or (column.live and not any(column.path.startswith(p) for p in restricted))
    ]


def _prefixes(path: str):
    step = Page.steplen
    return (path[:length] for length in range(step, len(path) + 1, step))


def _share(key, label: str, count: int, total: int) -> Share:
    return Share(key=key, label=label, count=count, percent=percent(count, total))
