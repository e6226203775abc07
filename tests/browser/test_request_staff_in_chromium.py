"""A handler's day in Chromium: the home panel, the list, a request's page and its reply
form, in Chinese, with no script error."""

import datetime

import pytest

from tests.admin_text import english_words
from tests.request_staff import person, submit

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "pw"


def test_a_handler_replies_to_a_request_in_chromium(live_server, unit, desktop, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    person("handler", unit)
    row = submit(unit, datetime.date(2026, 9, 21), name="王五")
    page, origin = desktop, live_server.url
    page.set_default_timeout(15_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(origin + "/admin/login/")
    page.locator("input[name=username]").fill("handler")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator(".login-form button[type=submit]").click()
    page.wait_for_url(origin + "/admin/")
    panel = page.locator("#disclosure-request-deadlines").locator("..")
    assert unit.name in panel.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "requests-home-panel.png"), full_page=True)

    page.goto(origin + "/admin/disclosure/requests/")
    page.get_by_role("link", name=row.subject).click()
    page.wait_for_url(f"{origin}/admin/disclosure/requests/{row.pk}/")
    text = page.locator("main").inner_text()
    assert "王五" in text and "2026-10-26" in text and "2026-10-08" in text
    assert english_words(text.replace(row.query_code, "")) == []  # the 查询码 is letters
    page.screenshot(path=str(SCREENSHOTS / "requests-detail.png"), full_page=True)

    for label in ("受理", "开始办理"):
        page.get_by_role("link", name=label, exact=True).click()
        page.get_by_role("button", name=label, exact=True).click()
        page.wait_for_url(f"{origin}/admin/disclosure/requests/{row.pk}/")
    page.get_by_role("link", name="答复", exact=True).click()
    page.locator("select[name=outcome]").select_option("disclosed")
    page.locator("input[name=closed_on]").fill("2026-10-20")
    page.locator("input[name=delivered_on]").fill("2026-10-21")
    page.screenshot(path=str(SCREENSHOTS / "requests-reply-form.png"), full_page=True)
    page.get_by_role("button", name="答复", exact=True).click()
    page.wait_for_url(f"{origin}/admin/disclosure/requests/{row.pk}/")
    text = page.locator("main").inner_text()
    assert "已答复" in text and "答复书" in text and "（一）予以公开" in text
    page.screenshot(path=str(SCREENSHOTS / "requests-replied.png"), full_page=True)
    assert errors == []
