"""Search tests run on the database backend and on a real Elasticsearch node.

The node: ``ELASTICSEARCH_TEST_URL`` if set (CI starts it with scripts/elasticsearch/start.sh
and exports the URL); otherwise the tests start it themselves with that script
(``ES_PORT``, default 9200) and stop it at the end. If no node can be had, the tests fail
loudly: they are never skipped.
"""

import os
import subprocess
import urllib.request
from pathlib import Path

import pytest
from modelsearch.index import get_indexed_models
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

REPO = Path(__file__).resolve().parents[2]
DATABASE = {"BACKEND": "search.backends.database", "SEARCH_CONFIG": "simple"}


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - local node
            return b"cluster_name" in response.read()
    except OSError:
        return False


@pytest.fixture(scope="session")
def elasticsearch_url():
    url = os.environ.get("ELASTICSEARCH_TEST_URL")
    if url:
        if not _answers(url):
            pytest.fail(f"ELASTICSEARCH_TEST_URL={url} does not answer as Elasticsearch")
        yield url
        return
    port = os.environ.get("ES_PORT", "9200")
    url = f"http://127.0.0.1:{port}"
    started_here = not _answers(url)
    if started_here:
        script = REPO / "scripts" / "elasticsearch" / "start.sh"
        run = subprocess.run(["bash", str(script)], capture_output=True, text=True)  # noqa: S603
        if run.returncode != 0 or not _answers(url):
            pytest.fail(
                "could not start Elasticsearch for the search tests "
                f"({script}, ES_PORT={port}):\n{run.stdout}\n{run.stderr}"
            )
    yield url
    _delete_test_indices(url)
    if started_here:
        subprocess.run(["bash", str(REPO / "scripts" / "elasticsearch" / "stop.sh")], check=False)  # noqa: S603


def _delete_test_indices(url: str) -> None:
    from elasticsearch import Elasticsearch

    es = Elasticsearch(url)
    for name in es.indices.get(index=f"test{os.getpid()}_*"):
        es.indices.delete(index=name)


def elasticsearch_settings(url: str, **extra) -> dict:
    return {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": [url],
        "INDEX_PREFIX": f"test{os.getpid()}_",
        "TIMEOUT": 30,
        "REFRESH": True,
        "ATOMIC_REBUILD": True,
        **extra,
    }


def reset_page_index(backend_name: str) -> None:
    backend = get_search_backend(backend_name)
    index = backend.get_index_for_model(Page)
    if index.is_alias():  # left by an atomic update_index
        for aliased in index.aliased_indices():
            aliased.delete()
    index.reset()
    for model in get_indexed_models():
        if issubclass(model, Page):
            index.add_model(model)


@pytest.fixture(params=["database", "elasticsearch"])
def search_backend(request, settings) -> str:
    """The public search's backend for this test: an empty index, kept up to date."""
    if request.param == "database":
        return "default"
    url = request.getfixturevalue("elasticsearch_url")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": DATABASE,
        "elasticsearch": elasticsearch_settings(url),
    }
    settings.PORTAL_SEARCH_BACKEND = "elasticsearch"
    reset_page_index("elasticsearch")
    return "elasticsearch"
