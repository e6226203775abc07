"""What a document's page shows around its text: the previous and next document of its
column, its 政策解读 links both ways, its attachments' type and size, the share link and QR.

Only public pages are ever linked (``visibility``). The page cache keeps a document's page
until its column or a linked page changes (``PageLinks.cache_tags``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, Subquery
from django.template.defaultfilters import filesizeformat
from django.utils import dateformat, timezone
from django.utils.encoding import uri_to_iri
from django.utils.functional import cached_property
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from . import caching
from .routing import ancestors_of
from .visibility import children_q, public_pages

# file extension → what a citizen calls the file
FILE_TYPES = {
    "pdf": "PDF",
    "ofd": "OFD",
    "doc": "Word",
    "docx": "Word",
    "wps": "WPS",
    "xls": "Excel",
    "xlsx": "Excel",
    "et": "WPS",
    "ppt": "PowerPoint",
    "pptx": "PowerPoint",
    "txt": _("文本"),
    "zip": "ZIP",
    "rar": "RAR",
    "7z": "7Z",
    "jpg": _("图片"),
    "jpeg": _("图片"),
    "png": _("图片"),
    "mp4": _("视频"),
}
# the listing order of a column (``listing.LISTING_ORDER``), newest first
ORDER = ("-publish_date", "-pk")


def _column_and_ancestors(document: Page) -> tuple[Page, list[Page]]:
    ancestors = ancestors_of(document)  # those routing found: no query
    return ancestors[-1], ancestors[:-1]


def sibling_order(document: Page) -> list[int]:
    """The public documents of ``document``'s column (its parent), in the column's listing
    order; cached until something below the column changes."""
    from .models import DisclosureDocumentPage

    column, above = _column_and_ancestors(document)

    def compute() -> list[int]:
        documents = public_pages(DisclosureDocumentPage.objects.filter(children_q(column)))
        return list(documents.order_by(*ORDER).values_list("pk", flat=True))

    tags = caching.page_tags(column, above)
    return caching.cached_value(f"siblings:{column.pk}", tags, compute)


def neighbour_pks(document: Page) -> tuple[int | None, int | None]:
    """The previous (newer) and next (older) public document of the same column."""
    order = sibling_order(document)
    try:
        position = order.index(document.pk)
    except ValueError:  # a preview, or a page the public cannot see
        return None, None
    previous = order[position - 1] if position > 0 else None
    following = order[position + 1] if position + 1 < len(order) else None
    return previous, following


def pages_beside(document) -> set[int]:
    """The public documents of the column next to where ``document`` stands in its order,
    whatever its own state: those whose previous/next link a change of ``document`` may
    change (``cache_purge``). Two short queries on the column's rows."""
    from .models import DisclosureDocumentPage

    if document.publish_date is None or not document.depth:
        return set()
    parent_path = document.path[: -Page.steplen]
    column = Page(path=parent_path, depth=document.depth - 1)
    siblings = public_pages(
        DisclosureDocumentPage.objects.filter(children_q(column)).exclude(pk=document.pk)
    )
    date, pk = document.publish_date, document.pk
    newer = Q(publish_date__gt=date) | Q(publish_date=date, pk__gt=pk)
    older = Q(publish_date__lt=date) | Q(publish_date=date, pk__lt=pk)
    found = {
        siblings.filter(newer).order_by("publish_date", "pk").values_list("pk", flat=True).first(),
        siblings.filter(older).order_by(*ORDER).values_list("pk", flat=True).first(),
    }
    return found - {None}


@dataclass
class Interpretation:
    page: Page
    kind: str  # 文字解读, 图文解读, 视频解读 (or 解读 when the editor chose none)


class PageLinks:
    """A document's neighbours and 解读 links: the pks from the cached column order, the
    pages in one query (only public ones: the neighbours are, the linked pages may not be)."""

    def __init__(self, document) -> None:
        self.document = document

    @cached_property
    def neighbour_pks(self) -> tuple[int | None, int | None]:
        return neighbour_pks(self.document)

    @cached_property
    def _pages(self) -> list:
        from .models import DisclosureDocumentPage, InterpretationLink

        me = self.document.pk
        if not me:
            return []
        interprets_me = InterpretationLink.objects.filter(page=OuterRef("pk"), original=me)
        my_originals = InterpretationLink.objects.filter(page=me, original=OuterRef("pk"))
        # One IN over a union of small sets: an OR of EXISTS had both databases test every
        # document of the catalogue (84 ms at 100,000 documents on PostgreSQL).
        links = InterpretationLink.objects.order_by()  # no ORDER BY inside a UNION
        wanted = links.filter(original=me).values("page_id")
        wanted = wanted.union(links.filter(page=me).values("original_id"))
        if neighbours := [pk for pk in self.neighbour_pks if pk]:
            wanted = wanted.union(Page.objects.order_by().filter(pk__in=neighbours).values("pk"))
        pages = DisclosureDocumentPage.objects.filter(pk__in=wanted).annotate(
            interprets_me=Exists(interprets_me),
            is_my_original=Exists(my_originals),
            # links added in code rather than in the panel may have no sort_order
            original_order=Subquery(my_originals.values("sort_order")[:1]),
            original_link=Subquery(my_originals.values("pk")[:1]),
        )
        return list(public_pages(pages.exclude(pk=me)))

    @cached_property
    def neighbours(self) -> tuple[Page | None, Page | None]:
        by_pk = {page.pk: page for page in self._pages}
        previous, following = self.neighbour_pks
        return by_pk.get(previous), by_pk.get(following)

    @cached_property
    def interpretations(self) -> list[Interpretation]:
        """相关解读: the public interpretations of this document, newest first."""
        from .models import InterpretationKind

        found = [page for page in self._pages if page.interprets_me]
        found.sort(key=lambda page: (page.publish_date is not None, page.publish_date, page.pk))
        kinds = dict(InterpretationKind.choices)
        return [
            Interpretation(page, kinds.get(page.interpretation_kind, _("解读")))
            for page in reversed(found)
        ]

    @cached_property
    def originals(self) -> list[Page]:
        """解读的原文: the public documents this interpretation explains, in the editor's order."""
        found = [page for page in self._pages if page.is_my_original]
        return sorted(
            found,
            key=lambda page: (
                page.original_order is None,
                page.original_order or 0,
                page.original_link,
            ),
        )

    def cache_tags(self) -> list[str]:
        """The page cache tags beyond the page's own: its neighbours (a retitled or withdrawn
        neighbour changes the links; a document published next to it purges it through
        ``pages_beside``). The 解读 links purge through ``cache_purge``."""
        own = [f"page:{self.document.pk}"]  # bumped by a change beside it or linked to it
        return own + [f"tree:{pk}" for pk in self.neighbour_pks if pk]


def _day(value) -> str:
    if not value:
        return "—"
    if hasattr(value, "tzinfo"):
        value = timezone.localtime(value)
    return dateformat.format(value, "Y-m-d")


def metadata_pairs(document) -> list[tuple[str, str]]:
    """The catalogue elements above the title, in the order of the national detail pages:
    索引号, 主题分类, 发布机构, 成文日期, 文号, 发布日期, 有效性 … (label, text)."""
    from .models import Genre, Validity

    genre = document.get_genre_display()
    if document.genre == Genre.INTERPRETATION and document.interpretation_kind:
        genre = document.get_interpretation_kind_display()
    pairs = [
        (_("索引号"), document.index_no or "—"),
        (_("主题分类"), document.topic.display_name if document.topic_id else "—"),
        (_("发布机构"), document.unit.name),
        (_("成文日期"), _day(document.written_date)),
        (_("文号"), document.doc_number or "—"),
        (_("发布日期"), _day(document.publish_date)),
        (_("有效性"), document.get_validity_display()),
    ]
    if document.validity != Validity.VALID and document.repeal_date:
        pairs.append((_("废止日期"), _day(document.repeal_date)))
    pairs.append((_("体裁"), genre))
    if document.keywords:
        pairs.append((_("主题词"), document.keywords))
    return pairs


def metadata_rows(document) -> list[list[tuple[str, str]]]:
    """``metadata_pairs`` two to a row (a grid of two columns on a wide screen)."""
    pairs = metadata_pairs(document)
    return [pairs[i : i + 2] for i in range(0, len(pairs), 2)]


@dataclass
class AttachmentRow:
    attachment: object
    url: str
    title: str
    file_type: str
    size: str  # "" when the size was never recorded

    @property
    def description(self) -> str:
        return " · ".join(str(part) for part in (self.file_type, self.size) if part)


def attachment_rows(attachments) -> list[AttachmentRow]:
    """Each attachment with its type and size, from the document rows already fetched (the
    recorded ``file_size``: no storage request, no query per attachment)."""
    rows = []
    for attachment in attachments:
        document = attachment.document
        extension = document.file_extension.lower()
        # recorded on upload; only a file stored before Wagtail recorded sizes is measured
        # (once: Wagtail then saves it, which purges nothing, ``cache_purge``)
        size = document.file_size if document.file_size is not None else document.get_file_size()
        rows.append(
            AttachmentRow(
                attachment=attachment,
                url=document.url,
                title=attachment.display_title,
                file_type=FILE_TYPES.get(extension, extension.upper()),
                size=filesizeformat(size) if size is not None else "",
            )
        )
    return rows


def qr_svg(text: str) -> SafeString:
    """``text`` as a QR code, inline SVG drawn here (no outside service)."""
    return mark_safe(_qr_markup(text))  # noqa: S308 - segno's own markup; the URL is only in the modules


@functools.lru_cache(maxsize=2048)
def _qr_markup(text: str) -> str:
    # Drawing a code takes about 20 ms (most of a document page's rendering); the same
    # address always gives the same code, so each process draws each one once.
    import segno

    # the lowest error level that the library raises as far as the version allows: a long
    # (percent-encoded) URL still gives a code a phone reads from a screen
    code = segno.make(text, error="l", micro=False)
    return code.svg_inline(scale=4, border=2, dark="#000", light="#fff", omitsize=True)


def public_url(document, request) -> str:
    """The page's address as the public reaches it: under the site's public base URL
    (``public_urls``) when one is configured, else the Site's own root URL."""
    from wagtail.models import Site

    from .public_urls import public_base_url, rebase

    parts = document.get_url_parts(request)
    if parts is None:
        return ""
    site_id, root_url, path = parts
    site = Site.find_for_request(request) if request is not None else None
    if site is None or site.pk != site_id:
        site = Site.objects.filter(pk=site_id).first()
    return rebase(root_url + path, root_url, public_base_url(site))


def share_context(document, request) -> dict:
    """The page's public URL, and the same as a QR code to open it on a phone."""
    url = public_url(document, request)
    if not url:
        return {"share_url": ""}
    # the QR holds the URL as sent (ASCII, what every scanner opens); the box shows it with
    # its Chinese path readable, which browsers accept as typed or pasted
    return {"share_url": url, "share_text": uri_to_iri(url), "share_qr": qr_svg(url)}
