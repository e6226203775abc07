"""Cache tags: what a cached page or figure depends on, and how a change invalidates it.

Every cached value (a page, a column's year list and count, the index's counts, the
statistics) is stored with the versions of the *tags* it depends on; a change bumps the
versions of the tags it affects (``cache_purge``), and a value whose tags moved on is a miss.
The versions live in the same cache as the values, so every app server sharing the cache
(Redis) sees a purge at once. A tag whose version was evicted counts as changed.

Tags:

- ``tree:<page id>``: the page itself (title, slug, publication, restriction, place);
  everything at or below it depends on it.
- ``content:<page id>``: something below the page changed (its listings and counts).
- ``page:<page id>``: that page's response alone (a document's neighbours and 解读 links,
  ``document_page``).
- ``catalogue``: any public page changed (index, search, statistics, sitemap, feeds, files).
- ``site``: anything else editors change (units, topics, settings, registers, navigation).

Time: no cached value outlives the next scheduled change anywhere in the tree (an
``expire_at`` or an approved go-live time): ``seconds_until_next_change`` bounds every
timeout, so nothing depends on a purge that nobody sends.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from datetime import datetime

from django.core.cache import caches
from django.utils import timezone

from .conf import get_setting

TAG_PREFIX = "disclosure:tag:"
VALUE_PREFIX = "disclosure:value:"


def cache():
    return caches[get_setting("DISCLOSURE_CACHE_ALIAS")]


def page_tags(page, ancestors: Iterable) -> list[str]:
    """The tags of a page's own response: its ancestry, its subtree, the site."""
    tags = [f"tree:{ancestor.pk}" for ancestor in ancestors]
    return [*tags, f"tree:{page.pk}", f"content:{page.pk}", "site"]


def current_versions(tags: Iterable[str]) -> dict[str, str]:
    """The tags' versions, creating any that are missing (evicted or never set)."""
    tags = list(dict.fromkeys(tags))
    store = cache()
    keys = {TAG_PREFIX + tag: tag for tag in tags}
    found = store.get_many(list(keys))
    for key in keys.keys() - found.keys():
        store.add(key, secrets.token_hex(8), timeout=None)
    if len(found) < len(keys):
        found.update(store.get_many([key for key in keys if key not in found]))
    return {keys[key]: version for key, version in found.items()}


def bump(tags: Iterable[str]) -> None:
    """Invalidate everything that depends on any of ``tags``."""
    cache().set_many({TAG_PREFIX + tag: secrets.token_hex(8) for tag in set(tags)}, timeout=None)


def is_fresh(stored_versions: dict[str, str]) -> bool:
    if not stored_versions:
        return False
    current = cache().get_many([TAG_PREFIX + tag for tag in stored_versions])
    return all(current.get(TAG_PREFIX + tag) == v for tag, v in stored_versions.items())


def next_scheduled_change(now: datetime | None = None) -> datetime | None:
    """The first future moment at which a page goes live or expires by itself."""
    from wagtail.models import Page, Revision

    now = now or timezone.now()
    expiry = (
        Page.objects.filter(live=True, expire_at__gt=now)
        .order_by("expire_at")
        .values_list("expire_at", flat=True)
        .first()
    )
    go_live = (
        Revision.objects.filter(approved_go_live_at__gt=now)
        .order_by("approved_go_live_at")
        .values_list("approved_go_live_at", flat=True)
        .first()
    )
    moments = [moment for moment in (expiry, go_live) if moment]
    return min(moments) if moments else None


def timeout_for(seconds: int, now: datetime | None = None) -> int:
    """``seconds``, shortened so that the value expires at the next scheduled change."""
    now = now or timezone.now()
    change = next_scheduled_change(now)
    if change is None:
        return seconds
    return max(0, min(seconds, int((change - now).total_seconds())))


def cached_value(name: str, tags: Iterable[str], compute: Callable[[], object]):
    """``compute()``, cached under ``name`` until one of ``tags`` changes (or the next
    scheduled change, or ``DISCLOSURE_CACHE_SECONDS``). For figures that cost a pass over
    the catalogue: a column's years and count, the index's counts, the statistics."""
    seconds = get_setting("DISCLOSURE_CACHE_SECONDS")
    if not seconds:
        return compute()
    store = cache()
    entry = store.get(VALUE_PREFIX + name)
    if entry is not None and is_fresh(entry["versions"]):
        return entry["value"]
    versions = current_versions(tags)
    value = compute()
    timeout = timeout_for(seconds)
    if timeout > 0:
        store.set(VALUE_PREFIX + name, {"versions": versions, "value": value}, timeout)
    return value
