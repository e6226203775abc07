"""一、总体情况: the narrative figures (published, cumulative, full text, distributions)."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import ExtractMonth, Substr
from django.utils.translation import gettext as _
from wagtail.models import Page

from .documents import ColumnDefaults, category_expression, counted_documents
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
    """
    from ..models import DisclosureAttachment

    period = Period(year, quarter)
    documents = counted_documents(unit)
    in_period = Q(publish_date__gte=period.start, publish_date__lt=period.end)
    has_attachment = Exists(DisclosureAttachment.objects.filter(page_id=OuterRef("pk")))
    totals = documents.alias(has_attachment=has_attachment).aggregate(
        published=Count("pk", filter=in_period),
        cumulative=Count("pk", filter=Q(publish_date__lt=period.end)),
        fulltext=Count("pk", filter=in_period & (~Q(body="") | Q(has_attachment=True))),
    )
    published = totals["published"]
    year_documents = documents.filter(in_period)
    return Overview(
        period=period,
        published_in_year=published,
        cumulative=totals["cumulative"],
        fulltext_count=totals["fulltext"],
        fulltext_rate=percent(totals["fulltext"], published),
        by_category=_by_category(year_documents, published, defaults or ColumnDefaults.load()),
        by_unit=_by_unit(year_documents, published, unit),
        by_column=_by_column(year_documents, published),
        by_month=_by_month(year_documents, published, period),
    )


def _by_category(documents, total: int, defaults: ColumnDefaults) -> list[Share]:
    from ..models import ReportCategory

    categories = list(ReportCategory.objects.order_by("sort_order", "pk"))
    fallback = next((c for c in categories if c.is_fallback), None)
    rows = (
        documents.annotate(category=category_expression(defaults, fallback and fallback.pk))
        .values("category")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {row["category"]: row["n"] for row in rows}
    shares = [_share(c.pk, c.name, counts.pop(c.pk, 0), total) for c in categories]
    if unclassified := sum(counts.values()):
        shares.append(_share(None, _("未分类"), unclassified, total))
    return shares


def _by_unit(documents, total: int, unit) -> list[Share]:
    from ..models import DisclosureUnit

    counts = dict(documents.values_list("unit").annotate(n=Count("pk")).order_by())
    units = [unit] if unit is not None else DisclosureUnit.objects.order_by("sort_order", "name")
    return [_share(u.code, u.name, counts.get(u.pk, 0), total) for u in units]


def _by_column(documents, total: int) -> list[Share]:
    """Counts per first-level column (the columns directly below a disclosure index)."""
    from ..models import DisclosureColumnPage, DisclosureIndexPage

    index_paths = dict(DisclosureIndexPage.objects.values_list("path", "depth"))
    depths = {depth + 1 for depth in index_paths.values()}
    columns = [
        column
        for column in DisclosureColumnPage.objects.filter(depth__in=depths)
        .order_by("path")
        .only("pk", "path", "depth", "title", "live")
        if column.path[: -Page.steplen] in index_paths
    ]
    counts: dict[str, int] = {}
    for depth in sorted(depths):
        rows = (
            documents.annotate(prefix=Substr("path", 1, Page.steplen * depth))
            .values("prefix")
            .annotate(n=Count("pk"))
            .order_by()
        )
        counts.update({row["prefix"]: row["n"] for row in rows})
    return [
        _share(column.pk, column.title, counts.get(column.path, 0), total)
        for column in columns
        if column.live or counts.get(column.path)
    ]


def _by_month(documents, total: int, period: Period) -> list[Share]:
    rows = (
        documents.annotate(month=ExtractMonth("publish_date", tzinfo=REPORT_TIMEZONE))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {row["month"]: row["n"] for row in rows}
    return [
        _share(month, _("%(month)d月") % {"month": month}, counts.get(month, 0), total)
        for month in period.months
    ]


def _share(key, label: str, count: int, total: int) -> Share:
    return Share(key=key, label=label, count=count, percent=percent(count, total))
