"""The HTML 网站地图: the site's public pages down to the third column level, documents
aside (the column listings and the search find those)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, get_page_models

from disclosure.conf import get_setting
from disclosure.visibility import public_pages, subtree_q


def site_map_sections(root: Page, request) -> list[dict]:
    """The root's public children, each with its public descendants as nested
    ``{"title", "url", "children"}`` dicts: the disclosure index and its column tree (three
    levels), the statistics and report pages, and any other page that is not a document."""
    from disclosure.models import DisclosureDocumentPage

    models = [m for m in get_page_models() if not issubclass(m, DisclosureDocumentPage)]
    types = ContentType.objects.get_for_models(*models, for_concrete_models=False).values()
    depth = root.depth + 1 + get_setting("DISCLOSURE_MAX_COLUMN_DEPTH")
    pages = (
        public_pages(Page.objects.filter(subtree_q(root), content_type__in=types))
        .filter(depth__lte=depth)
        .order_by("path")
        .only("title", "path", "depth", "url_path")
    )
    sections: list[dict] = []
    nodes: dict[str, dict] = {}
    for page in pages:
        node = {"title": page.title, "url": page.get_url(request), "children": []}
        nodes[page.path] = node
        if page.depth == root.depth + 1:
            sections.append(node)
        elif parent := nodes.get(page.path[: -Page.steplen]):
            parent["children"].append(node)
    return sections
