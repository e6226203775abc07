"""What the public sees: live, public, unexpired documents, and the counts shown beside columns."""

from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Length, Substr
from wagtail.models import Page

from . import caching
from .conf import get_setting
from .forms import ALL_INTERPRETATIONS, DocumentFilterForm
from .routing import ancestors_of, breadcrumbs

# the rule lives in .visibility; these names stay importable from here
from .visibility import (  # noqa: F401
    children_q,
    public_pages,
    searchable_public_pages,
    subtree_q,
)
from .years import local_year


def public_documents() -> QuerySet:
    from .models import DisclosureDocumentPage

    return public_pages(DisclosureDocumentPage.objects.all())


def public_columns(index: Page) -> QuerySet:
    from .models import DisclosureColumnPage

    return public_pages(
        DisclosureColumnPage.objects.type(DisclosureColumnPage).filter(subtree_q(index))
    ).order_by("path")


def interpretation_q(value: str) -> Q:
    """政策解读 (体裁 解读), all of them or those of one 解读形式 (``forms.interpretation_choices``);
    on fields every search backend filters on."""
    from .models import Genre

    if value == ALL_INTERPRETATIONS:
        return Q(genre=Genre.INTERPRETATION)
    return Q(genre=Genre.INTERPRETATION) & Q(interpretation_kind=value)


def apply_filters(documents: QuerySet, filters: dict) -> QuerySet:
    if year := filters.get("year"):
        documents = documents.filter(publish_date__year=year)
    if unit := filters.get("unit"):
        documents = documents.filter(unit=unit)
    if topic := filters.get("topic"):
        documents = documents.filter(Q(topic=topic) | Q(topic__parent=topic))
    if validity := filters.get("validity"):
        documents = documents.filter(validity=validity)
    if interpretation := filters.get("interpretation"):
        documents = documents.filter(interpretation_q(interpretation))
    return documents


def document_counts_by_column(index: Page, levels: int) -> dict[str, int]:
    """Public documents below each column path prefix, for the first ``levels`` levels.

    One pass: documents are counted by their parent's path, and each parent's count is added
    to its ancestors' prefixes here (three GROUP BYs over the catalogue took three passes)."""
    documents = public_documents().filter(subtree_q(index))
    by_parent = (
        documents.order_by()
        .annotate(parent_path=Substr("path", 1, Length("path") - Page.steplen))
        .values("parent_path")
        .annotate(n=Count("pk"))
    )
    lengths = [Page.steplen * (index.depth + level) for level in range(1, levels + 1)]
    counts: dict[str, int] = {}
    for row in by_parent:
        parent_path = row["parent_path"]
        for length in lengths:
            if len(parent_path) >= length:
                prefix = parent_path[:length]
                counts[prefix] = counts.get(prefix, 0) + row["n"]
    return counts


def column_tree(index: Page) -> list[dict]:
    """The public column tree below ``index`` with document counts, as nested dicts."""
    levels = get_setting("DISCLOSURE_MAX_COLUMN_DEPTH")
    counts = caching.cached_value(
        f"column-counts:{index.pk}",
        caching.page_tags(index, ancestors_of(index)),
        lambda: document_counts_by_column(index, levels),
    )
    roots: list[dict] = []
    by_path: dict[str, dict] = {}
    for column in public_columns(index).filter(depth__lte=index.depth + levels):
        node = {"page": column, "count": counts.get(column.path, 0), "children": []}
        by_path[column.path] = node
        parent = by_path.get(column.path[: -Page.steplen])
        if column.depth == index.depth + 1:
            roots.append(node)
        elif parent is not None:
            parent["children"].append(node)
    return roots


LISTING_ORDER = ("-publish_date", "-pk")


def documents_in_order(pks: list[int]) -> list:
    """The documents of ``pks``, in that order, with what a listing row shows."""
    from .models import DisclosureDocumentPage

    rows = DisclosureDocumentPage.objects.filter(pk__in=pks).select_related("unit", "topic")
    by_pk = {row.pk: row for row in rows}
    return [by_pk[pk] for pk in pks if pk in by_pk]


def column_figures(column: Page, documents: QuerySet) -> dict:
    """What a column page shows that costs a pass over its documents (their years, their
    number, the annual reports below it), cached until something below the column changes."""
    from .models import Genre
    from .reports.listing import annual_report_groups

    def compute() -> dict:
        # one pass gives the listing order and the years
        rows = (
            documents.order_by(*LISTING_ORDER)
            .annotate(year=local_year(documents))
            .values_list("pk", "year")
        )
        order, years = [], set()
        for pk, year in rows:
            order.append(pk)
            years.add(year)
        return {
            "years": sorted({int(year) for year in years if year is not None}, reverse=True),
            "order": order,
            "annual_report_groups": annual_report_groups(column),
            "interpretations": documents.filter(genre=Genre.INTERPRETATION).exists(),
        }

    tags = caching.page_tags(column, ancestors_of(column))
    return caching.cached_value(f"column:{column.pk}", tags, compute)


def column_listing_context(column: Page, request) -> dict:
    from .models import DisclosureColumnPage

    documents = public_documents().filter(subtree_q(column))
    figures = column_figures(column, documents)
    form = DocumentFilterForm(
        request.GET or None,
        years=figures["years"],
        interpretations=figures.get("interpretations", True),
    )
    filters = form.filters()
    per_page = get_setting("DISCLOSURE_DOCUMENTS_PER_PAGE")
    if filters:
        filtered = apply_filters(documents, filters).select_related("unit", "topic")
        paginator = Paginator(filtered.order_by(*LISTING_ORDER), per_page)
        page_obj = paginator.get_page(request.GET.get("page"))
    else:
        # the column's documents in listing order are a cached list of pks: a deep page
        # costs no OFFSET over the column, page 1 no sort of all its documents
        paginator = Paginator(figures["order"], per_page)
        page_obj = paginator.get_page(request.GET.get("page"))
        page_obj.object_list = documents_in_order(page_obj.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    sub_columns = (
        DisclosureColumnPage.objects.type(DisclosureColumnPage)
        .filter(children_q(column))
        .order_by("path")
    )
    return {
        "annual_report_groups": figures["annual_report_groups"],
        "filter_form": form,
        "documents": page_obj,
        "paginator": paginator,
        "filter_query": query.urlencode(),
        "sub_columns": public_pages(sub_columns),
        "breadcrumbs": breadcrumbs(column),
    }
