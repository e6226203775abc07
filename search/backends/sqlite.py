"""The Chinese-aware SQLite FTS5 backend (imported by ``database.SearchBackend`` on SQLite only)."""

from modelsearch import query as search_query
from modelsearch.backends.database.sqlite.query import BM25, SQLiteFTSIndexEntry
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteIndex,
    SQLiteSearchAtomicRebuilder,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchRebuilder,
)

from .database import SegmentingIndexMixin
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


class ChineseSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, search_query.Phrase | search_query.PlainText | search_query.Not):
            return TitleWeightedBM25() * boost if boost != 1.0 else TitleWeightedBM25()
        return super().build_tsrank(vector, query, config=config, boost=boost)


def _analyze(index) -> None:
    # Without statistics SQLite joins the FTS table the wrong way round: it re-runs the MATCH
    # for every index entry of the content type (2.7 s instead of 0.1 s at 2,000 documents).
    # ANALYZE after a rebuild lets it run the MATCH once.
    with index.write_connection.cursor() as cursor:
        cursor.execute("ANALYZE")


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
