"""The admin in Chinese as Chromium shows it, scripts run: no English in what an editor sees
or hears (the strings Wagtail's scripts put in come from the plugin's djangojs catalog)."""

import pytest

from tests.admin_text import english_words
from tests.conftest import add_column, make_document, shanghai

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "correct-horse-battery"

# What a person sees (rendered text) and hears (the labels of visible elements).
SEEN_TEXT = """() => {
    const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
    const labels = [...document.querySelectorAll("[aria-label], [title], [placeholder]")]
        .filter(visible)
        .map((el) => ["aria-label", "title", "placeholder"].map((a) => el.getAttribute(a) || "").join(" "));
    return [document.title, document.body.innerText, ...labels].join("\\n");
}"""


@pytest.fixture
def site(index, unit, django_user_model):
    column = add_column(index, "法定主动公开内容")
    leaf = add_column(column, "政策文件")
    document = make_document(leaf, unit, publish_date=shanghai(2024, 3, 1))
    django_user_model.objects.create_superuser(
        "管理员", "", PASSWORD, first_name="小明", last_name="王"
    )
    return {"index": index, "column": column, "leaf": leaf, "document": document}


def _seen(page) -> str:
    page.wait_for_load_state("networkidle")
    return page.evaluate(SEEN_TEXT)


def test_the_admin_shows_no_english_in_chromium(live_server, site, desktop):
    page, origin = desktop, live_server.url
    page.set_default_timeout(15_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(origin + "/admin/login/")
    assert english_words(_seen(page)) == []
    page.locator("input[name=username]").fill("管理员")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator(".login-form button[type=submit]").click()
    page.wait_for_url(origin + "/admin/")
    seen = _seen(page)
    assert "个页面" in seen
    assert "新项目）" in seen  # the sidebar's "(2 new items in this menu)", a djangojs string
    assert english_words(seen) == []
    page.screenshot(path="/tmp/locale-admin-home.png", full_page=True)

    page.goto(f"{origin}/admin/pages/{site['document'].pk}/edit/")
    page.locator("[data-side-panel-toggle=status]").click()
    page.get_by_text("任何人都可以编辑此页面").wait_for()  # was "Anyone can edit this 页面"
    seen = _seen(page)
    assert english_words(seen) == []
    page.screenshot(path="/tmp/locale-page-edit.png", full_page=True)

    # a rich text field: Draftail's block picker is labelled by one of the plugin's djangojs strings
    page.goto(f"{origin}/admin/pages/add/disclosure/disclosurecolumnpage/{site['index'].pk}/")
    page.locator(".Draftail-Editor .public-DraftEditor-content").first.click()
    seen = _seen(page)
    assert "插入块" in seen  # the block picker's "Insert a block"
    assert english_words(seen) == []

    page.goto(f"{origin}/admin/pages/{site['leaf'].pk}/")
    assert english_words(_seen(page)) == []
    page.goto(f"{origin}/admin/documents/")
    assert english_words(_seen(page)) == []
    assert errors == []
