"""What the public sees: live, public, unexpired documents, and the counts shown beside columns."""

from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Substr
from wagtail.models import Page

from .conf import get_setting
from .forms import DocumentFilterForm

# the rule lives in .visibility; these names stay importable from here
from .visibility import public_pages, searchable_public_pages  # noqa: F401


def public_documents() -> QuerySet:
    from .models import DisclosureDocumentPage

    return public_pages(DisclosureDocumentPage.objects.all())


def public_columns(index: Page) -> QuerySet:
    from .models import DisclosureColumnPage

    return public_pages(DisclosureColumnPage.objects.descendant_of(index)).order_by("path")


def apply_filters(documents: QuerySet, filters: dict) -> QuerySet:
    if year := filters.get("year"):
        documents = documents.filter(publish_date__year=year)
    if unit := filters.get("unit"):
        documents = documents.filter(unit=unit)
    if topic := filters.get("topic"):
        documents = documents.filter(Q(topic=topic) | Q(topic__parent=topic))
    if validity := filters.get("validity"):
        documents = documents.filter(validity=validity)
    return documents


def document_counts_by_column(index: Page, levels: int) -> dict[str, int]:
    """Public documents below each column path prefix, for the first ``levels`` levels."""
    documents = public_documents().descendant_of(index)
    counts: dict[str, int] = {}
    for level in range(1, levels + 1):
        prefix_length = Page.steplen * (index.depth + level)
        rows = (
            documents.order_by()
            .annotate(prefix=Substr("path", 1, prefix_length))
            .values("prefix")
            .annotate(n=Count("pk"))
        )
        counts.update({row["prefix"]: row["n"] for row in rows})
    return counts


def column_tree(index: Page) -> list[dict]:
    """The public column tree below ``index`` with document counts, as nested dicts."""
    levels = get_setting("DISCLOSURE_MAX_COLUMN_DEPTH")
    counts = document_counts_by_column(index, levels)
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


def column_listing_context(column: Page, request) -> dict:
    documents = public_documents().descendant_of(column)
    years = sorted(
        {d.year for d in documents.order_by().datetimes("publish_date", "year")}, reverse=True
    )
    form = DocumentFilterForm(request.GET or None, years=years)
    filtered = apply_filters(documents, form.filters()).select_related("unit", "topic")
    filtered = filtered.order_by("-publish_date", "-pk")
    paginator = Paginator(filtered, get_setting("DISCLOSURE_DOCUMENTS_PER_PAGE"))
    page_obj = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    from .models import DisclosureColumnPage
    from .report_listing import annual_report_groups

    return {
        "annual_report_groups": annual_report_groups(column),
        "filter_form": form,
        "documents": page_obj,
        "paginator": paginator,
        "filter_query": query.urlencode(),
        "sub_columns": public_pages(column.get_children().type(DisclosureColumnPage)).specific(),
        "breadcrumbs": column.get_ancestors().filter(depth__gt=1).specific(),
    }
