"""The admin home's 网站监测 summary is cached under the cache tags: a second home view costs
fewer queries and shows the same figures; a publish, an unpublish or a new column below the
index, or a new unit, changes it at once; a draft (nothing public) does not."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from disclosure import caching
from disclosure.models import DisclosureUnit

from .conftest import add_column, make_credit_code, make_document
from .dashboard_helpers import HOME


def summary(client) -> tuple[str, int]:
    """The summary panel's text, and the queries of that home view."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(HOME)
    assert response.status_code == 200
    panel = response.content.decode().split('id="disclosure-monitoring-summary"')[1]
    return panel.split("</section>")[0], len(queries.captured_queries)


def test_the_second_home_view_reads_the_summary_from_the_cache(client, webmaster, index, unit):
    add_column(index, "空白栏目")
    make_document(add_column(index, "通知公告"), unit, "新通知")
    client.get(HOME)  # Wagtail's own first-request caches (content types, menus)
    caching.bump({"catalogue"})  # the summary alone computed afresh, the rest stays warm
    first, first_queries = summary(client)
    second, second_queries = summary(client)
    assert "空栏目 1 个" in first and second == first
    assert second_queries < first_queries, (first_queries, second_queries)
    assert timezone.localtime().strftime("统计于 %Y-%m-%d") in first


def test_publishing_below_a_column_changes_the_summary(client, webmaster, index, unit):
    empty = add_column(index, "空白栏目")
    make_document(add_column(index, "通知公告"), unit, "新通知")
    before, _queries = summary(client)
    assert "空栏目 1 个" in before

    draft = make_document(empty, unit, "草稿", publish=False)
    assert "空栏目 1 个" in summary(client)[0]  # a draft is nothing public

    draft.save_revision().publish()
    assert "空栏目 0 个" in summary(client)[0]

    draft.refresh_from_db()
    draft.unpublish()
    assert "空栏目 1 个" in summary(client)[0]

    add_column(index, "新栏目")  # a new (empty) column
    assert "空栏目 2 个" in summary(client)[0]


def test_old_content_and_a_new_unit_change_it_too(client, webmaster, index, unit):
    old = add_column(index, "久未更新")
    make_document(old, unit, "旧通知", publish_date=timezone.now() - datetime.timedelta(days=300))
    text, _queries = summary(client)
    assert "超过 180 天未更新的栏目 1 个" in text and "从未发布信息的发布机构 0 个" in text

    DisclosureUnit.objects.create(
        name="区民政局",
        code=make_credit_code("00252172"),
        kind=DisclosureUnit.Kind.DEPARTMENT,
    )
    assert "从未发布信息的发布机构 1 个" in summary(client)[0]

    make_document(old, unit, "新通知")
    assert "超过 180 天未更新的栏目 0 个" in summary(client)[0]


def test_the_monitoring_page_is_cached_the_same_way(client, webmaster, index, unit):
    """The 栏目更新监测 page's report is cached under the same tags as the home summary."""
    from .dashboard_helpers import MONITORING

    empty = add_column(index, "一个空白栏目")
    assert "一个空白栏目" in client.get(MONITORING, {"problems": "on"}).content.decode()
    with CaptureQueriesContext(connection) as cold:
        client.get(MONITORING)
    with CaptureQueriesContext(connection) as warm:
        client.get(MONITORING)
    caching.bump({"catalogue"})
    with CaptureQueriesContext(connection) as again:
        client.get(MONITORING)
    assert len(warm.captured_queries) < len(again.captured_queries)
    assert len(cold.captured_queries) == len(warm.captured_queries)  # both read the cache

    make_document(empty, unit, "新通知")
    content = client.get(MONITORING, {"problems": "on"}).content.decode()
    assert "一个空白栏目" not in content
