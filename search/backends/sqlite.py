"""The Chinese-aware SQLite FTS5 backend (imported by ``database.SearchBackend`` on SQLite only)."""

import json

from django.db.models import Q
from django.db.models.expressions import RawSQL
from modelsearch import query as search_query
from modelsearch.backends.database.sqlite.query import (
    BM25,
    MatchExpression,
    SQLiteFTSIndexEntry,
    normalize,
)
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchAtomicRebuilder,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchRebuilder,
    SQLiteSearchResults,
)
from modelsearch.utils import get_descendants_content_types_pks

from .database import SegmentingIndexMixin, fetch_rows
from .partial import DatabaseWidening
from .querying import SegmentingBackendMixin

# How much more a word in the title counts than a word elsewhere. PostgreSQL weighs the title
# by its ``boost`` already; Wagtail's SQLite ranking weighs all columns alike.
TITLE_WEIGHT = 10.0


class ChineseSQLiteIndex(SegmentingIndexMixin, SQLiteIndex):
    pass


class TitleWeightedBM25(BM25):
    """``bm25()`` with the title column weighted: stock Wagtail weighs all columns alike."""

    def as_sql(self, compiler, connection, function=None, template=None):
        # Columns of the FTS table, in order: autocomplete, body, title.
        table = SQLiteFTSIndexEntry._meta.db_table
        return f"bm25({table}, 0.0, 1.0, {TITLE_WEIGHT})", []


def _json_values(values: list) -> RawSQL:
    """The values as one JSON parameter: a subquery would run the MATCH again."""
    return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(list(values)),))


class ChineseSQLiteSearchQueryCompiler(DatabaseWidening, SQLiteSearchQueryCompiler):
    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, search_query.Phrase | search_query.PlainText | search_query.Not):
            return TitleWeightedBM25() * boost if boost != 1.0 else TitleWeightedBM25()
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def _build_rank_expression(self, vectors, config):
        # bm25() scores a row's whole MATCH, whatever the query's structure: computed once.
        # Without modelsearch's title_norm factor: that is the average title length *when the
        # entry was written*, so two equal documents scored differently by indexing order
        # and "newer documents win ties" could not hold. bm25() normalises length itself.
        return TitleWeightedBM25()

    def can_rank_at_once(self) -> bool:
        """Whether ``ranked_pks`` gives the results: by relevance, or in the queryset's own
        order (a date sort), the MATCH runs once instead of once for the count, the facets
        and every page."""
        query = normalize(self.query)
        return not isinstance(query, search_query.MatchAll | search_query.Not)

    def ranked_pks(self, config) -> list:
        """The pks of every match in the queryset, best first (ties keep the queryset's
        order), or in the queryset's order when not ordered by relevance.

        modelsearch orders by a score subquery that runs the FTS MATCH again for every matched
        row (57 s for 6,000 matches among 100,000 documents). Here the MATCH runs once, for
        the scores; the matches the queryset allows are kept by primary key. The ranking
        is kept: the count and every page of the results (clones sharing this compiler) use it.
        """
        if getattr(self, "_ranked_pks", None) is None:
            self._ranked_pks = self._rank(config)
        return self._ranked_pks

    def _rank(self, config) -> list:
        if self.is_widened():
            self.ranking = self.widened_ranking(config)
            return self.ranking.pks
        search = self.build_search_query(normalize(self.query), config=config)
        scores = {int(pk): score for pk, score in fetch_rows(self._scored_entries(search, config))}
        queryset = self.queryset
        if not queryset.ordered:
            queryset = queryset.order_by("-pk")
        pks = [
            pk for (pk,) in fetch_rows(queryset.filter(self.pk_filter(scores)).values_list("pk"))
        ]
        if not self.order_by_relevance:
            return pks
        # bm25() is negative, better matches lower; sorted() is stable, so ties keep the order
        return sorted(pks, key=scores.__getitem__)

    def _scored_entries(self, search, config):
        """(object id, bm25) of the index entries of the queryset's model matching ``search``."""
        return (
            SQLiteFTSIndexEntry.objects.filter(
                MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search)
            )
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model)
            )
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            .values_list("index_entry__object_id", "score")
        )

    def token_scores(self, token: str, config, limit=None, among=None) -> dict:
        """bm25 of the matches of one token (``partial.DatabaseWidening``): the first
        ``limit``, or those among the ``among`` pks."""
        search = self.build_search_query(search_query.PlainText(token, "and"), config=config)
        entries = self._scored_entries(search, config)
        if among is not None:
            entries = entries.filter(
                index_entry__object_id__in=_json_values([str(pk) for pk in among])
            )
        if limit is not None:
            entries = entries[:limit]
        return {int(pk): score for pk, score in fetch_rows(entries)}

    def pk_filter(self, pks) -> Q:
        return Q(pk__in=_json_values(pks))


class ChineseSQLiteAutocompleteQueryCompiler(SQLiteAutocompleteQueryCompiler):
    """The admin's searches (autocomplete: the last word is a prefix), ranked by modelsearch
    itself: they are sliced to a page of a few dozen rows."""

    def can_rank_at_once(self) -> bool:
        return False


class RankedSQLiteSearchResults(SQLiteSearchResults):
    """Results ranked by ``ranked_pks`` when ordered by relevance without a score field."""

    def _do_search(self):
        compiler = self.query_compiler
        if self._score_field or not compiler.can_rank_at_once():
            return super()._do_search()
        pks = compiler.ranked_pks(compiler.get_config(self.backend))[self.start : self.stop]
        found = compiler.queryset.order_by().in_bulk(pks)
        return [found[pk] for pk in pks if pk in found]

    def _do_count(self):
        compiler = self.query_compiler
        if self._score_field or not compiler.can_rank_at_once():
            return super()._do_count()
        ranked = compiler.ranked_pks(compiler.get_config(self.backend))
        return len(ranked[self.start : self.stop])

    def matching(self, model):
        """The rows of ``model`` among all the matches (whatever the slice), for the facets:
        from the ranking's pks when there is one (one JSON parameter, however many), else
        from the search as a subquery."""
        compiler = self.query_compiler
        config = compiler.get_config(self.backend)
        if not compiler.can_rank_at_once():
            everything = compiler.search(config, None, None)
            return model._default_manager.filter(pk__in=everything.order_by().values("pk"))
        return model._default_manager.filter(compiler.pk_filter(compiler.ranked_pks(config)))

    def all_words_count(self) -> int:
        """How many of the results hold every word of the query (the first ones)."""
        compiler = self.query_compiler
        pks = compiler.ranked_pks(compiler.get_config(self.backend))
        ranking = getattr(compiler, "ranking", None)
        return ranking.all_words if ranking is not None else len(pks)


def _analyze(index) -> None:
    # Without statistics SQLite joins the FTS table the wrong way round: it re-runs the MATCH
    # for every index entry of the content type (2.7 s instead of 0.1 s at 2,000 documents).
    # Statistics for the index table let it run the MATCH once. Only that table: with
    # statistics for every table, SQLite takes an empty table (no statistics row) for a large
    # one and scans all pages to join the empty view-restriction table (15 ms per query).
    with index.write_connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {index.entries.model._meta.db_table}")


class AnalyzingRebuilder(SQLiteSearchRebuilder):
    def finish(self):
        super().finish()
        _analyze(self.index)


class AnalyzingAtomicRebuilder(SQLiteSearchAtomicRebuilder):
    def finish(self):
        super().finish()
        _analyze(self.index)


class ChineseSQLiteSearchBackend(SegmentingBackendMixin, SQLiteSearchBackend):
    index_class = ChineseSQLiteIndex
    rebuilder_class = AnalyzingRebuilder
    atomic_rebuilder_class = AnalyzingAtomicRebuilder
    query_compiler_class = ChineseSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = ChineseSQLiteAutocompleteQueryCompiler
    results_class = RankedSQLiteSearchResults
