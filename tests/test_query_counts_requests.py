"""SQL queries of the request and unit pages at two sizes: the counts must not grow with
the number of requests, units' documents or reports."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from disclosure.models import AnnualReportPage, RequestStatus
from disclosure.requests.workflow import transition

from .conftest import add_column, make_document
from .request_staff import submit

D = datetime.date


def count_queries(client, url: str) -> int:
    """Queries of a second view (the first warms per-process caches: site, content types)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries.captured_queries)


def add_requests(unit, handler, n: int) -> None:
    for i in range(n):
        row = submit(unit, D(2026, 9, 1 + i % 20), subject=f"申请{i}")
        transition(row, RequestStatus.ACCEPTED, user=handler)


@pytest.mark.parametrize("who", ["handler", "webmaster"])
def test_the_staff_request_pages_do_not_grow_with_the_requests(
    client, unit, handler, webmaster, who, settings
):
    settings.DISCLOSURE_PAGE_CACHE_SECONDS = 0
    client.force_login(handler if who == "handler" else webmaster)
    add_requests(unit, handler, 3)
    first = submit(unit, D(2026, 9, 21), subject="首件")
    urls = ["/admin/disclosure/requests/", f"/admin/disclosure/requests/{first.pk}/", "/admin/"]
    small = [count_queries(client, url) for url in urls]
    add_requests(unit, handler, 12)
    large = [count_queries(client, url) for url in urls]
    assert small == large


def test_the_status_page_and_unit_pages_do_not_grow(client, index, unit, handler, settings):
    settings.DISCLOSURE_PAGE_CACHE_SECONDS = 0
    column = add_column(index, "通知公告")
    reports = add_column(index, "部门年报")
    first = submit(unit, D(2026, 9, 21))
    code = first.query_code
    urls = [
        f"/zfxxgk/apply/status/?code={code}",
        "/zfxxgk/units/",
        f"/zfxxgk/units/{unit.code}/",
        f"/zfxxgk/units/{unit.code}/catalogue/",
    ]

    def grow(n: int, year: int) -> None:
        for i in range(n):
            make_document(column, unit, f"{year}年第{i}号通知")
        report = AnnualReportPage(title=f"{year}年报", year=year, unit=unit, live=False)
        reports.add_child(instance=report)
        report.save_revision().publish()
        transition(
            first, (RequestStatus.ACCEPTED, RequestStatus.PROCESSING)[year % 2], user=handler
        )

    grow(2, 2024)
    small = [count_queries(client, url) for url in urls]
    grow(8, 2025)
    large = [count_queries(client, url) for url in urls]
    assert small == large


def test_the_report_cycle_overview_does_not_grow_with_the_units(client, webmaster, index):
    from disclosure.models import DisclosureUnit

    from .conftest import make_credit_code

    def add_units(n: int, start: int) -> None:
        for i in range(start, start + n):
            DisclosureUnit.objects.create(
                name=f"单位{i}", code=make_credit_code(), kind=DisclosureUnit.Kind.DEPARTMENT
            )

    add_units(2, 0)
    small = count_queries(client, "/admin/disclosure/report-cycle/2025/")
    add_units(10, 2)
    assert count_queries(client, "/admin/disclosure/report-cycle/2025/") == small
