"""Route a whole URL in one query, and keep the ancestors it found for the page's own use.

Wagtail's ``Page.route`` walks the URL one slug at a time: two queries per level (the child,
then its specific row), so a document three columns deep costs a dozen queries before it
renders, and the breadcrumbs, the view-restriction check and the visibility rule then load the
same ancestors again. ``ChainRoutingMixin.route`` looks up every page on the way by its
``url_path`` at once (indexed, migration 0007), fetches the target's specific row with the
relations its template needs, and leaves the ancestors on the page (``route_ancestors``).

Pages that route their own sub-URLs (``RoutablePageMixin`` and any other ``route`` override)
still get the request: the walk stops at such a page and hands it the rest of the path.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from wagtail.models import Page, PageViewRestriction


class ChainRoutingMixin:
    """For a site's root page (and any page below which the catalogue lives)."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        ancestor_urls = _ancestor_url_paths(self.url_path)
        below_urls = []
        url = self.url_path
        for component in path_components:
            url = f"{url}{component}/"
            below_urls.append(url)
        found = {
            page.url_path: page
            for page in Page.objects.filter(url_path__in=ancestor_urls + below_urls)
        }
        chain = [found[u] for u in ancestor_urls if u in found]
        parent: Page = self
        for step, url in enumerate(below_urls):
            page = found.get(url)
            if (
                page is None
                or page.depth != parent.depth + 1
                or not page.path.startswith(parent.path)
            ):
                break
            chain.append(page)
            if _routes_itself(page.specific_class):
                return _specific(page, chain[:-1]).route(request, path_components[step + 1 :])
            parent = page
        else:
            return _specific(parent, chain[:-1]).route(request, [])
        if parent is self:
            raise Http404
        return _specific(parent, chain[:-1]).route(request, path_components[step:])


def _ancestor_url_paths(url_path: str) -> list[str]:
    """``/home/zfxxgk/`` → ``["/", "/home/", "/home/zfxxgk/"]``."""
    parts = [part for part in url_path.split("/") if part]
    return ["/"] + ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


def _routes_itself(page_class) -> bool:
    route = getattr(page_class, "route", Page.route)
    return route not in (Page.route, ChainRoutingMixin.route)


def _specific(page: Page, ancestors: list[Page]) -> Page:
    """``page.specific`` in one query, with the relations its class asks for, and the
    ancestors kept on it. The ancestors must be the page's complete ancestry."""
    page_class = page.specific_class
    if page_class is None:
        raise Http404
    queryset = getattr(page_class, "routing_queryset", None)
    queryset = queryset() if queryset else page_class.objects.all()
    specific = page if type(page) is page_class else queryset.get(pk=page.pk)
    if len(ancestors) == page.depth - 1:
        specific.route_ancestors = ancestors
        if ancestors:
            specific._cached_parent_obj = ancestors[-1]
    return specific


def ancestors_of(page: Page) -> list[Page]:
    """The page's ancestors, root first: those its routing found, else one query."""
    found = getattr(page, "route_ancestors", None)
    if found is not None:
        return list(found)
    return list(page.get_ancestors())


def breadcrumbs(page: Page) -> list[Page]:
    """The ancestors shown above a page: below the tree root, root first."""
    return [ancestor for ancestor in ancestors_of(page) if ancestor.depth > 1]


class RoutedAncestorsMixin:
    """For page types served through ``ChainRoutingMixin``: Wagtail's view-restriction check
    reads the ancestors routing found instead of loading them again."""

    def get_view_restrictions(self) -> QuerySet:
        found = getattr(self, "route_ancestors", None)
        if found is None:
            return super().get_view_restrictions()
        page_ids = {page.alias_of_id or page.pk for page in [*found, self]}
        return PageViewRestriction.objects.filter(page_id__in=page_ids).select_related("page")
