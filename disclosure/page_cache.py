"""The page cache: anonymous GET responses of public pages, kept until a change purges them.

A response is cached only when its view said what it depends on (``cache_response_with``:
Wagtail pages through the ``before_serve_page`` hook, the search, sitemap and catalogue
views themselves) and only for a visitor who cannot see anything the public cannot: no
session cookie (editors are logged in), no ``Authorization``. A response that set a cookie,
used a CSRF token, streams, or says ``private``/``no-cache`` is never stored, nor is
anything but a 200.

Stored with it are the versions of its tags (``caching``); ``cache_purge`` bumps them. An
entry is kept at most ``DISCLOSURE_PAGE_CACHE_SECONDS`` and never beyond the next scheduled
go-live or expiry. A response rendered while a purge happened is not stored: it may show
the state before the purge under the versions after it.

Put the middleware early (right after ``SecurityMiddleware``): a hit then costs no session,
no routing and no query, only two cache reads.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.module_loading import import_string

from . import caching
from .conf import get_setting

KEY_PREFIX = "disclosure:page:"
# Every purge bumps one of these: if one moved while a response was rendered, it may show
# the state before the purge, and is not stored.
GUARD_TAGS = ("catalogue", "site", "search")
STORED_HEADERS_EXCLUDED = {"set-cookie", "vary", "x-page-cache"}


def cache_response_with(request: HttpRequest, tags: Iterable[str], on_hit=None) -> None:
    """Mark the response to ``request`` as cacheable until one of ``tags`` changes.

    ``on_hit``: ``(dotted path, args)`` of a function to call when the cached response is
    served instead (the search counts its queries that way)."""
    request.page_cache_tags = list(tags)
    request.page_cache_on_hit = on_hit


def _request_is_cacheable(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _response_is_cacheable(request: HttpRequest, response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_USED")
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
    )


def _key(request: HttpRequest) -> str:
    language = translation.get_language_from_request(request)
    query = "&".join(sorted(request.META.get("QUERY_STRING", "").split("&")))
    raw = f"{request.get_host()}|{request.path}|{query}|{language}|{_variant(request)}"
    return KEY_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def _variant(request: HttpRequest) -> str:
    # a page rendered per visitor preference (DISCLOSURE_PAGE_CACHE_VARIANT) is one entry per
    # normalised preference, so one visitor's rendering never reaches another
    path = get_setting("DISCLOSURE_PAGE_CACHE_VARIANT")
    return import_string(path)(request) if path else ""


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = get_setting("DISCLOSURE_PAGE_CACHE_SECONDS")
        if not seconds or not _request_is_cacheable(request):
            return self.get_response(request)
        key = _key(request)
        store = caching.cache()
        entry = store.get(key)
        if entry is not None and caching.is_fresh(entry["versions"]):
            return _replay(entry)
        before = caching.current_versions(GUARD_TAGS)
        response = self.get_response(request)
        tags = getattr(request, "page_cache_tags", None)
        if tags is None or request.method != "GET":
            return response
        if not _response_is_cacheable(request, response):
            return response
        versions = caching.current_versions(tags)
        if caching.current_versions(GUARD_TAGS) != before:
            return response  # something changed while this was rendered
        timeout = caching.timeout_for(seconds)
        if timeout > 0:
            store.set(key, _entry(request, response, versions), timeout)
        response["X-Page-Cache"] = "miss"
        return response


def _entry(request: HttpRequest, response: HttpResponse, versions: dict) -> dict:
    headers = {
        name: value
        for name, value in response.items()
        if name.lower() not in STORED_HEADERS_EXCLUDED
    }
    return {
        "versions": versions,
        "content": response.content,
        "headers": headers,
        "on_hit": getattr(request, "page_cache_on_hit", None),
    }


def _replay(entry: dict) -> HttpResponse:
    response = HttpResponse(entry["content"])
    for name, value in entry["headers"].items():
        response[name] = value
    response["X-Page-Cache"] = "hit"
    if entry.get("on_hit"):
        path, args = entry["on_hit"]
        import_string(path)(*args)
    return response
