"""One request end to end in Chromium: a citizen applies and gets the 查询码; the unit's
handler accepts it and asks for a 补正; the citizen supplements on the status page; the
handler replies; the citizen opens the reply letter from the status page and reads it."""

import datetime
import io
import re

import pytest
from django.utils import timezone
from pypdf import PdfReader

from disclosure.models import InformationRequest, workday_calendar
from tests.request_staff import person

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NUMERALS = "零一二三四五六七八九"
SUPPLEMENT = "所需信息为2025年解放路拓宽工程的立项批复，文号区发改〔2025〕12号"


def answer(page) -> str:
    question = re.search(
        r"([一二三四五六七八九])加([一二三四五六七八九])等于几", page.inner_text("main")
    )
    return str(NUMERALS.index(question.group(1)) + NUMERALS.index(question.group(2)))


def apply_online(page, origin: str, unit) -> str:
    page.goto(f"{origin}/zfxxgk/apply/?unit={unit.pk}")
    page.get_by_label("公民", exact=True).check()
    page.get_by_label("姓名或名称").fill("孙八")
    page.get_by_label("证件号码或统一社会信用代码").fill("11010519491231002X")
    page.get_by_label("联系电话").fill("13800138000")
    page.get_by_label("所需信息的内容描述").fill("申请公开解放路拓宽工程的有关文件")
    page.get_by_label("验证问题").fill(answer(page))
    page.get_by_role("button", name="提交申请").click()
    return page.inner_text(".apply-code__value").strip()


def log_in(page, origin: str, username: str) -> None:
    page.goto(origin + "/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill("pw")
    page.locator(".login-form button[type=submit]").click()
    page.wait_for_url(origin + "/admin/")


def staff_step(page, origin: str, row, label: str, fields: dict | None = None) -> None:
    page.goto(f"{origin}/admin/disclosure/requests/{row.pk}/")
    page.get_by_role("link", name=label, exact=True).click()
    for selector, value in (fields or {}).items():
        field = page.locator(selector)
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    page.get_by_role("button", name=label, exact=True).click()
    try:
        page.wait_for_url(f"{origin}/admin/disclosure/requests/{row.pk}/")
    except Exception as error:  # say which step stopped and what the page said
        raise AssertionError(
            f"{label}: {page.url}\n{page.locator('main').inner_text()[:1500]}"
        ) from error


def test_apply_supplement_reply_and_read_the_letter(live_server, browser, unit, settings, tmp_path):
    settings.DISCLOSURE_APPLY_MIN_SECONDS = 0
    settings.MEDIA_ROOT = str(tmp_path)
    person("handler", unit)
    origin = live_server.url
    citizen = browser.new_context(viewport={"width": 390, "height": 900}, locale="zh-CN")
    staff = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    applicant, handler = citizen.new_page(), staff.new_page()
    errors = []
    for page in (applicant, handler):
        page.set_default_timeout(15_000)
        page.on("pageerror", lambda error: errors.append(str(error)))

    code = apply_online(applicant, origin, unit)
    row = InformationRequest.objects.get(query_code=code)
    # The run may fall after office hours or on a holiday, when the date of receipt is the
    # next working day; the handler's steps are dated today, so receipt is moved back to the
    # last working day before today (what would have happened had the citizen applied then).
    today = timezone.localdate()
    received = today - datetime.timedelta(days=1)
    while not workday_calendar().is_workday(received):
        received -= datetime.timedelta(days=1)
    InformationRequest.objects.filter(pk=row.pk).update(received_date=received)
    status_url = f"{origin}/zfxxgk/apply/status/?code={code}"

    log_in(handler, origin, "handler")
    staff_step(handler, origin, row, "受理")
    due = (today + datetime.timedelta(days=15)).isoformat()
    staff_step(
        handler,
        origin,
        row,
        "通知补正",
        {"input[name=due]": due, "textarea[name=items]": "请写明所需文件的名称或文号"},
    )

    applicant.goto(status_url)
    assert "补正中" in applicant.inner_text("main")
    applicant.get_by_label("补正内容").fill(SUPPLEMENT)
    applicant.get_by_role("button", name="提交补正").click()
    assert "办理中" in applicant.inner_text("main") and SUPPLEMENT in applicant.inner_text("main")
    applicant.screenshot(path=str(SCREENSHOTS / "request-e2e-supplemented-390.png"), full_page=True)

    staff_step(
        handler,
        origin,
        row,
        "答复",
        {
            "select[name=outcome]": "disclosed",
            "input[name=closed_on]": today.isoformat(),
            "input[name=delivered_on]": today.isoformat(),
            "textarea[name=note]": "所需文件见附件。",
        },
    )
    assert "已答复" in handler.locator("main").inner_text()

    applicant.goto(status_url)
    assert "已答复" in applicant.inner_text("main")
    applicant.screenshot(path=str(SCREENSHOTS / "request-e2e-replied-390.png"), full_page=True)
    with applicant.expect_download() as download:
        applicant.get_by_role("link", name="政府信息公开申请答复书").click()
    pdf = download.value.path().read_bytes()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "孙八" in text and "所需文件见附件" in text and unit.name in text
    assert "政府信息公开条例" in text
    assert errors == []
    citizen.close()
    staff.close()
