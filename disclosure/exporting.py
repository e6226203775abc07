"""Catalogue export: the import's columns (round-trip) and the public catalogue's columns.

Rows are produced lazily from a queryset iterator, and XLSX is written in openpyxl's
write-only mode, so exporting tens of thousands of documents keeps memory flat.
"""

import csv
from collections.abc import Iterable, Iterator
from typing import IO
from urllib.parse import quote

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from .importing.fields import EXPORT_HEADERS
from .models import DisclosureColumnPage, DisclosureDocumentPage, Genre, Validity
from .text import spreadsheet_text, xml_safe

PUBLIC_HEADERS = [
    "索引号",
    "标题",
    "栏目",
    "发布机构",
    "文号",
    "成文日期",
    "发布日期",
    "主题分类",
    "体裁",
    "有效性",
    "废止日期",
    "内容概述",
    "链接",
]


def live_documents(unit=None, year: int | None = None) -> QuerySet:
    """What the admin export covers: every live document, optionally of one unit and year."""
    documents = DisclosureDocumentPage.objects.live()
    if unit is not None:
        documents = documents.filter(unit=unit)
    if year is not None:
        documents = documents.filter(publish_date__year=year)
    return documents


def _column_titles() -> dict[str, str]:
    return dict(
        DisclosureColumnPage.objects.type(DisclosureColumnPage).values_list("path", "title")
    )


def column_path(path: str, titles: dict[str, str]) -> str:
    """``一级/二级/三级``: the titles of the columns above a page, from its tree path."""
    steplen = DisclosureDocumentPage.steplen
    prefixes = (path[:end] for end in range(steplen, len(path), steplen))
    return "/".join(titles[p] for p in prefixes if p in titles)


def format_datetime(value) -> str:
    if value is None:
        return ""
    local = timezone.localtime(value)
    return local.strftime("%Y-%m-%d %H:%M:%S" if local.second else "%Y-%m-%d %H:%M")


def _date(value) -> str:
    return value.isoformat() if value else ""


def _documents(queryset: QuerySet) -> Iterator[DisclosureDocumentPage]:
    queryset = queryset.select_related("unit", "topic__parent", "report_category")
    return queryset.order_by("publish_date", "pk").iterator(chunk_size=2000)


def catalog_rows(queryset: QuerySet) -> Iterator[list[str]]:
    """Rows in the import's column order (``fields.FIELDS``), header first."""
    titles = _column_titles()
    genres, validities = dict(Genre.choices), dict(Validity.choices)
    yield list(EXPORT_HEADERS)
    for d in _documents(queryset):
        yield [
            d.title,
            column_path(d.path, titles),
            d.unit.name,
            d.index_no or "",
            d.doc_number,
            _date(d.written_date),
            format_datetime(d.publish_date),
            d.topic.full_name if d.topic else "",
            d.report_category.name if d.report_category else "",
            str(validities.get(d.validity, d.validity)),
            d.body,
            str(genres.get(d.genre, d.genre)),
            d.keywords,
            d.summary,
            _date(d.repeal_date),
        ]


PUBLIC_FIELDS = (
    "index_no",
    "title",
    "path",
    "unit__name",
    "doc_number",
    "written_date",
    "publish_date",
    "topic__name",
    "topic__parent__name",
    "genre",
    "validity",
    "repeal_date",
    "summary",
    "url_path",
)


def public_catalog_rows(
    queryset: QuerySet, request=None, *, site_id: int | None = None
) -> Iterator[list[str]]:
    """The public catalogue (政府信息公开目录): catalogue fields only, never the body.

    Plain values, not pages: 100,000 model instances, their lazy labels and a ``reverse()``
    each took 12 s; the same rows as values take a fraction of it."""
    titles = _column_titles()
    genres = {value: str(label) for value, label in Genre.choices}
    validities = {value: str(label) for value, label in Validity.choices}
    full_url = FullUrls(request, site_id=site_id)
    yield list(PUBLIC_HEADERS)
    rows = queryset.order_by("publish_date", "pk").values_list(*PUBLIC_FIELDS)
    for row in rows.iterator(chunk_size=2000):
        (index_no, title, path, unit, doc_number, written, published, topic, parent_topic,
         genre, validity, repealed, summary, url_path) = row  # fmt: skip
        yield [
            index_no or "",
            title,
            column_path(path, titles),
            unit,
            doc_number,
            _date(written),
            format_datetime(published),
            f"{parent_topic}\\{topic}" if parent_topic else (topic or ""),
            genres.get(genre, genre),
            validities.get(validity, validity),
            _date(repealed),
            summary,
            full_url(url_path),
        ]


class FullUrls:
    """``page.get_full_url(request)`` from a page's ``url_path`` alone, as Wagtail builds it
    (``Page.get_url_parts``): the request's site (or ``site_id``) when it holds the page,
    else the first site that does; ``reverse("wagtail_serve")`` once instead of once per page.
    A site with a public base URL (``public_urls``) has its links start with it."""

    def __init__(self, request=None, *, site_id: int | None = None):
        from wagtail.models import Site

        from .public_urls import public_base_urls

        self.roots = Site.get_site_root_paths()
        if request is not None:
            site = Site.find_for_request(request)
            site_id = site.pk if site else None
        self.site_id = site_id
        self.serve_prefix = reverse("wagtail_serve", args=("",))
        self.bases = public_base_urls()

    def __call__(self, url_path: str) -> str:
        roots = [root for root in self.roots if url_path.startswith(root.root_path)]
        if not roots:
            return ""
        root = next((r for r in roots if r.site_id == self.site_id), roots[0])
        path = self.serve_prefix + url_path[len(root.root_path) :]
        if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and path != "/":
            path = path.rstrip("/")
        base = self.bases.get(root.site_id) or root.root_url
        return base + quote(path, safe=URL_SAFE)


# what Django's reverse() leaves unquoted in a path
URL_SAFE = "/~:@!$&'()*+,;="


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[list[str]], *, bom: bool = True) -> Iterator[str]:
    """CSV text line by line (for streaming responses); UTF-8 BOM first so Excel reads it.
    Cells go through ``spreadsheet_text``: no formula, no control character."""
    writer = csv.writer(_Echo())
    if bom:
        yield "\ufeff"
    for row in rows:
        yield writer.writerow([spreadsheet_text(value) for value in row])


def write_csv(rows: Iterable[list[str]], stream: IO[str]) -> int:
    """Write the rows; return how many documents (rows after the header) were written."""
    writer = csv.writer(stream)
    count = 0
    for row in rows:
        writer.writerow([spreadsheet_text(value) for value in row])
        count += 1
    return max(count - 1, 0)


def write_xlsx(rows: Iterable[list[str]], target, *, title: str = "政府信息公开目录") -> int:
    """Write an .xlsx (write-only mode) to a path or binary stream; every cell is text (so
    never a formula), without the control characters XML cannot hold."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    count = 0
    for row in rows:
        count += 1
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=xml_safe(value))
            cell.data_type = "s"  # text, even when it starts with “=”
            cells.append(cell)
        sheet.append(cells)
    workbook.save(target)
    return max(count - 1, 0)
