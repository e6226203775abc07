"""The popular-search log never fails or slows a search: a search writes nothing to the
database, a locked database does not make it fail, and the counts reach Wagtail's report."""

import sqlite3
import threading
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query

from search import hits

from ..conftest import add_column, make_document

WRITES = ("INSERT", "UPDATE", "DELETE")


@pytest.fixture
def documents(index, unit):
    column = add_column(index, "财政资金")
    make_document(column, unit, "关于2024年财政预算的公告")
    return column


def test_a_search_writes_nothing_to_the_database(client, documents):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"q": "财政"})
    assert response.status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]
    assert writes == []
    assert hits.pending() == {"财政": 1}


def test_counts_reach_the_report_and_are_bounded(client, documents, monkeypatch):
    client.get("/search/", {"q": "财政"})
    client.get("/search/", {"q": "  财政 "})
    client.get("/search/", {"q": "预算"})
    assert hits.flush() == 2
    assert Query.get("财政").hits == 2 and Query.get("预算").hits == 1
    client.get("/search/", {"q": "财政"})
    hits.flush()
    assert Query.get("财政").hits == 3

    monkeypatch.setattr(hits, "MAX_PENDING_QUERIES", 3)
    for n in range(10):
        hits.record_hit(f"随机查询{n}")
    assert len(hits.pending()) == 3


class HeldLock:
    """Another connection holding what a running import holds: SQLite's write lock, or on
    PostgreSQL an exclusive lock on the table the search-hit log writes. ``release()``
    lets go. While held, this connection's writes fail fast (short busy/lock timeout)."""

    def __init__(self):
        settings = connection.settings_dict
        if connection.vendor == "sqlite":
            self.other = sqlite3.connect(settings["NAME"], timeout=1)
            self.other.execute("BEGIN IMMEDIATE")
            self.other.execute("UPDATE wagtailcore_page SET title = title WHERE id = -1")
        else:
            import psycopg

            self.other = psycopg.connect(
                host=settings["HOST"],
                port=settings["PORT"] or 5432,
                user=settings["USER"],
                password=settings["PASSWORD"],
                dbname=settings["NAME"],
            )
            self.other.execute("LOCK TABLE wagtailsearchpromotions_querydailyhits")

    def fail_writes_fast(self) -> None:
        connection.close()
        if connection.vendor == "sqlite":
            connection.settings_dict["OPTIONS"]["timeout"] = 0.2
        else:
            with connection.cursor() as cursor:
                cursor.execute("SET lock_timeout = '200ms'")

    def release(self) -> None:
        self.other.rollback()
        self.other.close()
        connection.close()  # also drops PostgreSQL's session lock_timeout
        if connection.vendor == "sqlite":
            connection.settings_dict["OPTIONS"]["timeout"] = 20


@pytest.mark.django_db(transaction=True)
def test_a_search_answers_while_an_import_holds_the_database(client, documents):
    lock = HeldLock()
    try:
        started = time.monotonic()
        response = client.get("/search/", {"q": "财政"})
        assert response.status_code == 200
        assert "预算的公告" in response.content.decode()
        assert time.monotonic() - started < 5  # no wait for the busy or lock timeout

        # the log's writer fails, keeps the counts, and writes them once the lock is gone
        lock.fail_writes_fast()
        assert hits.flush() == 0
        assert hits.pending() == {"财政": 1}
    finally:
        lock.release()
    assert hits.flush() == 1
    assert Query.get("财政").hits == 1


def test_concurrent_searches_count_every_hit(documents):
    def search_many():
        for _ in range(200):
            hits.record_hit("财政")

    threads = [threading.Thread(target=search_many) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert hits.pending() == {"财政": 1600}
