"""Wagtail's ``elasticsearch8`` backend with Chinese analysis, public pages only.

- Every text field is analysed with CJK bigrams (ES's ``standard`` tokenizer, ``cjk_width``,
  ``lowercase``, ``cjk_bigram``), set as the index's ``default`` analyzer. The index side also
  keeps single characters (``output_unigrams``) so that a one-character query (``税``) finds
  text; the query side (``default_search``) uses bigrams only, so ``信息公开`` must match
  信息·息公·公开 rather than any of its characters. The query is first cut into words
  (``querying.SegmentingBackendMixin``, as on the database), and bigrams are made within
  each word only. Both come with the official distribution
  (analysis-common); the development node provides them through its dev-extras plugin.
- Only public pages are stored: a page that is not live, is view-restricted or has expired
  is removed instead of indexed (publish, unpublish, scheduled go-live and the scheduler's
  expiry all save the page, which updates the index).
- ``REFRESH`` (tests only): refresh after every write, so a search sees it at once.

Settings: ``{"BACKEND": "search.backends.elasticsearch", "URLS": [url], "INDEX_PREFIX": …,
"TIMEOUT": 5, "ATOMIC_REBUILD": True}``.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from modelsearch import query as search_query
from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8Index,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
    Elasticsearch8SearchResults,
)
from modelsearch.utils import deep_update
from wagtail.models import Page

from . import partial
from .querying import SegmentingBackendMixin

# Scores of a widened query (``partial``): each query word found outweighs any text score,
# and each word found in the text itself outweighs one found in a weaker field only.
WORD_SCORE = 10_000.0
TEXT_WORD_SCORE = 1_000.0

CHINESE_ANALYSIS = {
    "settings": {
        "analysis": {
            "filter": {
                "cjk_bigram_with_unigrams": {"type": "cjk_bigram", "output_unigrams": True},
            },
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["cjk_width", "lowercase", "cjk_bigram_with_unigrams"],
                },
                "default_search": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["cjk_width", "lowercase", "cjk_bigram"],
                },
            },
        }
    }
}


def public_page_pks(pks: list[Any]) -> set[Any]:
    from disclosure.listing import searchable_public_pages

    public = searchable_public_pages(Page.objects.filter(pk__in=pks))
    return set(public.values_list("pk", flat=True))


class PublicOnlyIndex(Elasticsearch8Index):
    def _split(self, items: list) -> tuple[list, list]:
        pages = [item for item in items if isinstance(item, Page)]
        if not pages:
            return items, []
        public = public_page_pks([page.pk for page in pages])
        keep = [i for i in items if not isinstance(i, Page) or i.pk in public]
        drop = [i for i in items if isinstance(i, Page) and i.pk not in public]
        return keep, drop

    def add_item(self, item):
        keep, drop = self._split([item])
        for obj in drop:
            self.delete_item(obj)
        if keep:
            super().add_item(item)
        self._refresh_if_asked()

    def add_items(self, model, items):
        keep, drop = self._split(list(items))
        if drop:  # one bulk request; a page that was never indexed is no error
            mapping = self.mapping_class(model)
            actions = [{"_op_type": "delete", "_id": mapping.get_document_id(i)} for i in drop]
            self.backend.bulk(self.es, actions, index=self.name, raise_on_error=False)
        super().add_items(model, keep)
        self._refresh_if_asked()

    def delete_item(self, item):
        super().delete_item(item)
        self._refresh_if_asked()

    def _refresh_if_asked(self):
        if getattr(self.backend, "refresh_on_write", False):
            self.refresh()


class TieBreakingQueryCompiler(Elasticsearch8SearchQueryCompiler):
    """Relevance first, then the queryset's own order: equal scores go to the newer document
    when the queryset is ordered by date (modelsearch leaves ties in index order).

    A ``partial.WidenedText`` query finds every document holding a word of the query, in
    its text or in a weaker field (column, unit, topic: filter fields of the index, so the
    mapping is unchanged), scored by words found, then words found in the text, then (by
    relevance) the text score; sorted by date, by the words and then the date. A document
    with every word gets ``WORD_SCORE`` more per word: the full matches come before any
    partial match, whatever their text scores."""

    # whether only the documents with every word are found (a page of them or more), and the
    # number of them (``WideningSearchResults`` asks Elasticsearch once per search)
    every_word: bool | None = None
    all_words: int = 0

    def is_widened(self) -> bool:
        return isinstance(self.query, partial.WidenedText)

    def get_inner_query(self):
        if not self.is_widened():
            return super().get_inner_query()
        weights: dict[str, float] = {}
        words_of: dict[str, list[str]] = {}
        for word, group in self.query.words:
            for token in group:
                weights[token] = weights.get(token, 0.0) + 1.0 / len(group)
                words_of.setdefault(token, []).append(word)
        context = partial.contexts(self.query.terms())
        words, scoring, found_all, text_of = [], [], [], {}
        for token, weight in weights.items():
            text = self._compile_plaintext_query(
                search_query.PlainText(token, "and"), self.remapped_fields
            )
            places = [context[token], *(context[word] for word in words_of[token])]
            weaker = [clause for place in places for clause in self._context_clauses(place)]
            found = {"bool": {"should": [text, *weaker]}}
            words.append({"constant_score": {"filter": found, "boost": WORD_SCORE * weight}})
            found_all.append(found)
            text_of[token] = text
            scoring.append({"constant_score": {"filter": text, "boost": TEXT_WORD_SCORE * weight}})
            if self.order_by_relevance:
                scoring.append(text)
        if self.every_word:
            return {"bool": {"must": words, "should": scoring}}
        # full matches first: this outweighs what a partial match gains by its text
        # (at most TEXT_WORD_SCORE per word and the text score)
        every = {"bool": {"filter": found_all}}
        full = {"constant_score": {"filter": every, "boost": WORD_SCORE * len(self.query.words)}}
        # as on the database, a weaker field alone finds nothing: some word is in the text
        in_text = {"bool": {"should": list(text_of.values()), "minimum_should_match": 1}}
        # and a partial match holds a typed term whole in its text (partial.rank)
        typed = [self._whole_in_text(term, text_of) for term in self.query.typed]
        full_or_typed = {"bool": {"should": [every, *typed], "minimum_should_match": 1}}
        return {"bool": {"filter": [in_text, full_or_typed], "should": [full, *words, *scoring]}}

    def _whole_in_text(self, term: list[str], text_of: dict[str, dict]) -> dict:
        clauses = [
            text_of.get(token)
            or self._compile_plaintext_query(
                search_query.PlainText(token, "and"), self.remapped_fields
            )
            for token in term
        ]
        return {"bool": {"filter": clauses}}

    def _context_clauses(self, context: partial.Context) -> list[dict]:
        from disclosure.models import DisclosureDocumentPage

        if not context:
            return []
        mapping = self.mapping_class(DisclosureDocumentPage)
        fields = {f.field_name: f for f in DisclosureDocumentPage.get_filterable_search_fields()}

        def column(name: str) -> str:
            return mapping.get_field_column_name(fields[name])

        clauses: list[dict] = [
            {"prefix": {column("column_path"): path}} for path in context.column_paths
        ]
        if context.units:
            clauses.append({"terms": {column("unit"): sorted(context.units)}})
        if context.topics:
            clauses.append({"terms": {column("topic"): sorted(context.topics)}})
        return clauses

    def get_sort(self):
        if not (self.order_by_relevance or self.is_widened()):
            return super().get_sort()
        sort: list = ["_score"]
        for name in self.queryset.query.order_by:
            if not isinstance(name, str):
                continue
            field = self._get_filterable_field(name.lstrip("-"))
            if field is not None:
                order = "desc" if name.startswith("-") else "asc"
                column = self.mapping.get_field_column_name(field)
                sort.append({column: {"order": order, "missing": "_last"}})
        return sort


class WideningSearchResults(Elasticsearch8SearchResults):
    """Results of a widened query: the documents with every word, then, when they do not
    fill a page, the partial matches (``partial.lists_partial``; one count request decides)."""

    def _get_es_body(self, for_count=False):
        compiler = self.query_compiler
        if compiler.is_widened() and compiler.every_word is None:
            compiler.every_word = True
            index = self.backend.get_index_for_model(compiler.queryset.model)
            count = self.backend.es.count(index=index.name, query=compiler.get_query())["count"]
            compiler.every_word, compiler.all_words = not partial.lists_partial(count), count
        return super()._get_es_body(for_count=for_count)

    def all_words_count(self) -> int:
        """How many of the results hold every word of the query (the first ones)."""
        compiler = self.query_compiler
        if not compiler.is_widened():
            return self.count()
        self._get_es_body(for_count=True)
        return compiler.all_words


class ChineseElasticsearchBackend(SegmentingBackendMixin, Elasticsearch8SearchBackend):
    index_class = PublicOnlyIndex
    query_compiler_class = TieBreakingQueryCompiler
    results_class = WideningSearchResults
    indexes_public_pages_only = True  # search.signals reindexes on view-restriction changes

    def __init__(self, params):
        params = dict(params)
        self.refresh_on_write = params.pop("REFRESH", False)
        # the project's INDEX_SETTINGS, if any, still override the Chinese analysis
        params["INDEX_SETTINGS"] = deep_update(
            deepcopy(CHINESE_ANALYSIS), params.get("INDEX_SETTINGS", {})
        )
        super().__init__(params)


def aggregate(results, aggregations_for, model) -> dict:
    """Aggregations over every match of ``results``, in one request that returns no hits.

    ``aggregations_for(column_name)`` builds the request; ``column_name(field_name)`` is the
    index's name of a filter field of ``model`` (e.g. ``unit`` →
    ``disclosure_disclosuredocumentpage__unit_id_filter``).
    """
    backend = results.backend
    mapping = backend.mapping_class(model)
    filter_fields = {f.field_name: f for f in model.get_filterable_search_fields()}

    def column_name(field_name: str) -> str:
        return mapping.get_field_column_name(filter_fields[field_name])

    body = results._get_es_body(for_count=True)
    response = backend.es.search(
        index=backend.get_index_for_model(results.query_compiler.queryset.model).name,
        query=body["query"],
        size=0,
        aggs=aggregations_for(column_name),
    )
    return response["aggregations"]


SearchBackend = ChineseElasticsearchBackend
