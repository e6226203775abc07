"""Query-side segmentation, shared by the database and Elasticsearch backends.

A query is cut into words by ``segment.query_tokens`` before the backend sees it, so every
backend receives the same words: on the database they meet the segmented index; on
Elasticsearch each word is analysed on its own (``三公 经费``), so a quotation mark or a
punctuation sign inside the indexed text (``“三公”经费``) does not break the match.
"""

from __future__ import annotations

from typing import Any

from modelsearch import query as search_query

from . import segment


def segment_query(query: Any) -> Any:
    """A query string or modelsearch query object, with its plain text segmented."""
    if isinstance(query, str):
        return segment.query_text(query)
    if isinstance(query, search_query.PlainText):
        return search_query.PlainText(segment.query_text(query.query_string), query.operator)
    if isinstance(query, search_query.Phrase):
        return search_query.Phrase(segment.index_text(query.query_string))
    if isinstance(query, search_query.Boost):
        return search_query.Boost(segment_query(query.subquery), query.boost)
    if isinstance(query, search_query.And | search_query.Or):
        return type(query)([segment_query(q) for q in query.subqueries])
    if isinstance(query, search_query.Not):
        return search_query.Not(segment_query(query.subquery))
    return query


class SegmentingBackendMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        return super()._search(
            query_compiler_class, segment_query(query), model_or_queryset, **kwargs
        )
