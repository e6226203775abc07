"""Purge what a change makes stale: the page, its ancestors' listings, the catalogue views.

A page's save (publish, unpublish, scheduled go-live or expiry, a changed title or slug), its
deletion, its move and a change of its view restrictions bump (``caching.bump``):

- ``tree:<page>``: the page and everything below it (breadcrumbs, visibility);
- ``content:<ancestor>`` of every ancestor, before and after a move: their listings and
  counts;
- ``catalogue``: the index, search, statistics, sitemap, feeds and catalogue files;
- ``page:<document>`` of the documents whose page shows this one: its neighbours in the
  column (上一篇/下一篇) and the documents linked as 解读 or 原文;
- ``site`` as well for a page near the top of the tree (the main navigation shows the
  disclosure index and the statistics page), for every non-page model of the plugin
  (units, topics, registers: they appear in forms, tables and figures everywhere), for
  Wagtail's sites and for the host site's settings (``wagtail.contrib.settings``).

A document or image saved or deleted purges the pages that refer to it (Wagtail's reference
index); a search promotion, the searches.

Drafts (a revision saved without publishing) change nothing public and purge nothing.

Each purge runs at once and again when the transaction commits: a reader who rendered the
old state between the two would otherwise cache it under the new versions. Wagtail's
``frontend_cache`` app, when configured, is told the same pages' URLs.
"""

from __future__ import annotations

import logging

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import caching
from .visibility import subtree_q

logger = logging.getLogger(__name__)

# Fields a draft save writes on the live row; nothing public changes with them alone.
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)
# What Wagtail fills in on a document or image while a page renders (get_file_size):
# nothing the public sees changes.
MEDIA_BOOKKEEPING_FIELDS = frozenset({"file_size", "file_hash"})
NAVIGATION_DEPTH = 3  # the tree root, the site's home, and the home page's children


def tags_for_page(page: Page) -> set[str]:
    """The tags a change of ``page`` invalidates."""
    tags = {f"tree:{page.pk}", f"content:{page.pk}", "catalogue"}
    tags |= {f"content:{pk}" for pk in _ancestor_pks(page.path)}
    if page.depth <= NAVIGATION_DEPTH or _is_navigation_page(page):
        tags.add("site")
    return tags | _linked_document_tags(page)


def _linked_document_tags(page: Page) -> set[str]:
    """What a document's page shows of other documents, and so must follow them:

    - its column neighbours (上一篇/下一篇): a document published, moved or re-dated next to
      them (a neighbour changed or withdrawn purges the pages beside it through their tags);
    - its 解读 and 原文 links, either way, for every document at or below ``page`` (a column
      unpublished or restricted hides the links into it). A link removed purges through the
      page that held it; a link added is in the database when its page is published.
    """
    from .document_page import pages_beside
    from .models import DisclosureDocumentPage, InterpretationLink

    model = page.specific_class
    if not model:
        return set()
    if issubclass(model, DisclosureDocumentPage):
        document = page if isinstance(page, DisclosureDocumentPage) else page.specific
        beside = pages_beside(document)
        links = InterpretationLink.objects.filter(Q(page=page.pk) | Q(original=page.pk))
    else:
        beside = set()
        # the few links, each checked by its pages' paths (not the subtree's many pages)
        links = InterpretationLink.objects.filter(
            subtree_q(page, inclusive=True, through="page__")
            | subtree_q(page, inclusive=True, through="original__")
        )
    linked = {pk for row in links.values_list("page_id", "original_id") for pk in row}
    # ``page:<pk>``: that page's own response, not its subtree nor its neighbours
    return {f"page:{pk}" for pk in beside | linked}


def _ancestor_pks(path: str) -> list[int]:
    prefixes = [path[:end] for end in range(Page.steplen, len(path), Page.steplen)]
    return list(Page.objects.filter(path__in=prefixes).values_list("pk", flat=True))


def _is_navigation_page(page: Page) -> bool:
    from .models import DisclosureIndexPage, StatisticsPage

    model = page.specific_class
    return bool(model) and issubclass(model, DisclosureIndexPage | StatisticsPage)


def purge(tags: set[str], pages: list[Page] = ()) -> None:
    """Bump ``tags`` now and after the commit; tell a configured front-end cache."""
    caching.bump(tags)
    transaction.on_commit(lambda: caching.bump(tags))
    if pages and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        transaction.on_commit(lambda: _purge_frontend(pages))


def _purge_frontend(pages: list[Page]) -> None:
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    for page in pages:
        batch.add_page(page)
        for ancestor in page.get_ancestors().filter(depth__gt=1):
            batch.add_page(ancestor)
    batch.purge()


def page_saved(sender, instance: Page, update_fields=None, raw=False, **kwargs) -> None:
    if raw or (update_fields and set(update_fields) <= DRAFT_FIELDS):
        return
    purge(tags_for_page(instance), [instance])


def page_changed(sender, instance: Page, **kwargs) -> None:
    purge(tags_for_page(instance), [instance])


def page_deleted(sender, instance: Page, **kwargs) -> None:
    purge(tags_for_page(instance))


def page_deleting(sender, instance: Page, **kwargs) -> None:
    """Before the deletion: the 解读 links of the page and its subtree are gone after it."""
    tags = _linked_document_tags(instance)
    if tags:
        purge(tags)


def page_moved(sender, instance: Page, parent_page_before=None, **kwargs) -> None:
    instance.refresh_from_db(fields=["path", "depth", "url_path"])
    tags = tags_for_page(instance)
    if parent_page_before is not None:
        before = parent_page_before.path
        tags |= {f"content:{pk}" for pk in [parent_page_before.pk, *_ancestor_pks(before)]}
    purge(tags, [instance])


def restriction_changed(sender, instance: PageViewRestriction, **kwargs) -> None:
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        purge(tags_for_page(page), [page])


def other_model_changed(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        purge({"site", "catalogue"})


def media_changed(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """A document or image renamed, replaced or deleted: the pages that show or link it
    (Wagtail's reference index: attachments, rich text, fields)."""
    if raw or (update_fields and set(update_fields) <= MEDIA_BOOKKEEPING_FIELDS):
        return
    pages = _pages_referring_to(instance)
    if pages:
        purge(set().union(*(tags_for_page(page) for page in pages)), pages)


def _pages_referring_to(instance) -> list[Page]:
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    page_type = ContentType.objects.get_for_model(Page)
    ids = ReferenceIndex.get_references_to(instance).filter(base_content_type=page_type)
    return list(
        Page.objects.filter(pk__in=[int(pk) for pk in ids.values_list("object_id", flat=True)])
    )


def search_promotion_changed(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        purge({"search"})


def connect() -> None:
    for model in apps.get_models():
        if issubclass(model, Page):
            post_save.connect(page_saved, sender=model, dispatch_uid=f"cache-purge-{model}")
            post_delete.connect(page_deleted, sender=model, dispatch_uid=f"cache-del-{model}")
            pre_delete.connect(page_deleting, sender=model, dispatch_uid=f"cache-pdel-{model}")
        elif model._meta.app_label == "disclosure" and model.__name__ not in UNTRACKED_MODELS:
            post_save.connect(other_model_changed, sender=model, dispatch_uid=f"cache-{model}")
            post_delete.connect(other_model_changed, sender=model, dispatch_uid=f"cache-d{model}")
    for signal in (page_published, page_unpublished):
        signal.connect(page_changed, dispatch_uid=f"cache-{signal}")
    post_page_move.connect(page_moved, dispatch_uid="cache-page-moved")
    for model in (get_document_model(), get_image_model()):
        post_save.connect(media_changed, sender=model, dispatch_uid=f"cache-media-{model}")
        # before the deletion: the references (and the attachments) are gone after it
        pre_delete.connect(media_changed, sender=model, dispatch_uid=f"cache-media-d{model}")
    if apps.is_installed("wagtail.contrib.search_promotions"):
        promotion = apps.get_model("wagtailsearchpromotions", "SearchPromotion")
        for signal in (post_save, post_delete):
            signal.connect(
                search_promotion_changed, sender=promotion, dispatch_uid=f"cache-p{signal}"
            )
    # the sites' host names and root pages: every link and every page's site; the host
    # site's settings (wagtail.contrib.settings: names, footer, public address) likewise
    for model in [Site, *_setting_models()]:
        for signal in (post_save, post_delete):
            signal.connect(other_model_changed, sender=model, dispatch_uid=f"cache-{model}{signal}")
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed, sender=PageViewRestriction, dispatch_uid=f"cache-r{signal}"
        )


def _setting_models() -> list[type]:
    if not apps.is_installed("wagtail.contrib.settings"):
        return []
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    return [m for m in apps.get_models() if issubclass(m, BaseSiteSetting | BaseGenericSetting)]


# Plugin models whose rows the public never sees (the search queue, index-number sequences),
# and attachments and 解读 links, saved with their page, whose save purges.
UNTRACKED_MODELS = frozenset(
    {"PendingSearchUpdate", "IndexNumberSequence", "DisclosureAttachment", "InterpretationLink"}
)
