"""Query-side segmentation, shared by the database and Elasticsearch backends.

A query is cut into words by ``segment.query_tokens`` before the backend sees it, so every
backend receives the same words: on the database they meet the segmented index; on
Elasticsearch each word is analysed on its own (``三公 经费``), so a quotation mark or a
punctuation sign inside the indexed text (``“三公”经费``) does not break the match.
"""

from __future__ import annotations

from typing import Any

from modelsearch import query as search_query
from modelsearch.backends.base import EmptySearchResults

from . import segment
from .partial import WidenedText


def segment_query(query: Any) -> Any:
    """A query string or modelsearch query object, with its plain text segmented; ``None``
    when no word is left to search (a query of punctuation only)."""
    if isinstance(query, str):
        return segment.query_text(query) or None
    if isinstance(query, WidenedText):  # keeps the query's words for the ranking
        text = segment.query_text(query.query_string)
        words = segment.query_words(query.query_string)
        return WidenedText(text, words, query.typed) if text else None
    if isinstance(query, search_query.PlainText):
        text = segment.query_text(query.query_string)
        return search_query.PlainText(text, query.operator) if text else None
    if isinstance(query, search_query.Phrase):
        text = segment.index_text(query.query_string)
        return search_query.Phrase(text) if text else None
    if isinstance(query, search_query.Boost):
        subquery = segment_query(query.subquery)
        return None if subquery is None else search_query.Boost(subquery, query.boost)
    if isinstance(query, search_query.And | search_query.Or):
        subqueries = [q for q in map(segment_query, query.subqueries) if q is not None]
        if len(subqueries) > 1:
            return type(query)(subqueries)
        return subqueries[0] if subqueries else None
    if isinstance(query, search_query.Not):
        subquery = segment_query(query.subquery)
        return None if subquery is None else search_query.Not(subquery)
    return query


class SegmentingBackendMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        segmented = segment_query(query)
        if segmented is None:
            return EmptySearchResults()
        return super()._search(query_compiler_class, segmented, model_or_queryset, **kwargs)
