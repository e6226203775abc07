"""Faults of a real Elasticsearch node (one of its own, tests/search/faults.py): slow, hung
(SIGSTOP) and stopped. The public search answers within its timeout from the database, says
so, skips the failed node for a while (the breaker), and returns to it when it is back; an
import made while the node is stopped is queued and catches up."""

import time

import pytest
from wagtail.search.backends import get_search_backend

from disclosure import search_updates
from disclosure.models import DisclosureDocumentPage
from search import breaker

from ..catalog_helpers import import_rows, row
from ..conftest import make_document
from .conftest import DATABASE, elasticsearch_settings, reset_page_index
from .faults import FaultNode, SlowProxy

TIMEOUT = 1.0
NOTICE = "全文检索服务暂时不可用"


@pytest.fixture(scope="module")
def node():
    node = FaultNode.create()
    node.start()
    yield node
    node.remove()


@pytest.fixture
def proxy(node):
    proxy = SlowProxy(node.port)
    yield proxy
    proxy.close()


def use(settings, url: str) -> None:
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": DATABASE,
        "elasticsearch": elasticsearch_settings(url, TIMEOUT=10),
    }
    settings.PORTAL_SEARCH_BACKEND = "elasticsearch"
    settings.PORTAL_SEARCH_TIMEOUT = TIMEOUT
    settings.PORTAL_SEARCH_BREAK_SECONDS = 30
    settings.DISCLOSURE_PAGE_CACHE_SECONDS = 0  # every search here must reach a backend


@pytest.fixture
def indexed(settings, node, column, unit):
    use(settings, node.url)
    reset_page_index("elasticsearch")
    make_document(column, unit, "关于做好防汛工作的通知")
    assert [
        p.title for p in get_search_backend("elasticsearch").search("防汛", DisclosureDocumentPage)
    ]
    return settings


def timed_search(client, query="防汛"):
    started = time.monotonic()
    response = client.get("/search/", {"q": query})
    return response, time.monotonic() - started


def assert_database_answer(response, elapsed: float, limit: float) -> None:
    assert response.status_code == 200
    outcome = response.context["outcome"]
    assert outcome.backend == "default"
    assert [hit.page.title for hit in outcome.hits] == ["关于做好防汛工作的通知"]
    assert NOTICE in response.content.decode()
    assert elapsed < limit, elapsed


def assert_elasticsearch_answer(response) -> None:
    assert response.status_code == 200
    assert response.context["outcome"].backend == "elasticsearch"
    assert NOTICE not in response.content.decode()


def test_a_slow_node_is_left_after_the_timeout_and_skipped_for_a_while(client, indexed, proxy):
    use(indexed, proxy.url)
    assert_elasticsearch_answer(client.get("/search/", {"q": "防汛"}))

    proxy.delay = 4.0
    response, elapsed = timed_search(client)
    assert_database_answer(response, elapsed, limit=TIMEOUT + 2.5)
    connections = proxy.connections
    response, elapsed = timed_search(client)  # the breaker is open: no wait at all
    assert_database_answer(response, elapsed, limit=1.0)
    assert proxy.connections == connections

    proxy.delay = 0.0
    breaker.reset("elasticsearch")  # as 30 seconds passing would
    assert_elasticsearch_answer(client.get("/search/", {"q": "防汛"}))


def test_a_hung_node_does_not_hang_the_search(client, indexed, node):
    node.hang()
    try:
        response, elapsed = timed_search(client)
        assert_database_answer(response, elapsed, limit=TIMEOUT + 2.5)
        response, elapsed = timed_search(client)
        assert_database_answer(response, elapsed, limit=1.0)
    finally:
        node.resume()
    breaker.reset("elasticsearch")
    assert_elasticsearch_answer(client.get("/search/", {"q": "防汛"}))


@pytest.mark.django_db(transaction=True)
def test_a_stopped_node_falls_back_and_an_import_meanwhile_catches_up(
    client, settings, node, column, unit, tmp_path
):
    use(settings, node.url)
    reset_page_index("elasticsearch")
    make_document(column, unit, "关于做好防汛工作的通知")
    node.stop()  # last test of the module: the node stays down

    response, elapsed = timed_search(client)
    assert_database_answer(response, elapsed, limit=TIMEOUT + 2.5)

    status, out, err = import_rows(tmp_path, [row(标题="关于抗旱保供水的通知")])
    assert status == 0, err
    assert search_updates.pending_count() == 1
    assert "全文检索服务暂时无法连接" in out

    node.start()
    assert search_updates.retry_pending() == 1
    breaker.reset("elasticsearch")
    response = client.get("/search/", {"q": "抗旱"})
    assert_elasticsearch_answer(response)
    assert [hit.page.title for hit in response.context["outcome"].hits] == ["关于抗旱保供水的通知"]
