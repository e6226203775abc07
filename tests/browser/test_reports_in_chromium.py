"""年报 and 公开统计 in Chromium: at a 390 px phone the page never scrolls sideways (wide
tables scroll in their own labelled, focusable region) and chart labels are not clipped."""

import pytest

from disclosure.models import AnnualReportPage, ReportCategory, StatisticsPage
from tests.conftest import add_column, make_document, shanghai

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture
def phone390(browser):
    """A 390 px phone (the brief's width; the shared ``phone`` fixture is 375 px)."""
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="zh-CN")
    yield page
    page.close()


@pytest.fixture
def report(index, unit):
    column = add_column(index, "政府信息公开年报")
    documents = add_column(index, "机构职能")
    # The category may or may not be seeded (flushes between browser tests): make sure.
    category, _created = ReportCategory.objects.get_or_create(name="机构职能")
    make_document(
        documents,
        unit,
        "关于机构职能的说明",
        publish_date=shanghai(2024, 3, 1),
        report_category=category,
    )
    page = AnnualReportPage(title="区人民政府2024年政府信息公开工作年度报告", year=2024)
    column.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_the_annual_report_fits_a_phone_and_its_tables_scroll_in_regions(
    live_server, report, phone390
):
    phone390.goto(live_server.url + report.url)
    assert phone390.evaluate(OVERFLOW) <= 0
    regions = phone390.locator(".table-scroll")
    assert regions.count() == 3
    for position in range(3):
        region = regions.nth(position)
        assert region.get_attribute("role") == "region"
        assert region.get_attribute("tabindex") == "0"
        assert "表格" in region.get_attribute("aria-label")
    # Table 三 is wider than the phone: its region scrolls, by keyboard too.
    wide = regions.nth(1)
    assert wide.evaluate("e => e.scrollWidth > e.clientWidth")
    wide.focus()
    phone390.keyboard.press("ArrowRight")
    phone390.wait_for_function("() => document.querySelectorAll('.table-scroll')[1].scrollLeft > 0")
    assert phone390.get_by_text("表格较宽，可左右滑动查看").first.is_visible()
    assert phone390.evaluate(OVERFLOW) <= 0


CLIPPED_TEXTS = """() => [...document.querySelectorAll('figure.chart svg')].flatMap(svg => {
    const box = svg.viewBox.baseVal;
    return [...svg.querySelectorAll('text')].filter(t => {
        const b = t.getBBox();
        return b.x < box.x - 0.5 || b.x + b.width > box.x + box.width + 0.5;
    }).map(t => t.textContent);
})"""


def test_statistics_charts_show_whole_labels_on_desktop_and_phone(
    live_server, report, desktop, phone390
):
    page = StatisticsPage(title="公开统计", slug="tongji")
    report.get_parent().add_child(instance=page)
    for browser_page in (desktop, phone390):
        browser_page.goto(live_server.url + page.url + "?year=2024")
        assert browser_page.locator("figure.chart svg").count() == 2
        labels = browser_page.locator("figure.chart svg text tspan").all_text_contents()
        assert "机构职能" in labels and "3月" in labels
        assert browser_page.evaluate(CLIPPED_TEXTS) == []
        assert browser_page.evaluate(OVERFLOW) <= 0
        # The charts are legible on the phone: drawn at (nearly) their own size.
        scale = browser_page.evaluate(
            "() => { const s = document.querySelector('figure.chart svg');"
            " return s.getBoundingClientRect().width / s.viewBox.baseVal.width; }"
        )
        assert scale > 0.9
        caption = browser_page.locator("figure.chart figcaption").first.text_content()
        assert "右" not in caption and "下表" not in caption


def test_search_page_is_styled_labelled_and_fits_a_phone(
    live_server, index, unit, desktop, phone390
):
    column = add_column(index, "政策文件")
    for day in range(1, 25):
        make_document(column, unit, f"关于第{day}项工作的通知", publish_date=shanghai(2024, 3, day))
    for browser_page in (desktop, phone390):
        browser_page.goto(live_server.url + "/search/?q=通知")
        assert browser_page.evaluate(OVERFLOW) <= 0
        # Our stylesheet is applied: the filters are a grid, not raw browser controls.
        assert (
            browser_page.locator(".search-filters").evaluate("e => getComputedStyle(e).display")
            == "grid"
        )
        # Every control of the form has an accessible name.
        unnamed = browser_page.evaluate(
            """() => [...document.querySelectorAll('.search-form input, .search-form select')]
                .filter(e => !e.labels || e.labels.length === 0).map(e => e.name)"""
        )
        assert unnamed == []
        assert browser_page.get_by_role("link", name="下一页").is_visible()
        assert browser_page.get_by_label("发布机构").is_visible()
    phone390.goto(live_server.url + "/search/?q=量子纠缠&year_from=2023")
    assert phone390.locator(".search-empty").is_visible()
    assert phone390.evaluate(OVERFLOW) <= 0


def test_no_serious_accessibility_violations_on_report_statistics_and_search(
    live_server, report, desktop
):
    from axe_playwright_python.sync_playwright import Axe

    page = StatisticsPage(title="公开统计", slug="tongji")
    report.get_parent().add_child(instance=page)
    axe = Axe()
    for url in (report.url, page.url + "?year=2024", "/search/?q=机构职能"):
        desktop.goto(live_server.url + url)
        results = axe.run(desktop)
        assert results.response["passes"], "axe-core did not run"
        serious = [
            (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], f"{url}: {serious}"
