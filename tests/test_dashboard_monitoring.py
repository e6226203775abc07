"""栏目更新监测 through the real admin: public content only, per column and per 发布机构,
the 有效性 review list, the filters, the exports of exactly what is shown, and who may see it."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import given
from wagtail.models import PageViewRestriction

from disclosure import caching
from disclosure.dashboard.panels import home_panels

from .conftest import add_column, make_document
from .dashboard_helpers import HOME, MONITORING, plain_editor, shown_tables
from .fuzzing import assert_safe, fuzz_settings, parameters


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def years_ago(years: int, days: int = 0) -> datetime.date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - datetime.timedelta(days=days)


@pytest.fixture
def site(index, unit, other_unit):
    policy = add_column(index, "政策文件")
    notices = add_column(policy, "通知公告")
    normative = add_column(policy, "规范性文件", default_document_type="normative")
    empty = add_column(index, "空白栏目")
    drafts = add_column(index, "只有草稿")
    old = add_column(index, "久未更新", default_unit=other_unit)
    make_document(notices, unit, "新通知", publish_date=days_ago(3))
    make_document(old, unit, "旧通知", publish_date=days_ago(300))
    # not public: a draft, one scheduled for later, one below a restricted column
    make_document(drafts, unit, "草稿", publish=False)
    later = make_document(drafts, unit, "定时发布", publish=False)
    later.go_live_at = timezone.now() + datetime.timedelta(days=2)
    later.save_revision().publish()
    private = add_column(index, "内部栏目")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make_document(private, unit, "内部通知", publish_date=days_ago(1))
    # 有效性: old normative documents still 有效 (own type, inherited type, 暂行)
    make_document(
        notices, unit, "某某管理办法", document_type="normative", written_date=years_ago(6)
    )
    make_document(normative, other_unit, "继承类型的办法", written_date=years_ago(5, 1))
    make_document(normative, unit, "某某暂行规定", written_date=years_ago(3))
    # controls: repealed, recent, not normative, not public
    make_document(
        normative,
        unit,
        "已废止的办法",
        written_date=years_ago(7),
        validity="repealed",
        repeal_date=years_ago(1),
    )
    make_document(normative, unit, "新办法", written_date=years_ago(1))
    make_document(notices, unit, "普通旧通知", document_type="other", written_date=years_ago(8))
    make_document(
        drafts, unit, "未发布的旧办法", document_type="normative", written_date=years_ago(9),
        publish=False,
    )  # fmt: skip
    return {"policy": policy, "notices": notices, "empty": empty, "old": old}


def tables(client, **params) -> dict[str, list[list[str]]]:
    response = client.get(MONITORING, params)
    assert response.status_code == 200
    return shown_tables(response.content.decode())


def by_first_cell(rows):
    return {row[0]: row for row in rows[1:]}


def test_columns_units_and_review_from_public_content_only(client, webmaster, site, unit):
    today = timezone.localdate()
    shown = tables(client)
    columns = by_first_cell(shown["columns"])
    assert shown["columns"][0] == ["栏目", "层级", "公开信息数", "最近发布日期", "距今天数", "状态"]
    assert columns["空白栏目"][1:] == ["1", "0", "", "", "空栏目"]
    assert columns["只有草稿"][2:] == ["0", "", "", "空栏目"]  # a draft and a scheduled one
    old_day = timezone.localtime(days_ago(300)).date().isoformat()
    assert columns["久未更新"][2:] == ["1", old_day, "300", "超过 180 天未更新"]
    assert columns["政策文件/通知公告"] == [
        "政策文件/通知公告", "2", "3", today.isoformat(), "0", "正常"
    ]  # fmt: skip
    assert columns["政策文件"][2] == "7"  # its two sub-columns
    assert "内部栏目" not in columns  # restricted: the public sees no such column

    units = by_first_cell(shown["units"])
    assert units["区教育局"][1:] == ["1", today.isoformat(), "0", "1", "正常"]
    assert units["区人民政府办公室"][1] == "7" and units["区人民政府办公室"][4] == "2"

    review = by_first_cell(shown["review"])
    assert list(review) == ["某某管理办法", "继承类型的办法", "某某暂行规定"]  # oldest first
    assert review["某某暂行规定"][6].startswith("暂行、试行文件成文已满 2 年")
    assert review["某某管理办法"][6].startswith("行政规范性文件成文已满 5 年")
    assert review["继承类型的办法"][1:3] == ["区教育局", "政策文件/规范性文件"]


def test_publishing_fills_an_empty_column_and_unpublishing_empties_it(
    client, webmaster, site, unit
):
    document = make_document(site["empty"], unit, "补充内容")
    assert by_first_cell(tables(client)["columns"])["空白栏目"][5] == "正常"
    document.unpublish()
    assert by_first_cell(tables(client)["columns"])["空白栏目"][5] == "空栏目"


def test_filters_threshold_problems_only_and_unit(client, webmaster, site, other_unit):
    columns = by_first_cell(tables(client, days=400)["columns"])
    assert columns["久未更新"][5] == "正常"
    columns = by_first_cell(tables(client, days=30, problems="on")["columns"])
    assert set(columns) == {"空白栏目", "只有草稿", "久未更新"}
    assert columns["久未更新"][5] == "超过 30 天未更新"

    shown = tables(client, unit=other_unit.pk)
    # its documents' columns and the column naming it 默认发布机构, with its figures only
    assert set(by_first_cell(shown["columns"])) == {"政策文件", "政策文件/规范性文件", "久未更新"}
    assert by_first_cell(shown["columns"])["久未更新"][2:] == ["0", "", "", "空栏目"]
    assert [row[0] for row in shown["units"][1:]] == ["区教育局"]
    assert [row[0] for row in shown["review"][1:]] == ["继承类型的办法"]


@pytest.mark.parametrize(
    "params, error",
    [
        ({"days": "abc"}, "请输入整数天数。"),
        ({"days": "0"}, "天数至少为 1。"),
        ({"days": "99999"}, "天数不能超过 3650。"),
        ({"unit": "999999"}, "请选择列表中的发布机构。"),
    ],
)
def test_bad_filters_say_why_in_chinese_and_export_nothing(client, webmaster, site, params, error):
    response = client.get(MONITORING, {**params, "export": "columns", "format": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert error in response.content.decode()


def read_csv(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def read_xlsx(response) -> list[list[str]]:
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("params", [{}, {"days": "30", "problems": "on"}])
@pytest.mark.parametrize("table", ["columns", "units", "review"])
def test_exports_hold_exactly_what_is_shown(client, webmaster, site, params, table):
    shown = tables(client, **params)[table]
    assert len(shown) > 1
    as_csv = client.get(MONITORING, {**params, "export": table, "format": "csv"})
    assert "attachment" in as_csv["Content-Disposition"]
    assert read_csv(as_csv) == shown
    as_xlsx = client.get(MONITORING, {**params, "export": table, "format": "xlsx"})
    assert read_xlsx(as_xlsx) == shown


def test_the_home_page_sums_it_up_for_webmasters(client, webmaster, site):
    page = client.get(HOME).content.decode()
    panel = page.split('id="disclosure-monitoring-summary"')[1].split("</section>")[0]
    assert "空栏目 2 个" in panel and "超过 180 天未更新的栏目 1 个" in panel
    assert "有效性待核查的文件 3 件" in panel and MONITORING in panel
    assert "从未发布信息的发布机构 0 个" in panel


def test_a_plain_editor_cannot_see_or_open_it(client, site):
    plain_editor(client)
    # Wagtail answers an admin view's PermissionDenied with a redirect home and a message
    for params in ({}, {"export": "columns", "format": "csv"}):
        response = client.get(MONITORING, params)
        assert (response.status_code, response["Location"]) == (302, HOME)
    page = client.get(HOME).content.decode()
    assert "栏目更新监测" not in page and MONITORING not in page
    assert "disclosure-monitoring-summary" not in page


def test_the_menu_shows_it_to_webmasters(client, webmaster, site):
    assert MONITORING in client.get(HOME).content.decode()


def count_queries(client, user) -> dict[str, int]:
    """Queries of the monitoring view, and of the home page's panels (the rest of that page
    is Wagtail's), each computing the report afresh (it is cached until the catalogue
    changes)."""
    caching.bump({"catalogue"})
    with CaptureQueriesContext(connection) as view:
        assert client.get(MONITORING).status_code == 200
    request = RequestFactory().get(HOME)
    request.user = user
    with CaptureQueriesContext(connection) as panel:
        html = "".join(p.render_html({"request": request}) for p in home_panels(request))
    assert "disclosure-monitoring-summary" in html
    return {"view": len(view.captured_queries), "panels": len(panel.captured_queries)}


def grow(site, units, documents: int) -> None:
    for n in range(documents):
        column = (site["notices"], site["old"])[n % 2]
        make_document(column, units[n % 2], f"第{n}号文件", document_type="normative",
                      written_date=years_ago(6 + n % 3))  # fmt: skip


def test_the_view_costs_the_same_queries_at_two_catalogue_sizes(
    client, webmaster, site, unit, other_unit
):
    grow(site, (unit, other_unit), 5)
    client.get(MONITORING)  # the first request fills Wagtail's content type and menu caches
    small = count_queries(client, webmaster)
    grow(site, (unit, other_unit), 40)
    add_column(site["policy"], "新栏目")
    large = count_queries(client, webmaster)
    assert large == small
    with CaptureQueriesContext(connection) as cached:
        assert client.get(MONITORING).status_code == 200
    assert len(cached.captured_queries) < large["view"], (cached.captured_queries, large)
    # the panels run here without VisibilityMemoMiddleware: the hidden branches are read
    # for each of the three public querysets, once per request in the admin
    # (computing afresh, the view also reads the next scheduled change that bounds the cache)
    assert small["view"] <= 22 and small["panels"] <= 16, small


@fuzz_settings
@given(params=parameters(["unit", "days", "problems", "export", "format"]))
def test_filter_fuzz(client, webmaster, params):
    response = client.get(MONITORING, params)
    if response.status_code == 200 and "attachment" in response.get("Content-Disposition", ""):
        return
    assert_safe(response, params)
