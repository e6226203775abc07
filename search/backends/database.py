"""The embedded (database) search backend: Chinese-aware, and safe for concurrent publication.

Chinese: every indexed text value and every query string goes through ``segment`` (jieba
search-mode words plus single characters on the index side, the matching words on the query
side), so SQLite FTS5 and PostgreSQL find words inside a run of Chinese characters. Nothing of
modelsearch is copied: the index sees segmented field values through ``SegmentedSearchField``
and the query compiler sees a segmented query string.

PostgreSQL: Wagtail's PostgreSQL index refreshes ``title_norm`` after every insert with one
UPDATE over *every* entry still at the default 1.0, including rows other transactions are
updating at the same moment. Two editors publishing at once then lock the same rows in
different orders and PostgreSQL aborts one of them with a deadlock. Here the refresh touches
only the entries this transaction has just written (already locked by it), so concurrent
publications never wait on each other. ``update_index`` still runs the full refresh.

Settings: ``{"BACKEND": "search.backends.database", "SEARCH_CONFIG": "simple"}`` (PostgreSQL
must not stem or drop English stop words such as ``a`` in ``A级``; SQLite ignores it).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Avg, F
from django.db.models.functions import Length
from django.utils.encoding import force_str
from modelsearch.backends.database import SearchBackend as default_database_backend
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.utils import get_content_type_pk

from . import segment
from .querying import SegmentingBackendMixin


def _flatten(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return " ".join(_flatten(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_flatten(item) for item in value.values())
    return force_str(value)


class SegmentedSearchField(SearchField):
    """A ``SearchField`` whose value reaches the index already segmented."""

    def __init__(self, original: SearchField):
        super().__init__(original.field_name, boost=original.boost, **original.kwargs)
        self.original = original

    def get_value(self, obj: Any) -> str:
        obj = getattr(obj, "_segmented_original", obj)
        return segment.index_text(_flatten(self.original.get_value(obj)))


class SegmentedAutocompleteField(AutocompleteField):
    def __init__(self, original: AutocompleteField):
        super().__init__(original.field_name, **original.kwargs)
        self.original = original

    def get_value(self, obj: Any) -> str:
        obj = getattr(obj, "_segmented_original", obj)
        return segment.index_text(_flatten(self.original.get_value(obj)))


class SegmentedRelatedFields(RelatedFields):
    def __init__(self, original: RelatedFields):
        super().__init__(original.field_name, [_segmented(f) for f in original.fields])
        self.original = original

    def get_value(self, obj: Any) -> Any:
        return self.original.get_value(getattr(obj, "_segmented_original", obj))


def _segmented(field: Any) -> Any:
    if isinstance(field, SearchField):
        return SegmentedSearchField(field)
    if isinstance(field, RelatedFields):
        return SegmentedRelatedFields(field)
    if isinstance(field, AutocompleteField):
        return SegmentedAutocompleteField(field)
    return field  # filter fields: the database index does not read them


class _SegmentedObject:
    """What the index's ``ObjectIndexer`` sees of an object: its pk and segmented fields."""

    def __init__(self, obj: Any):
        self._segmented_original = obj
        self.pk = obj.pk

    def get_search_fields(self) -> list:
        return [_segmented(f) for f in self._segmented_original.get_search_fields()]


class SegmentingIndexMixin:
    def add_items(self, model, objs):
        return super().add_items(model, [_SegmentedObject(obj) for obj in objs])


class ConcurrentSafePostgresIndex(SegmentingIndexMixin, PostgresIndex):
    _just_indexed: tuple[int, list[str]] | None = None

    def add_items(self, model, objs):
        objs = list(objs)
        self._just_indexed = (get_content_type_pk(model), [force_str(obj.pk) for obj in objs])
        try:
            super().add_items(model, objs)
        finally:
            self._just_indexed = None

    def _refresh_title_norms(self, full=False):
        if full or self._just_indexed is None:
            return super()._refresh_title_norms(full=full)
        content_type_pk, object_ids = self._just_indexed
        with_length = self.entries.annotate(title_length=Length("title")).filter(title_length__gt=0)
        average = with_length.aggregate(Avg("title_length"))["title_length__avg"]
        with_length.filter(content_type_id=content_type_pk, object_id__in=object_ids).update(
            title_norm=average / F("title_length")
        )


class TieBreakingPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    """Relevance first, then the queryset's own order (modelsearch breaks ties by ``-pk``).

    The title vector is not multiplied by ``title_norm``: that is the average title length
    when the entry was written, so equal documents scored differently by indexing order.
    """

    def get_index_vectors(self, search_query):
        return [(F("index_entries__title"), 1.0), (F("index_entries__body"), 1.0)]

    def _apply_ordering_and_scoring(self, queryset, rank_expression, start, stop, score_field=None):
        tie_break = list(queryset.query.order_by)
        if not (self.order_by_relevance and tie_break):
            return super()._apply_ordering_and_scoring(
                queryset, rank_expression, start, stop, score_field
            )
        queryset = queryset.order_by(rank_expression.desc(), *tie_break)
        if score_field is not None:
            queryset = queryset.annotate(**{score_field: rank_expression})
        return queryset[start:stop]


class ConcurrentSafePostgresSearchBackend(SegmentingBackendMixin, PostgresSearchBackend):
    index_class = ConcurrentSafePostgresIndex
    query_compiler_class = TieBreakingPostgresSearchQueryCompiler


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    backend = default_database_backend(params)
    if isinstance(backend, PostgresSearchBackend):
        return ConcurrentSafePostgresSearchBackend(params)
    if backend.__class__.__name__ == "SQLiteSearchBackend":
        # imported only on SQLite: modelsearch's SQLite modules need SQLite's FTS model
        from .sqlite import ChineseSQLiteSearchBackend

        return ChineseSQLiteSearchBackend(params)
    return backend
