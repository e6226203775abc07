"""The public base URL of a site: where the absolute links of files and feeds that leave
the portal point (the catalogue download, ``sitemap.xml``).

Wagtail builds absolute links from a Site's hostname and port (``Site.root_url``); a site
behind a proxy, or a demo site at localhost:80, then hands out ``http://localhost/…``. The
base URL of a site is, in this order:

1. the first non-empty answer of the functions registered with the Wagtail hook
   ``disclosure_public_base_url``, each called with the ``Site`` (a host site keeps the
   address where editors change it, e.g. a site setting);
2. ``DISCLOSURE_PUBLIC_BASE_URL`` for the default site;
3. nothing: links keep the Site's ``root_url``.

Answers are cached until the ``site`` tag moves (every save of a Site or a site setting
purges it).
"""

from __future__ import annotations

from wagtail import hooks

from . import caching
from .conf import get_setting

HOOK_NAME = "disclosure_public_base_url"


def public_base_url(site) -> str:
    """``https://host[:port]`` without a trailing slash, or "" when none is configured."""
    if site is None:
        return ""
    configured = get_setting("DISCLOSURE_PUBLIC_BASE_URL") or ""
    return caching.cached_value(
        f"public-base-url:{site.pk}:{configured}",
        ["site"],
        lambda: _base_url(site, configured),
    )


def _base_url(site, configured: str) -> str:
    for hook in hooks.get_hooks(HOOK_NAME):
        if answer := hook(site):
            return answer.rstrip("/")
    return configured.rstrip("/") if site.is_default_site else ""


def public_base_urls() -> dict[int, str]:
    """``{site id: base URL}`` of every site that has one."""
    from wagtail.models import Site

    bases = {site.pk: public_base_url(site) for site in Site.objects.all()}
    return {pk: base for pk, base in bases.items() if base}


def rebase(url: str, root_url: str, base_url: str) -> str:
    """``url`` under ``base_url`` instead of the site's ``root_url``; other URLs unchanged."""
    if base_url and url.startswith(root_url) and url[len(root_url) : len(root_url) + 1] in "/":
        return base_url + url[len(root_url) :]
    return url
