"""What the unit pages show, as plain values from querysets (no request, no templates)."""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .. import caching
from ..visibility import is_public, public_pages, subtree_q
from ..years import local_year

# Every page save bumps "catalogue" (documents, 年报, columns, the guide page); every unit
# or leader saved or deleted bumps "site" (cache_purge).
CACHE_TAGS = ("catalogue", "site")
# the unit list's groups, in the order of the national portals
KIND_GROUPS = [
    ("district_government", _("区政府")),
    ("department", _("区政府部门")),
    ("subdistrict", _("街道")),
    ("town", _("镇")),
]


def public_units() -> QuerySet:
    from ..models import DisclosureUnit

    return DisclosureUnit.objects.filter(is_public=True)


def unit_documents(unit) -> QuerySet:
    """The unit's documents the public may see."""
    from ..models import DisclosureDocumentPage

    return public_pages(DisclosureDocumentPage.objects.filter(unit=unit))


def document_counts() -> dict[int, int]:
    """Public documents per unit id: one GROUP BY over the catalogue, cached until a page,
    unit or setting changes."""
    from ..models import DisclosureDocumentPage

    def compute() -> dict[int, int]:
        rows = (
            public_pages(DisclosureDocumentPage.objects.filter(unit__isnull=False))
            .order_by()
            .values("unit")
            .annotate(n=Count("pk"))
        )
        return {row["unit"]: row["n"] for row in rows}

    return caching.cached_value("units:document-counts", CACHE_TAGS, compute)


def unit_facets(unit) -> dict:
    """What the unit's pages sum up over its documents, cached like ``document_counts``:
    ``years`` (newest first), ``columns`` (``column_counts``) and ``interpretations`` (has
    any 解读)."""
    from ..models import Genre

    def compute() -> dict:
        documents = unit_documents(unit)
        return {
            "years": document_years(documents),
            "columns": column_counts(unit),
            "interpretations": documents.filter(genre=Genre.INTERPRETATION).exists(),
        }

    return caching.cached_value(f"units:facets:{unit.pk}", CACHE_TAGS, compute)


def units_by_kind(units: QuerySet) -> list[dict]:
    """[{label, units: [unit with ``.document_count``]}], empty groups left out."""
    counts = document_counts()
    grouped: dict[str, list] = {key: [] for key, _label in KIND_GROUPS}
    for unit in units:
        unit.document_count = counts.get(unit.pk, 0)
        grouped.setdefault(unit.kind, []).append(unit)
    return [{"label": label, "units": grouped[key]} for key, label in KIND_GROUPS if grouped[key]]


def annual_reports(unit) -> QuerySet:
    """The unit's published 年报, newest year first."""
    from ..models import AnnualReportPage

    reports = AnnualReportPage.objects.type(AnnualReportPage).filter(unit=unit)
    return public_pages(reports).specific().order_by("-year")


def document_years(documents: QuerySet) -> list[int]:
    """The local years (Beijing time) in which ``documents`` were published, newest first."""
    years = documents.order_by().annotate(year=local_year(documents)).values_list("year", flat=True)
    return sorted({int(year) for year in years.distinct() if year is not None}, reverse=True)


def column_counts(unit) -> list[dict]:
    """The first-level columns of every public index holding public documents of ``unit``:
    [{page, count}], in tree order. A column's own listing filters by unit (``?unit=``)."""
    from ..models import DisclosureColumnPage, DisclosureIndexPage

    documents = unit_documents(unit)
    found: list[dict] = []
    indexes = public_pages(DisclosureIndexPage.objects.type(DisclosureIndexPage)).order_by()
    for index in sorted(indexes, key=lambda page: page.path):
        length = Page.steplen * (index.depth + 1)
        rows = (
            documents.filter(subtree_q(index))
            .order_by()
            .annotate(column_path=Substr("path", 1, length))
            .values("column_path")
            .annotate(n=Count("pk"))
        )
        counts = {row["column_path"]: row["n"] for row in rows}
        if not counts:
            continue
        columns = public_pages(
            DisclosureColumnPage.objects.type(DisclosureColumnPage).filter(path__in=list(counts))
        )
        for column in sorted(columns, key=lambda page: page.path):
            found.append({"page": column, "count": counts[column.path]})
    return found


def guide_url(unit, request=None) -> str:
    """The 信息公开指南 link: the chosen page while the public may see it, else the URL."""
    if unit.guide_page_id and (page := unit.guide_page) and is_public(page):
        return page.get_url(request) or ""
    return unit.guide_url


def statistics_url(unit, request=None) -> str:
    """The public 公开统计 page showing this unit's figures, or "" when there is none."""
    from ..models import StatisticsPage

    page = public_pages(StatisticsPage.objects.type(StatisticsPage)).order_by("path").first()
    url = page.get_url(request) if page is not None else None
    return f"{url}?unit={unit.code}" if url else ""


def disclosure_index(site):
    """The public 政府信息公开 index of ``site`` (the breadcrumb's parent), or None."""
    from ..models import DisclosureIndexPage

    indexes = public_pages(DisclosureIndexPage.objects.type(DisclosureIndexPage))
    if site is not None:
        indexes = indexes.filter(subtree_q(site.root_page, inclusive=True))
    return indexes.order_by("path").first()
