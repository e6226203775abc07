"""The application form in Chromium without JavaScript: a mistake comes back with everything
typed and the error announced, the corrected form reaches the receipt, whose link opens the
status page. Screenshots at 1280 and 390 px; axe finds nothing on the error and receipt pages."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from disclosure.models import InformationRequest

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NUMERALS = "零一二三四五六七八九"


def answer(page) -> str:
    match = re.search(
        r"([一二三四五六七八九])加([一二三四五六七八九])等于几", page.inner_text("main")
    )
    return str(NUMERALS.index(match.group(1)) + NUMERALS.index(match.group(2)))


def violations(page) -> list:
    return [
        (v["id"], [n["target"] for n in v["nodes"][:3]])
        for v in Axe().run(page).response["violations"]
    ]


def violations_if(javascript: bool, page) -> list:
    # axe runs as a script: only in the context with JavaScript on
    return violations(page) if javascript else []


# the phone without JavaScript (the form needs none), the desktop with it and axe
@pytest.mark.parametrize("width, javascript", [(1280, True), (390, False)])
def test_apply_receipt_and_status(live_server, browser, unit, settings, width, javascript):
    settings.DISCLOSURE_APPLY_MIN_SECONDS = 0
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="zh-CN", java_script_enabled=javascript
    )
    page = context.new_page()
    page.goto(live_server.url + f"/zfxxgk/apply/?unit={unit.pk}")
    page.screenshot(path=str(SCREENSHOTS / f"apply-form-empty-{width}.png"), full_page=True)
    assert violations_if(javascript, page) == []
    page.get_by_label("公民", exact=True).check()
    page.get_by_label("姓名或名称").fill("张三")
    page.get_by_label("证件号码或统一社会信用代码").fill("110105194912310021")  # wrong check
    page.get_by_label("所需信息的内容描述").fill("申请公开解放路拓宽工程的立项批复")
    page.get_by_label("验证问题").fill(answer(page))
    page.get_by_role("button", name="提交申请").click()

    assert "居民身份证号码校验位不正确" in page.inner_text(".apply-summary")
    assert "请填写“联系电话”。" in page.inner_text(".apply-summary")
    assert page.get_by_label("姓名或名称").input_value() == "张三"
    assert "立项批复" in page.get_by_label("所需信息的内容描述").input_value()
    assert page.get_by_label("证件号码或统一社会信用代码").get_attribute("aria-invalid") == "true"
    page.screenshot(path=str(SCREENSHOTS / f"apply-form-errors-{width}.png"), full_page=True)
    assert violations_if(javascript, page) == []
    assert not InformationRequest.objects.exists()

    page.get_by_label("证件号码或统一社会信用代码").fill("11010519491231002X")
    page.get_by_label("联系电话").fill("010-12345678")
    page.get_by_label("验证问题").fill(answer(page))
    page.get_by_role("button", name="提交申请").click()

    code = InformationRequest.objects.get().query_code
    assert page.inner_text(".apply-code__value") == code
    assert "答复期限" in page.inner_text("main")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    page.screenshot(path=str(SCREENSHOTS / f"apply-receipt-{width}.png"), full_page=True)
    assert violations_if(javascript, page) == []

    page.get_by_role("link", name="查询办理进度").last.click()
    assert "张*" in page.inner_text("main") and "张三" not in page.inner_text("main")
    page.screenshot(path=str(SCREENSHOTS / f"apply-status-{width}.png"), full_page=True)
    context.close()
