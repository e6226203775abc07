"""What every page shows of the portal settings (the site's name, the footer), as plain
values cached per site until the settings or the tree change: a warm page reads them
without a query, and the footer never links a 联系我们 page the public cannot see."""

from __future__ import annotations

from django.urls import reverse
from wagtail.models import Site

from disclosure import caching

MARK_RENDITION = "height-80"


def portal_facts(request) -> dict:
    """The request's site's settings as plain values (defaults when there is no site)."""
    site = Site.find_for_request(request) if request is not None else None
    # "catalogue": any page change, e.g. the 联系我们 page or an ancestor unpublished
    return caching.cached_value(
        f"portal-facts:{site.pk if site else ''}",
        ["site", "catalogue"],
        lambda: _facts(site),
    )


def _facts(site: Site | None) -> dict:
    from .portal_settings import DEFAULT_SITE_NAME, PortalSettings

    facts = {"site_name": DEFAULT_SITE_NAME, "sitemap_url": reverse("site_map")}
    if site is None:
        return facts
    settings = PortalSettings.find_for_site(site)
    facts.update(
        {
            field: getattr(settings, field)
            for field in (
                "site_name",
                "district_name",
                "public_base_url",
                "sponsor",
                "organizer",
                "address",
                "postcode",
                "phone",
                "email",
                "site_code",
                "icp_number",
                "icp_url",
                "police_number",
                "party_mark_url",
            )
        }
    )
    facts["site_name"] = facts["site_name"] or DEFAULT_SITE_NAME
    facts["police_link"] = settings.police_link
    facts["mark"] = _mark(settings.party_mark)
    facts["contact_url"] = _public_url(settings.contact_page_id, site)
    return facts


def _mark(image) -> dict | None:
    if image is None:
        return None
    try:
        rendition = image.get_rendition(MARK_RENDITION)
    except OSError:  # the file is missing from the storage: no broken image in the footer
        return None
    return {"url": rendition.url, "width": rendition.width, "height": rendition.height}


def _public_url(page_id: int | None, site: Site) -> str:
    from wagtail.models import Page

    from disclosure.visibility import public_pages

    if page_id is None:
        return ""
    page = public_pages(Page.objects.filter(pk=page_id)).first()
    return page.get_url(current_site=site) if page else ""
