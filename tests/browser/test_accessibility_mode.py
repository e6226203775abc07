"""适老化 mode and the font size in Chromium: by keyboard only, without JavaScript (links, cookie,
server-side classes) and with it (in place, same cookies), 指读, 朗读 and the large cursor."""

import pytest
from playwright.sync_api import expect

from disclosure_portal.accessibility import MODE_COOKIE
from tests.conftest import add_column, make_document, shanghai

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PARAGRAPH = "各街道办事处、镇人民政府，区政府各部门：现将方案印发给你们，请认真贯彻执行。"


@pytest.fixture
def document_url(live_server, index, unit):
    column = add_column(add_column(index, "法定主动公开内容"), "政策文件")
    document = make_document(
        column,
        unit,
        "区人民政府关于印发养老服务工作方案的通知",
        publish_date=shanghai(2024, 3, 1),
        doc_number="区政发〔2024〕1号",
        body=f"<p>{PARAGRAPH}</p><p>二、工作目标。到年底建成社区食堂十个。</p>",
    )
    return live_server.url + document.url


def tab_to(page, name: str, limit: int = 40) -> None:
    """Presses Tab until the focused element's text starts with ``name``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.innerText.trim()").startswith(name):
            return
    raise AssertionError(f"{name} cannot be reached with the keyboard")


def html_classes(page) -> set[str]:
    return set(page.evaluate("document.documentElement.className").split())


def root_font_size(page) -> str:
    return page.evaluate("getComputedStyle(document.documentElement).fontSize")


def test_without_javascript_the_toolbar_works_by_keyboard(browser, document_url):
    context = browser.new_context(java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    page.goto(document_url)
    assert page.get_by_text(PARAGRAPH).is_visible()  # reading needs no script
    assert page.locator("[data-a11y-read]").is_hidden()  # 朗读 needs the browser's speech

    tab_to(page, "大")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == document_url and root_font_size(page) == "19px"

    tab_to(page, "适老化模式")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == document_url
    assert html_classes(page) == {"font-large", "a11y-elder"}
    assert root_font_size(page) == "23px"
    tab_to(page, "高对比度")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "a11y-contrast" in html_classes(page)
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    assert page.get_by_role("link", name="高对比度 （已开启）").count() == 1

    tab_to(page, "退出")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert html_classes(page) == {"font-large"}  # 退出 leaves the mode, keeps the font size
    context.close()


def test_with_javascript_the_modes_switch_in_place_and_persist(browser, document_url):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(document_url)
    page.evaluate("window.notReloaded = true")
    tab_to(page, "适老化模式")
    page.keyboard.press("Enter")
    assert page.evaluate("window.notReloaded === true")  # no round trip
    assert html_classes(page) == {"font-medium", "a11y-elder"}
    assert root_font_size(page) == "20px"
    # the link used disappeared: the focus stays in the toolbar, on the first tool
    assert page.evaluate("document.activeElement.innerText").startswith("大字")
    assert page.get_by_role("status").inner_text() == "已进入适老化模式。"
    page.keyboard.press("Enter")  # 大字
    assert root_font_size(page) == "25px"
    assert "（已开启）" in page.evaluate("document.activeElement.innerText")
    cookies = {cookie["name"]: cookie["value"] for cookie in context.cookies()}
    assert cookies[MODE_COOKIE] == "elder.large"

    # larger hit targets and the large cursor
    for target in page.locator(".a11y-bar a:visible, .a11y-bar button:visible, .site-nav a").all():
        assert target.bounding_box()["height"] >= 44, target.inner_text()
    assert "cursor-arrow.svg" in page.evaluate("getComputedStyle(document.body).cursor")
    assert "cursor-hand.svg" in page.evaluate(
        "getComputedStyle(document.querySelector('main a')).cursor"
    )
    assert page.request.get(document_url.split("/zfxxgk")[0] + "/static/img/cursor-hand.svg").ok

    page.reload()  # the server renders the same from the cookies
    assert html_classes(page) == {"font-medium", "a11y-elder", "a11y-large"}
    page.get_by_role("link", name="退出").click()
    assert html_classes(page) == {"font-medium"}
    assert page.evaluate("document.activeElement.innerText") == "适老化模式"
    context.close()


def test_the_reading_guide_follows_the_pointer_and_the_keyboard(browser, document_url):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(document_url)
    page.get_by_role("link", name="适老化模式").click()
    page.get_by_role("link", name="指读").click()
    line = page.locator(".a11y-guide-line")
    assert line.count() == 1 and line.get_attribute("aria-hidden") == "true"
    paragraph = page.get_by_text(PARAGRAPH).bounding_box()
    page.mouse.move(paragraph["x"] + 20, paragraph["y"] + 5)
    assert abs(line.bounding_box()["y"] - (paragraph["y"] + 11)) <= 4
    caption = page.locator(".a11y-caption")
    assert caption.is_visible() and caption.inner_text() == PARAGRAPH
    font = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.a11y-caption')).fontSize)"
    )
    assert font >= 1.5 * 20  # magnified beyond the mode's own large type

    tab_to(page, "政策文件")  # a breadcrumb link: the line moves below the focused element
    focused = page.evaluate("document.activeElement.getBoundingClientRect().bottom")
    assert abs(line.bounding_box()["y"] - (focused + 3)) <= 4
    page.get_by_role("link", name="指读 （已开启）").click()
    assert line.count() == 0
    context.close()


def test_read_aloud_uses_the_browsers_voice_or_says_there_is_none(browser, document_url):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.goto(document_url)
    page.get_by_role("link", name="适老化模式").click()
    button = page.get_by_role("button", name="朗读")
    assert button.is_visible()
    chinese_voices = page.evaluate(
        """() => new Promise((resolve) => {
            const count = () => speechSynthesis.getVoices().filter((v) => /^zh/i.test(v.lang)).length;
            if (speechSynthesis.getVoices().length) { resolve(count()); return; }
            speechSynthesis.onvoiceschanged = () => resolve(count());
            setTimeout(() => resolve(count()), 2000);
        })"""
    )
    button.click()
    status = page.get_by_role("status")
    if chinese_voices:
        expect(button).to_have_attribute("aria-pressed", "true")
        expect(status).to_have_text("正在朗读正文，再按一次停止。")
        page.get_by_role("button", name="停止朗读").click()
        expect(status).to_have_text("已停止朗读。")
    else:
        expect(status).to_contain_text("没有安装中文语音")
        assert button.get_attribute("aria-pressed") == "false"
    context.close()


def test_the_cached_page_never_carries_one_visitors_mode_to_another(browser, document_url):
    elder = browser.new_context(locale="zh-CN")
    page = elder.new_page()
    page.goto(document_url)
    page.get_by_role("link", name="适老化模式").click()
    page.get_by_role("link", name="高对比度").click()
    page.reload()
    assert {"a11y-elder", "a11y-contrast"} <= html_classes(page)
    for _ in range(2):  # the second visit is served from the page cache
        other = browser.new_context(locale="zh-CN")
        reader = other.new_page()
        response = reader.goto(document_url)
        assert html_classes(reader) == {"font-medium"}, response.headers.get("x-page-cache")
        other.close()
    assert response.headers["x-page-cache"] == "hit"
    page.reload()
    assert {"a11y-elder", "a11y-contrast"} <= html_classes(page)
    elder.close()
