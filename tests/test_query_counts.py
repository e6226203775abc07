"""SQL queries per public page, at two catalogue sizes, with the page cache off.

The counts must not grow with the catalogue (the same at both sizes), and the pages stay
within the budgets of issue 13: document ≤ 10, column ≤ 12, index ≤ 12, statistics ≤ 25.
"Cold" is the first view after a change (the cached figures are computed), "warm" every view
after it until the next change. The timings at 100,000 documents are in bench/bench_pages.py.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from disclosure import caching
from disclosure.models import AnnualReportPage, StatisticsPage

from .conftest import add_column, make_document

BUDGETS = {
    "home": 12,
    "index": 12,
    "column": 12,
    "column page 2": 12,
    "leaf column": 12,
    "document": 10,
    "statistics": 25,
    "annual report": 12,
    "search form": 12,
}


@pytest.fixture
def catalogue(index, unit, other_unit, settings):
    settings.DISCLOSURE_PAGE_CACHE_SECONDS = 0
    policy = add_column(index, "政策文件")
    notices = add_column(policy, "通知公告")
    leaf = add_column(notices, "区政府文件")
    small = add_column(policy, "规范性文件")
    reports = add_column(index, "政府信息公开年报")
    statistics = StatisticsPage(title="公开统计", slug="statistics")
    reports.add_child(instance=statistics)
    report = AnnualReportPage(title="2025年年报", year=2025, unit=None, live=False)
    reports.add_child(instance=report)
    report.save_revision().publish()
    make_document(small, unit, "规范性文件一")
    return {"leaf": leaf, "notices": notices, "small": small, "stats": statistics, "report": report}


def grow(catalogue, unit, other_unit, documents: int):
    for n in range(documents):
        make_document(catalogue["leaf"], (unit, other_unit)[n % 2], f"第{n}号通知")


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries.captured_queries)


def measure(client, index, catalogue) -> dict[str, tuple[int, int]]:
    document = catalogue["leaf"].get_children().live().last()
    urls = {
        "home": "/",
        "index": index.url,
        "column": catalogue["notices"].url,
        "column page 2": catalogue["notices"].url + "?page=2",
        "leaf column": catalogue["small"].url,
        "document": document.url,
        "statistics": catalogue["stats"].url,
        "annual report": catalogue["report"].url,
        "search form": "/search/",
    }
    counts = {}
    for name, url in urls.items():
        caching.cache().clear()
        cold = count_queries(client, url)
        counts[name] = (cold, count_queries(client, url))
    return counts


def test_public_pages_cost_the_same_queries_at_two_catalogue_sizes(
    client, index, catalogue, unit, other_unit
):
    grow(catalogue, unit, other_unit, 25)  # two pages of 20
    small = measure(client, index, catalogue)
    grow(catalogue, unit, other_unit, 60)
    large = measure(client, index, catalogue)
    assert large == small
    for name, (_cold, warm) in large.items():
        assert warm <= BUDGETS[name], (name, warm)
