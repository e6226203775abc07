"""The portal's own public views: the HTML 网站地图, robots.txt and /favicon.ico."""

from __future__ import annotations

from functools import cache

from django.contrib.staticfiles import finders
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.models import Site

from disclosure.page_cache import cache_response_with
from disclosure.public_urls import public_base_url

from .site_map import site_map_sections

FAVICON = "img/favicon.svg"
ROBOTS_DISALLOWED = ("/admin/", "/django-admin/")


@require_safe
def site_map(request: HttpRequest) -> TemplateResponse:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    # any page published, moved or withdrawn changes "catalogue"; settings change "site"
    cache_response_with(request, ["catalogue", "site"])
    context = {"home": site.root_page, "sections": site_map_sections(site.root_page, request)}
    return TemplateResponse(request, "home/site_map.html", context)


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Everything public may be crawled; the admin may not. The sitemap's absolute address
    is the site's public base URL when one is configured."""
    sitemap = reverse("sitemap")
    base = public_base_url(Site.find_for_request(request))
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in ROBOTS_DISALLOWED),
        "Allow: /",
        "",
        f"Sitemap: {base + sitemap if base else request.build_absolute_uri(sitemap)}",
    ]
    cache_response_with(request, ["site"])
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@cache
def _favicon() -> bytes:
    with open(finders.find(FAVICON), "rb") as handle:
        return handle.read()


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page links; answer with the SVG icon."""
    response = HttpResponse(_favicon(), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response
