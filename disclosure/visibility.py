"""The one rule of what the public may see, for every channel.

A page is public only if it **and every ancestor** up to the tree root are

- live (published),
- not expired (``expire_at`` unset or still ahead: ``publish_scheduled`` takes expired pages
  offline once a minute, and until it runs the page is hidden all the same), and
- free of view restrictions (password, login, groups), which Wagtail's ``.public()``
  already applies to the whole subtree below a restricted page.

Wagtail itself serves a live page below an unpublished parent, lists it in ``.live()``
querysets and in the sitemap; here the hidden ancestors are found first (a few pages that
have children) and their subtrees excluded by path prefix, as ``.public()`` does for
restrictions. Every channel (pages, listings, counts, search on every backend, the
catalogue, the sitemap, attachments, the home page) goes through this module.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction


def _hidden_q(now) -> Q:
    return Q(live=False) | Q(expire_at__lte=now)


def hidden_branch_paths(now=None) -> list[str]:
    """Tree paths of the pages whose whole subtree is hidden: not live or expired, with
    children. Nested paths are collapsed to the topmost one."""
    now = now or timezone.now()
    return _topmost(Page.objects.filter(numchild__gt=0).filter(_hidden_q(now)))


def withdrawn_branch_paths() -> list[str]:
    """Tree paths of the pages with children that are offline but did not expire on
    schedule: never published, or unpublished by an editor. Topmost paths only.

    The statistics leave out what lies below them (``statistics.documents``): it was never
    public, or was withdrawn; a subtree that expired on schedule was public and still counts.
    """
    return _topmost(Page.objects.filter(numchild__gt=0, live=False, expired=False))


def _topmost(pages: QuerySet) -> list[str]:
    topmost: list[str] = []
    for path in pages.order_by("path").values_list("path", flat=True):
        if not topmost or not path.startswith(topmost[-1]):
            topmost.append(path)
    return topmost


def below_any_q(paths: list[str]) -> Q:
    """Pages at or below any of ``paths``."""
    q = Q()
    for path in paths:
        q |= Q(path__startswith=path)
    return q


def public_pages(queryset: QuerySet) -> QuerySet:
    """Only what anonymous visitors may see (the module's rule), as a database queryset."""
    now = timezone.now()
    queryset = queryset.live().public().filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    hidden = hidden_branch_paths(now)
    return queryset.exclude(below_any_q(hidden)) if hidden else queryset


def searchable_public_pages(queryset: QuerySet) -> QuerySet:
    """``public_pages`` in a form search backends accept: they filter on indexed fields only
    (``live``, ``path``, ``pk``), not on ``expire_at``."""
    now = timezone.now()
    expired = (
        Page.objects.filter(live=True, expire_at__lte=now).order_by().values_list("pk", flat=True)
    )
    queryset = queryset.live().public().exclude(pk__in=list(expired))
    for path in hidden_branch_paths(now):
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def is_public(page: Page) -> bool:
    """Whether anonymous visitors may see ``page`` (one query beyond the page itself)."""
    now = timezone.now()
    if not page.live or (page.expire_at and page.expire_at <= now):
        return False
    ancestors = Page.objects.ancestor_of(page, inclusive=True)
    if ancestors.filter(_hidden_q(now)).exists():
        return False
    return not PageViewRestriction.objects.filter(page__in=ancestors).exists()


def hidden_in_tree(page: Page) -> bool:
    """Whether ``page`` or an ancestor is unpublished or expired (restrictions aside)."""
    ancestors = Page.objects.ancestor_of(page, inclusive=True)
    return ancestors.filter(_hidden_q(timezone.now())).exists()


def document_is_public(document) -> bool:
    """Whether a public page attaches or links the Wagtail document ``document``.

    Attachments (``DisclosureAttachment``) and links from rich text or any other field both
    count, through Wagtail's reference index; a file referenced by no public page, or only by
    objects that are not pages, is not public (setting
    ``DISCLOSURE_SERVE_UNREFERENCED_DOCUMENTS`` serves files referenced by nothing at all).
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    from .conf import get_setting
    from .models import DisclosureDocumentPage

    attached = DisclosureDocumentPage.objects.filter(attachments__document=document)
    if public_pages(attached).exists():
        return True
    references = ReferenceIndex.get_references_to(document)
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = [
        int(object_id)
        for object_id in references.filter(base_content_type=page_type).values_list(
            "object_id", flat=True
        )
    ]
    if page_ids and public_pages(Page.objects.filter(pk__in=page_ids)).exists():
        return True
    unreferenced = not page_ids and not attached.exists() and not references.exists()
    return unreferenced and get_setting("DISCLOSURE_SERVE_UNREFERENCED_DOCUMENTS")
