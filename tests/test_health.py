"""``/healthz`` for the load balancer: 503 only when this server cannot serve pages."""

import socket

import pytest
from django.core.management import call_command


def closed_port() -> int:
    """A port on 127.0.0.1 nobody listens on: connections are refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthz(client):
    response = client.get("/healthz")
    return response.status_code, response.json()


@pytest.mark.django_db
def test_healthy_once_the_scheduler_has_run(client):
    code, body = healthz(client)
    assert code == 200 and body["status"] == "degraded"
    assert body["checks"]["scheduler"] == {
        **body["checks"]["scheduler"],
        "ok": False,
        "detail": "run_scheduler has not run",
    }
    for name in ("database", "cache", "search", "storage"):
        assert body["checks"][name]["ok"], (name, body["checks"][name])

    call_command("run_scheduler", "--once")
    code, body = healthz(client)
    assert code == 200 and body["status"] == "ok", body
    assert all(check["ok"] for check in body["checks"].values())


@pytest.mark.django_db
def test_never_cached_and_never_kept(client):
    response = client.get("/healthz")
    assert "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in response
    assert "X-Page-Cache" not in client.get("/healthz")


@pytest.mark.django_db
def test_an_unreachable_cache_fails_the_server(client, settings):
    # purges could not reach this server: the balancer must take it out
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        },
    }
    settings.DISCLOSURE_CACHE_ALIAS = "shared"
    settings.DISCLOSURE_PAGE_CACHE_SECONDS = 0
    code, body = healthz(client)
    assert code == 503 and body["status"] == "fail"
    assert not body["checks"]["cache"]["ok"]
    assert "ConnectionError" in body["checks"]["cache"]["detail"]
    assert body["checks"]["database"]["ok"]


@pytest.mark.django_db
def test_an_unreachable_elasticsearch_only_degrades(client, settings):
    # the public search falls back to the database: the server still serves
    settings.WAGTAILSEARCH_BACKENDS = {
        **settings.WAGTAILSEARCH_BACKENDS,
        "elasticsearch": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [f"http://127.0.0.1:{closed_port()}"],
            "INDEX_PREFIX": "health_",
            "TIMEOUT": 2,
        },
    }
    settings.PORTAL_SEARCH_BACKEND = "elasticsearch"
    call_command("run_scheduler", "--once")
    code, body = healthz(client)
    assert code == 200 and body["status"] == "degraded"
    assert not body["checks"]["search"]["ok"]
    assert body["checks"]["database"]["ok"] and body["checks"]["cache"]["ok"]
