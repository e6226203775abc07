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


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's database lock")
@pytest.mark.django_db(transaction=True)
def test_a_search_answers_while_an_import_holds_the_sqlite_write_lock(client, documents):
    writer = sqlite3.connect(connection.settings_dict["NAME"], timeout=1)
    writer.execute("BEGIN IMMEDIATE")  # what a running import holds
    writer.execute("UPDATE wagtailcore_page SET title = title WHERE id = -1")
    try:
        started = time.monotonic()
        response = client.get("/search/", {"q": "财政"})
        assert response.status_code == 200
        assert "预算的公告" in response.content.decode()
        assert time.monotonic() - started < 5  # no wait for the busy timeout

        # the log's writer fails, keeps the counts, and writes them once the lock is gone
        connection.close()
        connection.settings_dict["OPTIONS"]["timeout"] = 0.2
        assert hits.flush() == 0
        assert hits.pending() == {"财政": 1}
    finally:
        writer.rollback()
        writer.close()
        connection.close()
        connection.settings_dict["OPTIONS"]["timeout"] = 20
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
