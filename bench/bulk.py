"""Bulk-create published documents below existing columns, for benchmarks only.

Creating 100,000 pages through ``add_child`` takes hours; this writes the tree rows
directly (path, depth, url_path, numchild), in batches, as treebeard would have.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

BATCH = 2000


def bulk_add_documents(plan: list[tuple[Page, int]], fields: Callable[[int], dict]) -> int:
    """Add ``count`` live documents below each ``(column, count)`` of ``plan``.

    ``fields(i)`` gives the i-th document's own fields (title, unit, dates, …); slugs are
    ``b<i>``. Returns the number of documents created.
    """
    from disclosure.models import DisclosureDocumentPage

    content_type = ContentType.objects.get_for_model(DisclosureDocumentPage)
    now = timezone.now()
    pages: list[DisclosureDocumentPage] = []
    serial = 0
    for column, count in plan:
        column.refresh_from_db()
        last_child = column.get_last_child()
        start = 1 if last_child is None else Page._str2int(last_child.path[-Page.steplen :]) + 1
        for position in range(start, start + count):
            slug = f"b{serial}"
            pages.append(
                DisclosureDocumentPage(
                    slug=slug,
                    path=Page._get_path(column.path, column.depth + 1, position),
                    depth=column.depth + 1,
                    numchild=0,
                    live=True,
                    content_type=content_type,
                    locale_id=column.locale_id,
                    url_path=f"{column.url_path}{slug}/",
                    first_published_at=now,
                    last_published_at=now,
                    **fields(serial),
                )
            )
            serial += 1
    with transaction.atomic():
        for chunk in range(0, len(pages), BATCH):
            _insert(pages[chunk : chunk + BATCH])
        for column, count in plan:
            Page.objects.filter(pk=column.pk).update(numchild=column.numchild + count)
    return len(pages)


def _insert(batch: list) -> None:
    from disclosure.models import DisclosureDocumentPage

    page_fields = [f for f in Page._meta.concrete_fields if f.attname != "id"]
    Page.objects.bulk_create(
        [Page(**{f.attname: getattr(p, f.attname) for f in page_fields}) for p in batch]
    )
    created = dict(Page.objects.filter(path__in=[p.path for p in batch]).values_list("path", "pk"))
    for page in batch:
        page.pk = page.page_ptr_id = created[page.path]
    own_fields = list(DisclosureDocumentPage._meta.local_concrete_fields)
    DisclosureDocumentPage._base_manager._insert(batch, fields=own_fields, raw=True)
