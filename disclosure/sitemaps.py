"""The sitemap lists what the public may see (``visibility.public_pages``), nothing more.

Wagtail's own sitemap keeps live pages below an unpublished or expired parent; use this one:
``path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": PublicSitemap}})`` with this module's
``sitemap`` view, which the page cache keeps until the catalogue changes. Its links start
with the site's public base URL when one is configured (``public_urls``).
"""

from django.db.models import QuerySet
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from .page_cache import cache_response_with
from .public_urls import public_base_url, rebase
from .visibility import public_pages


class PublicSitemap(Sitemap):
    def items(self) -> QuerySet:
        root = self.get_wagtail_site().root_page
        pages = public_pages(root.get_descendants(inclusive=True))
        return pages.order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        site = self.get_wagtail_site()
        base = public_base_url(site)
        if base:
            for url in urls:
                url["location"] = rebase(url["location"], site.root_url, base)
        return urls


def sitemap(request, **kwargs):
    cache_response_with(request, ["catalogue", "site"])
    return wagtail_sitemap(request, **kwargs)
