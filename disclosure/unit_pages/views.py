"""The public unit pages: /units/, /units/<code>/ and /units/<code>/catalogue/ below the
plugin's URLs (``disclosure.urls``)."""

from __future__ import annotations

import re

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe
from wagtail.models import Site

from .. import page_cache
from ..conf import get_setting
from ..forms import DocumentFilterForm
from ..listing import LISTING_ORDER, apply_filters
from ..validators import normalize_unit_code
from . import queries

NEWEST_DOCUMENTS = 10
UNIT_CODE = re.compile(r"[0-9A-Z]{9}|[0-9A-Z]{18}", re.ASCII)
CACHE_TAGS = queries.CACHE_TAGS


def _public_unit(code: str):
    code = normalize_unit_code(code)
    if not UNIT_CODE.fullmatch(code):  # nothing else is a code (nor reaches the database)
        raise Http404
    unit = queries.public_units().filter(code=code).first()
    if unit is None:
        raise Http404
    return unit


def _render(request: HttpRequest, template: str, context: dict) -> TemplateResponse:
    context["disclosure_index"] = queries.disclosure_index(Site.find_for_request(request))
    page_cache.cache_response_with(request, CACHE_TAGS)
    return TemplateResponse(request, f"disclosure/unit_pages/{template}", context)


@require_safe
def unit_list(request: HttpRequest) -> TemplateResponse:
    groups = queries.units_by_kind(queries.public_units())
    return _render(request, "unit_list.html", {"groups": groups})


@require_safe
def unit_detail(request: HttpRequest, code: str) -> TemplateResponse:
    unit = _public_unit(code)
    documents = queries.unit_documents(unit).select_related("unit")
    context = {
        "unit": unit,
        "leaders": list(unit.leaders.all()),
        "guide_url": queries.guide_url(unit, request),
        "newest": documents.order_by(*LISTING_ORDER)[:NEWEST_DOCUMENTS],
        "document_count": queries.document_counts().get(unit.pk, 0),
        "annual_reports": queries.annual_reports(unit),
        "statistics_url": queries.statistics_url(unit, request),
    }
    return _render(request, "unit_detail.html", context)


@require_safe
def unit_catalogue(request: HttpRequest, code: str) -> TemplateResponse:
    """The unit's public documents, filtered like a column's listing (year, topic …)."""
    unit = _public_unit(code)
    documents = queries.unit_documents(unit)
    facets = queries.unit_facets(unit)
    form = DocumentFilterForm(
        request.GET or None, years=facets["years"], interpretations=facets["interpretations"]
    )
    del form.fields["unit"]  # the page is the unit's
    filters = form.filters()
    filtered = apply_filters(documents, filters).select_related("unit", "topic")
    paginator = Paginator(
        filtered.order_by(*LISTING_ORDER), get_setting("DISCLOSURE_DOCUMENTS_PER_PAGE")
    )
    if not any(filters.values()):
        # the unit's count is known: no COUNT over its documents for every page
        paginator.count = queries.document_counts().get(unit.pk, 0)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "unit": unit,
        "columns": facets["columns"],
        "filter_form": form,
        "documents": paginator.get_page(request.GET.get("page")),
        "paginator": paginator,
        "filter_query": query.urlencode(),
    }
    return _render(request, "unit_catalogue.html", context)
