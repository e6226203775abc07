"""The embedded (database) search backend, with a fix for concurrent publication on PostgreSQL.

Wagtail's PostgreSQL index refreshes ``title_norm`` after every insert with one UPDATE over
*every* entry still at the default 1.0, including rows other transactions are updating at the
same moment. Two editors publishing at once then lock the same rows in different orders and
PostgreSQL aborts one of them with a deadlock. Here the refresh touches only the entries this
transaction has just written (already locked by it), so concurrent publications never wait on
each other. ``update_index`` still runs the full refresh.
"""

from django.db.models import Avg, F
from django.db.models.functions import Length
from django.utils.encoding import force_str
from modelsearch.backends.database import SearchBackend as default_database_backend
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
)
from modelsearch.utils import get_content_type_pk


class ConcurrentSafePostgresIndex(PostgresIndex):
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


class ConcurrentSafePostgresSearchBackend(PostgresSearchBackend):
    index_class = ConcurrentSafePostgresIndex


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    backend = default_database_backend(params)
    if isinstance(backend, PostgresSearchBackend):
        return ConcurrentSafePostgresSearchBackend(params)
    return backend
