"""The portal's main navigation (首页, the disclosure index, the statistics page, search), its
name and its footer."""

from __future__ import annotations

from django import template
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from disclosure.listing import public_pages
from disclosure.models import DisclosureIndexPage, StatisticsPage

register = template.Library()


@register.inclusion_tag("portal/main_navigation.html", takes_context=True)
def main_navigation(context) -> dict:
    """Links to the public disclosure index and statistics pages (the first of each, in
    tree order), marking the one the current page belongs to."""
    types = ContentType.objects.get_for_models(DisclosureIndexPage, StatisticsPage)
    pages = public_pages(
        Page.objects.filter(content_type__in=types.values()).only(
            "title", "url_path", "path", "content_type"
        )
    ).order_by("path")
    first: dict[int, Page] = {}
    for page in pages:
        first.setdefault(page.content_type_id, page)
    current = context.get("page")
    current_path = getattr(current, "path", "") or ""
    links = [
        {"page": page, "current": False}
        for model in (DisclosureIndexPage, StatisticsPage)
        if (page := first.get(types[model].pk)) is not None
    ]
    # The statistics page may sit below the index: only the deepest link containing the
    # current page is marked, so the menu never shows two current items.
    containing = [link for link in links if current_path.startswith(link["page"].path)]
    if containing:
        max(containing, key=lambda link: len(link["page"].path))["current"] = True
    return {"links": links, "request": context.get("request")}


@register.simple_tag(takes_context=True)
def portal_facts(context) -> dict:
    """The portal settings of the request's site as plain values (``site_facts``)."""
    from home.site_facts import portal_facts as facts

    return facts(context.get("request"))


@register.simple_tag(takes_context=True)
def portal_site_name(context) -> str:
    return portal_facts(context)["site_name"]


@register.inclusion_tag("portal/footer.html", takes_context=True)
def portal_footer(context) -> dict:
    return {"facts": portal_facts(context), "request": context.get("request")}
