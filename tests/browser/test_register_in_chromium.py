"""A webmaster in Chromium: the home page's 网站监测 summary with its time, and an online
request in 依申请公开登记: the workflow fields disabled, the link to its handling page, no
delete; in Chinese, with no script error."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from tests.admin_text import english_words
from tests.request_staff import submit

from .conftest import SCREENSHOTS, admin_login

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_webmaster_opens_an_online_request_in_the_register(live_server, home, unit, desktop):
    get_user_model().objects.create_superuser("webmaster", "w@example.com", "pw")
    row = submit(unit, datetime.date(2026, 9, 21))
    page, origin = desktop, live_server.url
    errors = admin_login(page, origin, "webmaster")
    summary = page.locator("#disclosure-monitoring-summary").locator("..")
    assert "统计于" in summary.inner_text()
    summary.screenshot(path=str(SCREENSHOTS / "register-home-summary.png"))

    page.goto(f"{origin}/admin/disclosure/informationrequest/edit/{row.pk}/")
    notice = page.locator("[data-online-request-notice]")
    assert "只读" in notice.inner_text()
    for name in ("received_date", "closed_date", "outcome", "subject", "unit"):
        assert page.locator(f"[name={name}]").is_disabled(), name
    assert page.locator("[name=notes]").is_enabled()
    assert english_words(page.locator("main").inner_text()) == []
    page.screenshot(path=str(SCREENSHOTS / "register-online-request-edit.png"), full_page=True)

    notice.get_by_role("link").click()
    page.wait_for_url(f"{origin}/admin/disclosure/requests/{row.pk}/")
    assert errors == []
