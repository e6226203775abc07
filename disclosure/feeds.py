"""RSS 2.0 and Atom feeds of the newest public documents, for other platforms to aggregate.

One feed per column or disclosure index (its whole public subtree) and one for the whole
catalogue of the site. The URLs name the column by page id (``disclosure.urls``): a
subscription survives renaming or moving the column, and no page type has to route sub-URLs
of its own (which would stop ``routing.ChainRoutingMixin``'s one-query walk at every column).

Only what ``visibility`` lets the public see: the column itself and every ancestor must be
public, and the items are ``listing.public_documents``. A feed is cached like the pages
(``page_cache``) under the column's tags, so any publication below it purges it.
"""

from __future__ import annotations

import html

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape, strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.api.utils import get_full_url
from wagtail.models import Page, Site

from . import caching
from .listing import LISTING_ORDER, public_documents
from .page_cache import cache_response_with
from .text import xml_safe
from .visibility import is_public, subtree_q

FEED_ITEMS = 50
SUMMARY_CHARS = 200


def site_root(request: HttpRequest) -> Page:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return site.root_page


def feed_source(request: HttpRequest, page_id: int | None) -> Page:
    """The column or index a feed follows (the site's root for the whole catalogue), or 404
    for anything the public may not see or that is not this site's."""
    from .models import DisclosureColumnPage, DisclosureIndexPage

    root = site_root(request)
    if page_id is None:
        cache_response_with(request, ["catalogue", "site"])
        return root
    page = (
        Page.objects.type(DisclosureColumnPage, DisclosureIndexPage)
        .filter(subtree_q(root), pk=page_id)
        .first()
    )
    if page is None or not is_public(page):
        raise Http404
    page = page.specific
    cache_response_with(request, caching.page_tags(page, page.get_ancestors()))
    return page


def document_summary(document) -> str:
    """A short plain-text summary: 内容概述, else the start of the body."""
    text = document.summary or html.unescape(strip_tags(document.body or ""))
    return xml_safe(Truncator(" ".join(text.split())).chars(SUMMARY_CHARS))


class DocumentsFeed(Feed):
    """RSS 2.0 of the newest public documents below a column, an index, or the site."""

    feed_type = Rss201rev2Feed

    def __init__(self, request: HttpRequest):
        super().__init__()
        self.request = request  # one instance per request (``feed_view``): links are the site's

    def get_object(self, request, page_id: int | None = None) -> Page:
        return feed_source(request, page_id)

    def _is_catalogue(self, source: Page) -> bool:
        return source.pk == site_root(self.request).pk

    def title(self, source: Page) -> str:
        if self._is_catalogue(source):
            return _("政府信息公开 · 最新信息")
        return xml_safe(_("%(title)s · 最新信息") % {"title": source.title})

    def feed_url(self) -> str:
        return get_full_url(self.request, self.request.path)  # the Site's host, as the links

    def link(self, source: Page) -> str:
        return source.get_full_url(request=self.request)

    def description(self, source: Page) -> str:
        if self._is_catalogue(source):
            return _("本站最新公开的 %(count)s 条政府信息。") % {"count": FEED_ITEMS}
        return xml_safe(
            _("“%(title)s”栏目及其下级栏目最新公开的 %(count)s 条政府信息。")
            % {"title": source.title, "count": FEED_ITEMS}
        )

    def items(self, source: Page):
        documents = public_documents().filter(subtree_q(source))
        return documents.select_related("unit", "topic__parent").order_by(*LISTING_ORDER)[
            :FEED_ITEMS
        ]

    def item_title(self, document) -> str:
        # RSS readers take <title> and <description> as HTML: escaped, as Django's default
        return escape(xml_safe(document.title))

    def item_link(self, document) -> str:
        return document.get_full_url(request=self.request)

    def item_guid(self, document) -> str:
        return self.item_link(document)

    item_guid_is_permalink = True

    def item_description(self, document) -> str:
        return escape(document_summary(document))

    def item_pubdate(self, document):
        return document.publish_date or document.first_published_at

    def item_updateddate(self, document):
        return document.last_published_at

    def item_categories(self, document) -> list[str]:
        names = [document.topic.display_name if document.topic_id else None, document.unit.name]
        return [xml_safe(name) for name in names if name]


class AtomDocumentsFeed(DocumentsFeed):
    feed_type = Atom1Feed

    def subtitle(self, source: Page) -> str:
        return self.description(source)

    def item_title(self, document) -> str:
        return xml_safe(document.title)  # Atom's <title> is text, not HTML


def feed_view(feed_class: type[DocumentsFeed]):
    """A view that builds a feed per request (a shared ``Feed`` would share ``request``)."""

    def view(request: HttpRequest, page_id: int | None = None) -> HttpResponse:
        return feed_class(request)(request, page_id=page_id)

    return require_GET(view)
