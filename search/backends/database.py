"""The embedded (database) search backend, Chinese-aware on SQLite and PostgreSQL alike.

Chinese: every indexed text value and every query string goes through ``segment`` (jieba
search-mode words plus single characters on the index side, the matching words on the query
side), so SQLite FTS5 and PostgreSQL find words inside a run of Chinese characters. Nothing of
modelsearch is copied: the index sees segmented field values through ``SegmentedSearchField``
and the query compiler sees a segmented query string.

Matching and ranking at 100,000 documents: ``sqlite.py`` and ``postgres.py``.

Settings: ``{"BACKEND": "search.backends.database", "SEARCH_CONFIG": "simple"}`` (PostgreSQL
must not stem or drop English stop words such as ``a`` in ``A级``; SQLite ignores it).
"""

from __future__ import annotations

from typing import Any

from django.db import connections
from django.utils.encoding import force_str
from modelsearch.backends.database import SearchBackend as default_database_backend
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
from modelsearch.index import AutocompleteField, RelatedFields, SearchField

from . import segment


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


def fetch_rows(queryset) -> list[tuple]:
    """The rows of a ``values_list`` queryset, straight from the cursor: tens of thousands
    of (id, score) pairs cost half as much without the ORM's per-row conversion."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    backend = default_database_backend(params)
    if isinstance(backend, PostgresSearchBackend):
        from .postgres import ChinesePostgresSearchBackend

        return ChinesePostgresSearchBackend(params)
    if backend.__class__.__name__ == "SQLiteSearchBackend":
        # imported only on SQLite: modelsearch's SQLite modules need SQLite's FTS model
        from .sqlite import ChineseSQLiteSearchBackend

        return ChineseSQLiteSearchBackend(params)
    return backend
