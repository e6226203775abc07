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

from contextvars import ContextVar

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

# Within one GET or HEAD request (VisibilityMemoMiddleware), the tree's hidden branches and
# view restrictions are read once, however many listings the page shows.
_memo: ContextVar[dict | None] = ContextVar("disclosure_visibility_memo", default=None)


class VisibilityMemoMiddleware:
    """Read the tree's hidden branches and view restrictions once per safe request.

    Only GET and HEAD: a request that publishes or restricts pages must see its own change.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


def _memoized(key: str, compute):
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _hidden_q(now) -> Q:
    return Q(live=False) | Q(expire_at__lte=now)


def hidden_branch_paths(now=None) -> list[str]:
    """Tree paths of the pages whose whole subtree is hidden: not live or expired, with
    children. Nested paths are collapsed to the topmost one."""

    def compute():
        moment = now or timezone.now()
        return _topmost(Page.objects.filter(numchild__gt=0).filter(_hidden_q(moment)))

    return _memoized("hidden", compute) if now is None else compute()


def restricted_branch_paths() -> list[str]:
    """Tree paths of the pages with a view restriction (password, login, groups), topmost
    only: everything at or below them is private. What Wagtail's ``.public()`` excludes."""
    return _memoized(
        "restricted",
        lambda: _topmost(Page.objects.filter(pk__in=PageViewRestriction.objects.values("page_id"))),
    )


def withdrawn_branch_paths() -> list[str]:
    """Tree paths of the pages with children that are offline but did not expire on
    schedule: never published, or unpublished by an editor. Topmost paths only.

    The statistics leave out what lies below them (``statistics.documents``): it was never
    public, or was withdrawn; a subtree that expired on schedule was public and still counts.
    """
    return _topmost(Page.objects.filter(numchild__gt=0, live=False, expired=False))


def _topmost(pages: QuerySet) -> list[str]:
    topmost: list[str] = []
    # sorted here: ORDER BY path makes SQLite walk the whole path index instead of the
    # few rows the filter picks
    for path in sorted(pages.order_by().values_list("path", flat=True)):
        if not topmost or not path.startswith(topmost[-1]):
            topmost.append(path)
    return topmost


PATH_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's, as Wagtail uses it


def _next_path(path: str) -> str:
    """The smallest tree path after every path that starts with ``path``."""
    head = path.rstrip(PATH_ALPHABET[-1])
    if not head:
        return path + "~"  # all Z: no page can follow
    last = PATH_ALPHABET.index(head[-1])
    return head[:-1] + PATH_ALPHABET[last + 1]


def subtree_q(page: Page, inclusive: bool = False, through: str = "") -> Q:
    """Pages below ``page`` as a range of paths, which every database serves from the path
    index: ``descendant_of`` is ``path LIKE 'x%'``, which SQLite cannot, so it scanned every
    page of the catalogue for each listing. For the few pages of a kind (columns, indexes,
    reports) below a broad page add ``.type(Model)``: the content-type index finds them
    without walking the documents in the range. ``through``: the pages reached through a
    relation (e.g. ``"original__"``)."""
    path = f"{through}path"
    lower = Q(**{f"{path}__gte" if inclusive else f"{path}__gt": page.path})
    return lower & Q(**{f"{path}__lt": _next_path(page.path)})


def children_q(page: Page) -> Q:
    """The page's children, as ``subtree_q`` finds them (``child_of`` is a ``LIKE`` too)."""
    return subtree_q(page) & Q(depth=page.depth + 1)


def below_any_q(paths: list[str]) -> Q:
    """Pages at or below any of ``paths``."""
    q = Q()
    for path in paths:
        q |= Q(path__startswith=path)
    return q


def public_pages(queryset: QuerySet) -> QuerySet:
    """Only what anonymous visitors may see (the module's rule), as a database queryset."""
    now = timezone.now()
    queryset = queryset.live().filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    hidden = hidden_branch_paths() + restricted_branch_paths()
    return queryset.exclude(below_any_q(hidden)) if hidden else queryset


def searchable_public_pages(queryset: QuerySet) -> QuerySet:
    """``public_pages`` in a form search backends accept: they filter on indexed fields only
    (``live``, ``path``, ``pk``), not on ``expire_at``."""
    now = timezone.now()
    expired = (
        Page.objects.filter(live=True, expire_at__lte=now).order_by().values_list("pk", flat=True)
    )
    queryset = queryset.live().exclude(pk__in=list(expired))
    for path in hidden_branch_paths() + restricted_branch_paths():
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
    """Whether ``page`` or an ancestor is unpublished or expired (restrictions aside).

    No query when routing already loaded the ancestors (``disclosure.routing``)."""
    now = timezone.now()
    found = getattr(page, "route_ancestors", None)
    if found is not None:
        return any(not p.live or (p.expire_at and p.expire_at <= now) for p in [*found, page])
    ancestors = Page.objects.ancestor_of(page, inclusive=True)
    return ancestors.filter(_hidden_q(now)).exists()


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
