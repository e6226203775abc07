"""What the home page shows: the 政府信息公开 entry points, the newest public documents of
the whole site and of each main column, the 政策解读 block and this year's figures at a glance.

Everything goes through ``disclosure.visibility`` (public columns, public documents) and is
cached like the other broad pages: the blocks until something below the home page changes
(its ``content`` tag), the figures until the catalogue or a register changes; a warm home
page then costs one query for the documents it lists.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from disclosure import caching
from disclosure.listing import LISTING_ORDER, documents_in_order, public_documents
from disclosure.routing import ancestors_of
from disclosure.visibility import children_q, public_pages, subtree_q

LATEST_PER_COLUMN = 6
LATEST_OVERALL = 10
INTERPRETATION_TITLE = "政策解读"

# (label, what a citizen finds there, column titles that count as this entry point)
ENTRY_POINTS = [
    (_("信息公开指南"), _("公开的范围、方式和申请渠道"), ("政府信息公开指南", "信息公开指南")),
    (_("信息公开制度"), _("条例、上级文件和本区制度"), ("政府信息公开制度", "信息公开制度")),
    (_("法定主动公开内容"), _("条例规定应当主动公开的信息"), ("法定主动公开内容",)),
    (
        _("信息公开年报"),
        _("历年政府信息公开工作年度报告"),
        ("政府信息公开年报", "信息公开年报", "年报"),
    ),
    (_("依申请公开"), _("申请须知、在线申请和办理查询"), ("依申请公开",)),
]


def home_blocks(home: Page, request) -> dict:
    """The home page's blocks, with their documents loaded in one query."""
    blocks = caching.cached_value(
        f"home-blocks:{home.pk}",
        caching.page_tags(home, ancestors_of(home)),
        lambda: _blocks(home, request),
    )
    wanted = [pk for block in _with_documents(blocks) for pk in block["pks"]]
    documents = {document.pk: document for document in documents_in_order(wanted)}
    for block in _with_documents(blocks):
        block["documents"] = [documents[pk] for pk in block["pks"] if pk in documents]
    return blocks


def _with_documents(blocks: dict) -> list[dict]:
    interpretation = [blocks["interpretation"]] if blocks["interpretation"] else []
    return [blocks["latest"], *interpretation, *blocks["columns"]]


def _blocks(home: Page, request) -> dict:
    from disclosure.models import DisclosureColumnPage, DisclosureIndexPage, StatisticsPage

    index = (
        public_pages(DisclosureIndexPage.objects.type(DisclosureIndexPage).filter(children_q(home)))
        .order_by("path")
        .first()
    )
    statistics = (
        public_pages(StatisticsPage.objects.type(StatisticsPage).filter(subtree_q(home)))
        .order_by("path")
        .first()
    )
    result = {
        "latest": {"pks": _latest(home, LATEST_OVERALL)},
        "index": _link(index, request),
        "statistics": _link(statistics, request),
        "entries": [],
        "columns": [],
        "interpretation": None,
    }
    if index is None:
        return result
    columns = list(
        public_pages(DisclosureColumnPage.objects.type(DisclosureColumnPage))
        .filter(subtree_q(index), depth__lte=index.depth + 3)
        .order_by("depth", "path")
        .only("title", "path", "depth", "url_path")
    )
    by_title: dict[str, Page] = {}
    for column in columns:  # the shallowest column of a title wins
        by_title.setdefault(column.title, column)
    for label, note, titles in ENTRY_POINTS:
        column = next((by_title[t] for t in titles if t in by_title), None)
        if column is not None:
            result["entries"].append({"label": label, "note": note, **_link(column, request)})
    for column in (c for c in columns if c.depth == index.depth + 1):
        result["columns"].append({**_link(column, request), "pks": _latest(column)})
    if interpretation := by_title.get(INTERPRETATION_TITLE):
        result["interpretation"] = {
            **_link(interpretation, request),
            "pks": _latest(interpretation),
        }
    return result


def _link(page: Page | None, request) -> dict | None:
    return {"title": page.title, "url": page.get_url(request)} if page is not None else None


def _latest(page: Page, count: int = LATEST_PER_COLUMN) -> list[int]:
    documents = public_documents().filter(subtree_q(page)).order_by(*LISTING_ORDER)
    return list(documents.values_list("pk", flat=True)[:count])


def figures_at_a_glance(year: int) -> dict:
    """This year's published documents and information requests, from the statistics (the
    same functions as the statistics page and the annual report)."""
    from disclosure.statistics import overview, table_b

    def compute() -> dict:
        published = overview(year)
        requests = table_b(year)
        return {
            "year": year,
            "published": published.published_in_year,
            "cumulative": published.cumulative,
            "requests_received": requests.row("received").cells[-1],
            "requests_closed": requests.closed_requests,
        }

    return caching.cached_value(f"home-figures:{year}", ["catalogue", "site"], compute)
