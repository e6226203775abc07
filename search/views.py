"""The public search page, /search/?q=…: see search/service.py for the search itself."""

from __future__ import annotations

import logging

from django.conf import settings
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from modelsearch.utils import normalise_query_string
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from disclosure.listing import public_pages
from disclosure.models import DisclosureColumnPage, DisclosureUnit, ReportCategory, Topic
from disclosure.page_cache import cache_response_with

from . import breaker, hits
from .forms import SearchForm
from .options import search_form_options
from .service import run_search

logger = logging.getLogger(__name__)


def search_backend_name() -> str:
    """The backend the public searches: Elasticsearch when configured, else the database."""
    return getattr(settings, "PORTAL_SEARCH_BACKEND", "default")


def backend_unavailable_errors() -> tuple[type[BaseException], ...]:
    try:
        from elastic_transport import TransportError
        from elasticsearch import ApiError
    except ImportError:  # pragma: no cover - the client is a dependency
        return ()
    return (TransportError, ApiError)


def search(request: HttpRequest) -> TemplateResponse:
    form = SearchForm(request.GET or None)
    values = form.values()
    # sorted here: ordered by path, SQLite walks every page in path order to find the columns
    # .type(): the content-type index finds the ~100 columns; a bare join scanned every page
    columns = public_pages(DisclosureColumnPage.objects.type(DisclosureColumnPage)).order_by()
    columns = columns.only("title", "path", "depth")
    values["columns"] = sorted(columns, key=lambda column: column.path)
    values["categories"] = list(ReportCategory.objects.all())
    page_number = request.GET.get("page")
    searched = bool(values["q"]) or any(
        values.get(k)
        for k in ("column", "unit", "topic", "category", "year_from", "year_to", "interpretation")
    )

    outcome, notice = None, ""
    if searched:
        outcome, notice = _search_with_fallback(values, page_number)

    promotions = []
    if values["q"]:
        hits.record_hit(values["q"])
        if not page_number or page_number == "1":
            promotions = public_promotions(values["q"])

    if not notice:  # a fallback answer (Elasticsearch down) is not kept
        on_hit = ("search.hits.record_hit", (values["q"],)) if values["q"] else None
        cache_response_with(request, ["catalogue", "site", "search"], on_hit=on_hit)
    params = request.GET.copy()
    params.pop("page", None)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "form": form,
            "values": values,
            "search_query": values["q"],
            "typed_query": form.typed_query(),
            "input_messages": form.messages(),
            "searched": searched,
            "outcome": outcome,
            "notice": notice,
            "promotions": promotions,
            "query_string": params.urlencode(),
            "used_filters": _used_filters(values),
            "options": search_form_options(
                values,
                form,
                outcome.facets if outcome else None,
                units=DisclosureUnit.objects.all(),
                topics=Topic.objects.select_related("parent").order_by(
                    "parent__sort_order", "sort_order", "pk"
                ),
            ),
        },
    )


def _search_with_fallback(values: dict, page_number):
    """The search on the configured backend; on the database when that backend fails, or
    failed a moment ago (``breaker``), with a notice that the results may be incomplete."""
    backend = search_backend_name()
    if backend == "default":
        return run_search(values, backend, page_number), ""
    if breaker.is_open(backend):
        logger.info("search backend %s skipped (failed recently)", backend)
    else:
        try:
            return run_search(values, backend, page_number), ""
        except backend_unavailable_errors():
            breaker.trip(backend)
    notice = _("全文检索服务暂时不可用，以下为数据库检索结果，可能不够完整。")
    return run_search(values, "default", page_number), notice


def public_promotions(query_string: str) -> list:
    """The editors' picks for the query that the public may follow: an external link, or a
    page that is public now (a pick to a page later unpublished or restricted is skipped).
    Read only: a search writes nothing to the database (see hits.py)."""
    picks = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query_string))
        .select_related("page")
        .order_by("sort_order")
    )
    page_pks = [pick.page_id for pick in picks if pick.page_id]
    public = set(public_pages(Page.objects.filter(pk__in=page_pks)).values_list("pk", flat=True))
    return [pick for pick in picks if pick.page_id is None or pick.page_id in public]


def _used_filters(values: dict) -> list[tuple[str, str]]:
    form = SearchForm(None)
    used = []
    for name in ("column", "unit", "topic", "category", "validity", "file_type", "interpretation"):
        value = values.get(name)
        if value:
            label = form.fields[name].label if name in form.fields else name
            if name in ("validity", "file_type", "interpretation"):
                value = dict(form.fields[name].choices).get(value, value)
            used.append((str(label), str(value)))
    if values.get("year_from") or values.get("year_to"):
        years = f"{values.get('year_from', '')}–{values.get('year_to', '')}"
        used.append((_("发布年份"), years))
    return used
