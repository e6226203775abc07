"""The public pages in a real browser: accessible (axe-core), usable at 375 px, no outside requests."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import add_column, make_document, shanghai

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def pages(index, unit):
    level1 = add_column(index, "法定主动公开内容")
    level2 = add_column(level1, "政策文件")
    level3 = add_column(level2, "区政府规范性文件")
    document = None
    for day in range(1, 24):
        document = make_document(
            level3,
            unit,
            f"区人民政府关于印发第{day}项工作方案的通知",
            publish_date=shanghai(2024, 3, day),
            doc_number=f"区政发〔2024〕{day}号",
            body="<p>各街道办事处、镇人民政府，区政府各部门：现将方案印发给你们，请认真贯彻执行。</p>",
        )
    return {"index": index, "column": level1, "leaf": level3, "document": document}


def page_urls(live_server, pages):
    return {name: live_server.url + page.url for name, page in pages.items()}


def test_no_serious_accessibility_violations(live_server, pages, desktop):
    axe = Axe()
    for name, url in page_urls(live_server, pages).items():
        desktop.goto(url)
        results = axe.run(desktop)
        assert results.response["passes"], "axe-core did not run"
        serious = [
            (v["id"], v["help"])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], f"{name}: {serious}"


def test_pages_fit_a_375_pixel_phone(live_server, pages, phone):
    for name, url in page_urls(live_server, pages).items():
        phone.goto(url)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px"
        assert phone.locator("main").count() == 1
        assert phone.locator("h1").count() == 1


def test_landmarks_and_filters_are_labelled(live_server, pages, desktop):
    desktop.goto(live_server.url + pages["column"].url)
    assert desktop.get_by_role("banner").count() == 1
    assert desktop.get_by_role("contentinfo").count() == 1
    assert desktop.get_by_role("navigation", name="当前位置").count() == 1
    desktop.get_by_label("年份").select_option("2024")
    desktop.get_by_role("button", name="筛选").click()
    desktop.wait_for_load_state()
    assert "year=2024" in desktop.url
    assert desktop.get_by_text("共 23 条信息").count() == 1
    desktop.get_by_role("link", name="下一页").click()
    assert "year=2024" in desktop.url and "page=2" in desktop.url
    assert desktop.locator("tbody tr").count() == 3


def test_no_request_leaves_the_portal(live_server, pages, desktop):
    outside = []
    desktop.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(live_server.url) and not request.url.startswith("data:")
            else None
        ),
    )
    for url in page_urls(live_server, pages).values():
        desktop.goto(url)
        desktop.wait_for_load_state("networkidle")
    assert outside == []


def test_a_leaf_column_uses_the_whole_width_on_a_desktop(live_server, pages, desktop):
    """A column without sub-columns has no sidebar: its table must not fall into the 220 px
    sidebar track (headers one character per line); a column with sub-columns keeps it."""
    for name, expect_sidebar in (("leaf", False), ("column", True)):
        desktop.goto(live_server.url + pages[name].url)
        main = desktop.locator("main").bounding_box()
        table = desktop.locator(".document-table").bounding_box()
        header = desktop.locator(".document-table th").first.bounding_box()
        assert desktop.locator(".sub-columns").count() == (1 if expect_sidebar else 0), name
        if expect_sidebar:
            assert table["width"] > main["width"] - 300, name
        else:
            assert table["width"] > main["width"] - 40, name
        assert header["height"] < 50, f"{name}: table headers wrap ({header['height']} px)"
        desktop.screenshot(path=f"/tmp/column-{name}-1280.png", full_page=True)
