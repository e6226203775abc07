"""One search of the public search page, on one backend, fully evaluated."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from modelsearch.backends.base import EmptySearchResults
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from disclosure.listing import public_documents, searchable_public_pages
from disclosure.models import DisclosureDocumentPage

from . import breaker, facets, filters, highlight
from .backends import partial

PER_PAGE = 20


@dataclass
class Hit:
    page: Page
    title: str
    snippet: str
    document: DisclosureDocumentPage | None = None
    exact: bool = False
    # a partial match (not every word of the query); the first one on the page gets a heading
    partial: bool = False
    first_partial: bool = False


@dataclass
class Outcome:
    hits: list[Hit] = field(default_factory=list)
    page_obj: PaginatorPage | None = None
    total: int = 0
    facets: dict = field(default_factory=dict)
    backend: str = "default"
    # no result holds every word of the query: the results are partial matches only
    partial_only: bool = False
    # results holding every word (listed first), and partial matches listed after them
    all_words: int = 0
    partial: int = 0
    # the number of the first partial match on this page, if one is on it
    partial_start: int | None = None


def _tally_matches(results) -> facets.FacetTally:
    """Facet counts of every match: by SQL over the matches the search found already on the
    database backends, by one aggregation request on Elasticsearch."""
    if isinstance(results, EmptySearchResults):  # the query held no word to search
        return facets.FacetTally()
    if hasattr(results, "matching"):  # search/backends/sqlite.py and postgres.py
        return facets.tally_documents(results.matching(DisclosureDocumentPage))
    from .backends.elasticsearch import aggregate

    aggregations = aggregate(results, facets.elasticsearch_aggregations, DisclosureDocumentPage)
    return facets.tally_aggregations(aggregations)


class _LazyResults:
    """Lets Django's Paginator slice and count search results without evaluating them all."""

    def __init__(self, results, count: int):
        self.results, self._count = results, count

    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        return list(self.results[index])


def run_search(values: dict, backend_name: str, page_number) -> Outcome:
    query = values["q"]
    backend = breaker.with_search_timeout(get_search_backend(backend_name))
    documents = public_documents()
    exact = list(filters.exact_number_matches(documents, query)) if query else []
    exclude = [d.pk for d in exact]

    document_search = filters.has_document_filters(values) or values["sort"] == "date"
    if document_search:
        base = searchable_public_pages(DisclosureDocumentPage.objects.all())
        base = base.filter(filters.document_filter_q(values))
    else:
        base = searchable_public_pages(Page.objects.all())
    if exclude:
        base = base.exclude(pk__in=exclude)
    # by date; or, when sorting by relevance, the order of equal scores: newer first
    if document_search:
        base = base.order_by("-publish_date", "-id")
    else:
        base = base.order_by("-first_published_at", "-id")

    outcome = Outcome(backend=backend_name)
    if query:
        by_relevance = values["sort"] != "date"
        results = backend.search(query, base, operator="and", order_by_relevance=by_relevance)
        total = outcome.all_words = results.count()
        if not exact and partial.should_widen(query, total):
            # few texts hold every word: add the documents whose column, unit or topic
            # holds the others, then, while they do not fill a page, the best partial matches
            results = backend.search(
                partial.WidenedText(query), base, order_by_relevance=by_relevance
            )
            total = results.count()
            outcome.all_words = results.all_words_count()
            outcome.partial = total - outcome.all_words
            outcome.partial_only = total > 0 and outcome.all_words == 0
        # the facets count what is listed: the partial matches too, so that a filter the
        # citizen picks from them finds what its count promised
        tally = _tally_matches(results)
    else:  # filters only: the public documents that pass them, newest first
        base = base if document_search else base.none()
        results, total = base, base.count()
        tally = facets.tally_documents(
            DisclosureDocumentPage.objects.filter(pk__in=base.values("pk"))
        )

    paginator = Paginator(_LazyResults(results, total), PER_PAGE, allow_empty_first_page=True)
    outcome.page_obj = paginator.get_page(page_number)
    outcome.total = total + len(exact)
    if exact:  # not among the matches: the search excluded them to list them first
        tally += facets.tally_documents(DisclosureDocumentPage.objects.filter(pk__in=exclude))
    outcome.facets = tally.facets(values)

    pattern = highlight.terms_pattern(query) if query else None
    on_page = list(outcome.page_obj.object_list)
    if outcome.page_obj.number == 1:
        on_page = exact + on_page
    outcome.hits = _hits(on_page, pattern, {d.pk for d in exact})
    if outcome.partial:
        _mark_partial(outcome, len(exact))
    return outcome


def _mark_partial(outcome: Outcome, before: int) -> None:
    """Marks the partial matches among the hits (the results after the ``all_words`` full
    ones; ``before``: hits listed ahead of the results) and the first one on the page."""
    start = outcome.page_obj.start_index() - 1  # results before this page
    for position, hit in enumerate(outcome.hits[before:]):
        hit.partial = start + position >= outcome.all_words
        if hit.partial and start + position == outcome.all_words and outcome.all_words:
            hit.first_partial = True
            outcome.partial_start = start + position + 1


def _hits(pages: list[Page], pattern, exact_pks: set[int]) -> list[Hit]:
    specific = {
        p.pk: p
        for p in Page.objects.filter(pk__in=[p.pk for p in pages]).specific().select_related()
    }
    documents = {
        d.pk: d
        for d in DisclosureDocumentPage.objects.filter(pk__in=specific).select_related("unit")
    }
    hits = []
    for page in pages:
        page = specific.get(page.pk, page)
        document = documents.get(page.pk)
        texts = (
            [document.summary, highlight.plain_text(document.body)]
            if document
            else [page.search_description, highlight.plain_text(getattr(page, "intro", ""))]
        )
        hits.append(
            Hit(
                page=page,
                title=highlight.highlight(page.title, pattern),
                snippet=highlight.snippet(texts, pattern),
                document=document,
                exact=page.pk in exact_pks,
            )
        )
    return hits
