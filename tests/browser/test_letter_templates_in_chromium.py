"""A webmaster edits a letter template in Chromium: the placeholders are listed in the form,
an unknown one is refused in Chinese with the input kept, and the preview is a PDF."""

import pytest

from disclosure.models import LetterTemplate
from disclosure.requests.letters.defaults import ensure_default_templates
from tests.admin_text import english_words

from .conftest import SCREENSHOTS
from .test_admin_locale_in_chromium import _seen

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "correct-horse-battery"


def test_a_webmaster_edits_a_template_and_previews_it(live_server, desktop, django_user_model):
    django_user_model.objects.create_superuser("管理员", "", PASSWORD)
    ensure_default_templates()  # an earlier transactional test may have flushed the seed rows
    template = LetterTemplate.objects.get(kind="notice_supplement", name="补正通知")
    page, origin = desktop, live_server.url
    page.set_default_timeout(15_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(origin + "/admin/login/")
    page.locator("input[name=username]").fill("管理员")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator(".login-form button[type=submit]").click()
    page.wait_for_url(origin + "/admin/")

    page.goto(origin + "/admin/disclosure/lettertemplate/")
    listing = _seen(page)
    assert "补正通知书" in listing and "预览 PDF" in listing
    assert english_words(listing) == []

    page.goto(f"{origin}/admin/disclosure/lettertemplate/edit/{template.pk}/")
    assert "{补正事项}：需要补正的事项，每项一行" in _seen(page)
    body = page.locator("textarea[name=body]")
    body.fill(body.input_value() + "\n请联系{经办人}。")
    page.locator("button.action-save").click()
    page.get_by_text("未知的占位符 {经办人}").first.wait_for()
    assert "请联系{经办人}。" in page.locator("textarea[name=body]").input_value()
    page.locator("textarea[name=body]").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "letter-template-error.png"))
    template.refresh_from_db()
    assert "经办人" not in template.body

    body = page.locator("textarea[name=body]")
    body.fill(body.input_value().replace("{经办人}", "{单位名称}"))
    page.locator("button.action-save").click()
    page.wait_for_url(origin + "/admin/disclosure/lettertemplate/")
    template.refresh_from_db()
    assert template.body.endswith("请联系{单位名称}。")

    preview = page.request.get(
        f"{origin}/admin/disclosure/letter-templates/{template.pk}/preview.pdf"
    )
    assert preview.headers["content-type"] == "application/pdf"
    assert preview.body().startswith(b"%PDF")
    assert errors == []
