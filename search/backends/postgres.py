"""The Chinese-aware PostgreSQL backend (imported by ``database.SearchBackend`` on PostgreSQL).

Two departures from modelsearch's PostgreSQL backend:

Matching from the index entries. modelsearch joins the pages to their index entries on
``page.id::varchar = entry.object_id``; no index serves that cast, so every search hashes
all live pages and ranks every match inside that join, and the count and the facets repeat
it (0.5 to 2 s for a word found in 20,000 of 100,000 documents). Here the GIN index on
``title || body`` (migration search 0001) finds the entries, the queryset keeps the allowed
ones by ``pk = ANY(array)`` through the primary key, all in result order and without a
LIMIT (with one, PostgreSQL may walk a whole date index for the few newest matches). That
list of pks is fetched once per search and serves the count, every page and the facets.

No ``title_norm``. modelsearch multiplies the title rank by the average title length *at the
time each entry was written*, so equal documents scored differently by indexing order, and
refreshes it with an UPDATE over every entry still at 1.0, which deadlocks two editors
publishing at once (each transaction locks the other's fresh rows). The ranking here does not
use it, so it is never written: publishing writes only its own entries, and ``update_index``
does not rewrite the whole table at the end.
"""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db.models import BigIntegerField, BooleanField, CharField, F, Func, IntegerField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from modelsearch import query as search_query
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.utils import get_descendants_content_types_pks

from .database import SegmentingIndexMixin, fetch_rows
from .partial import DatabaseWidening
from .querying import SegmentingBackendMixin


class EqualsAny(Func):
    """``<pk> = ANY(<array>)``: tens of thousands of pks in one parameter."""

    arg_joiner = " = ANY("
    template = "%(expressions)s)"
    output_field = BooleanField()


class ChinesePostgresIndex(SegmentingIndexMixin, PostgresIndex):
    def _refresh_title_norms(self, full=False):
        pass  # the ranking does not use title_norm (see the module docstring)


class RankingPostgresSearchQueryCompiler(DatabaseWidening, PostgresSearchQueryCompiler):
    def get_index_vectors(self, search_query):
        return [(F("index_entries__title"), 1.0), (F("index_entries__body"), 1.0)]

    def matches_from_entries(self) -> bool:
        """Whether this search can be answered from the index entries alone: a text query
        over the whole index (not named fields, not fuzzy, not a bare match-all or Not)."""
        pk = self.queryset.model._meta.pk
        while pk.is_relation:  # a page type's pk is its link to the Page row
            pk = pk.target_field
        return (
            self.fields is None
            and isinstance(pk, IntegerField)
            and not isinstance(
                self.query, search_query.MatchAll | search_query.Not | search_query.Fuzzy
            )
        )

    def matching_entries(self, config, query=None):
        """The index entries of the queryset's model that match the query (GIN index)."""
        tsquery = self.build_tsquery(query or self.query, config=config)
        return (
            IndexEntry.objects.filter(
                content_type_id__in=get_descendants_content_types_pks(self.queryset.model)
            )
            .annotate(_vector_=F("title")._combine(F("body"), "||", False))
            .filter(_vector_=tsquery)
        )

    def matched_pks(self, config) -> list:
        """Every match the queryset allows, in result order: best first when ordered by
        relevance (equal scores keep the queryset's order), else the queryset's own order.

        Computed once per search: the count, every page of the results (clones sharing this
        compiler) and the facets use it.
        """
        if getattr(self, "_matched_pks", None) is None:
            self._matched_pks = self._match(config)
        return self._matched_pks

    def _match(self, config) -> list:
        if self.is_widened():
            self.ranking = self.widened_ranking(config)
            return self.ranking.pks
        entries = self.matching_entries(config)
        if self.order_by_relevance:
            vectors = [(F("title"), 1.0), (F("body"), 1.0)]
            entries = entries.annotate(score=self._build_rank_expression(vectors, config))
            scores = {
                int(pk): score
                for pk, score in fetch_rows(entries.values_list("object_id", "score"))
            }
        else:
            scores = {int(pk): 0.0 for (pk,) in fetch_rows(entries.values_list("object_id"))}
        queryset = self.queryset if self.queryset.ordered else self.queryset.order_by("-pk")
        # Without a LIMIT, PostgreSQL finds and sorts the allowed matches in one pass; with
        # one, it may walk a whole date index looking for the few newest matches.
        allowed = queryset.filter(_pk_in(list(scores))).values_list("pk")
        pks = [pk for (pk,) in fetch_rows(allowed)]
        if self.order_by_relevance:
            pks.sort(key=lambda pk: -scores[pk])  # stable: ties keep the queryset's order
        return pks

    def token_scores(self, token: str, config, limit=None, among=None) -> dict:
        """Minus ts_rank of the matches of one token (``partial.DatabaseWidening``): the
        first ``limit``, or those among the ``among`` pks."""
        query = search_query.PlainText(token, "and")
        entries = self.matching_entries(config, query)
        if among is not None:
            among_ids = _text_array([str(pk) for pk in among])
            entries = entries.filter(EqualsAny(F("object_id"), among_ids))
        rank = self.build_tsrank(F("title"), query, config) + self.build_tsrank(
            F("body"), query, config
        )
        rows = entries.annotate(score=rank).values_list("object_id", "score")
        if limit is not None:
            rows = rows[:limit]
        return {int(pk): -score for pk, score in fetch_rows(rows)}

    def pk_filter(self, pks) -> EqualsAny:
        return _pk_in(list(pks))

    def _apply_ordering_and_scoring(self, queryset, rank_expression, start, stop, score_field=None):
        # modelsearch's own ranking (a score field asked for): ties keep the queryset's
        # order, as in ``matched_pks``, where modelsearch breaks them by ``-pk``
        tie_break = list(queryset.query.order_by)
        if not (self.order_by_relevance and tie_break):
            return super()._apply_ordering_and_scoring(
                queryset, rank_expression, start, stop, score_field
            )
        queryset = queryset.order_by(rank_expression.desc(), *tie_break)
        if score_field is not None:
            queryset = queryset.annotate(**{score_field: rank_expression})
        return queryset[start:stop]

    def search(self, config, start, stop, score_field=None, backend=None):
        if not self.matches_from_entries() or score_field is not None:
            return super().search(config, start, stop, score_field, backend)
        pks = self.matched_pks(config)
        return self.queryset.filter(_pk_in(pks)).order_by(ArrayPosition(pks))[start:stop]


class ChinesePostgresAutocompleteQueryCompiler(PostgresAutocompleteQueryCompiler):
    """The admin's searches (autocomplete: the last word is a prefix), ranked by modelsearch
    itself: they are sliced to a page of a few dozen rows."""

    def matches_from_entries(self) -> bool:
        return False


class ArrayPosition(Func):
    """Orders rows as a list of pks does."""

    function = "array_position"
    output_field = IntegerField()

    def __init__(self, pks: list[int]):
        super().__init__(_bigint_array(pks), Cast(F("pk"), BigIntegerField()))


def _pk_in(pks: list[int]) -> EqualsAny:
    """``pk = ANY(array)``: the pks go to PostgreSQL as one array literal rather than a
    subquery or a list of parameters. Knowing their number, the planner joins tens of
    thousands of them by hash, not row by row."""
    return EqualsAny(F("pk"), _bigint_array(pks))


def _bigint_array(values: list[int]) -> RawSQL:
    # One text parameter ('{1,2,3}'): Django's ArrayField would prepare each element on its
    # own, 40 ms for 20,000 pks.
    literal = "{" + ",".join(str(int(value)) for value in values) + "}"
    return RawSQL("%s::bigint[]", (literal,), output_field=ArrayField(BigIntegerField()))


def _text_array(values: list[str]) -> RawSQL:
    # object ids are text; digits only, so they need no quoting inside the literal
    literal = "{" + ",".join(str(int(value)) for value in values) + "}"
    return RawSQL("%s::varchar[]", (literal,), output_field=ArrayField(CharField()))


class RankingPostgresSearchResults(PostgresSearchResults):
    """Results sliced from ``matched_pks`` (unless a score field is asked for)."""

    def _from_matched_pks(self) -> bool:
        return self.query_compiler.matches_from_entries() and self._score_field is None

    def _matched_pks(self) -> list:
        compiler = self.query_compiler
        return compiler.matched_pks(compiler.get_config(self.backend))

    def _do_search(self):
        if not self._from_matched_pks():
            return super()._do_search()
        pks = self._matched_pks()[self.start : self.stop]
        found = self.query_compiler.queryset.order_by().in_bulk(pks)
        return [found[pk] for pk in pks if pk in found]

    def _do_count(self):
        if not self._from_matched_pks():
            return super()._do_count()
        return len(self._matched_pks()[self.start : self.stop])

    def matching(self, model):
        """The rows of ``model`` among all the matches (whatever the slice): the facets count
        them from the pks the search fetched already."""
        compiler = self.query_compiler
        if not compiler.matches_from_entries():
            everything = compiler.search(compiler.get_config(self.backend), None, None)
            return model._default_manager.filter(pk__in=everything.values("pk"))
        return model._default_manager.filter(_pk_in(self._matched_pks()))

    def all_words_count(self) -> int:
        """How many of the results hold every word of the query (the first ones)."""
        if not self._from_matched_pks():
            return self.count()
        pks = self._matched_pks()
        ranking = getattr(self.query_compiler, "ranking", None)
        return ranking.all_words if ranking is not None else len(pks)


class ChinesePostgresSearchBackend(SegmentingBackendMixin, PostgresSearchBackend):
    index_class = ChinesePostgresIndex
    query_compiler_class = RankingPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = ChinesePostgresAutocompleteQueryCompiler
    results_class = RankingPostgresSearchResults
