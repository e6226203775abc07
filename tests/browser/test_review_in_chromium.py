"""One full pass of the review chain (三审) through the real admin in Chromium: the editor
submits, the unit's reviewer approves 初审 and fills in the 保密审查 form in its modal (an
incomplete form is explained), the unit's 签发 approves, and the document is live."""

import pytest
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from disclosure.models import ConfidentialityReview, DisclosureDocumentPage
from tests.conftest import add_column, make_document
from tests.review_helpers import PASSWORD, unit_people

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def chain(index, unit, django_user_model):
    column = add_column(index, "政策文件")
    people = unit_people(unit, index, django_user_model, "ours")
    draft = make_document(column, unit, "关于开展防汛检查的通知", publish=False)
    return {"people": people, "draft": draft}


def log_in(page, origin: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(origin + "/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator(".login-form button[type=submit]").click()
    page.wait_for_url(origin + "/admin/")


def choose_action(page, label: str) -> None:
    """Open the footer's action menu and take ``label``."""
    page.wait_for_load_state("networkidle")  # the editor's scripts (Draftail, the actions) set up
    page.locator("footer .w-dropdown__toggle").first.click()
    page.get_by_role("button", name=label, exact=True).click()


def wait_for_task(page, draft, name: str) -> None:
    """Until the chain's current task is ``name``: the approval posts in the background,
    and "networkidle" can come before the server has moved the chain on."""
    for _ in range(100):
        state = WorkflowState.objects.filter(object_id=str(draft.pk), status="in_progress").first()
        if state is not None and state.current_task_state.task.name == name:
            return
        page.wait_for_timeout(200)
    states = [
        (t.task.name, t.status, t.revision_id, t.finished_by_id)
        for t in TaskState.objects.filter(workflow_state__object_id=str(draft.pk)).order_by("pk")
    ]
    flows = list(WorkflowState.objects.filter(object_id=str(draft.pk)).values("status", "pk"))
    raise AssertionError(f"the chain did not reach {name}: {flows} {states} at {page.url}")


def test_the_review_chain_in_chromium(live_server, chain, desktop):
    page, origin = desktop, live_server.url
    page.set_default_timeout(20_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    draft, people = chain["draft"], chain["people"]
    edit_url = origin + reverse("wagtailadmin_pages:edit", args=(draft.pk,))

    log_in(page, origin, people["editor"].username)
    page.goto(edit_url)
    choose_action(page, "提交给信息公开三审")
    page.wait_for_load_state("networkidle")

    log_in(page, origin, people["reviewer"].username)
    panel = page.locator(".disclosure-my-tasks")
    assert panel.locator('[data-count="to-review"]').inner_text() == "1"
    page.screenshot(path=str(SCREENSHOTS / "review-my-tasks.png"), full_page=True)
    panel.get_by_role("link", name="关于开展防汛检查的通知").first.click()
    page.wait_for_url(edit_url)
    choose_action(page, "审核通过")
    page.wait_for_load_state("networkidle")
    wait_for_task(page, draft, "保密审查")

    page.goto(edit_url)
    choose_action(page, "填写保密审查单")
    modal = page.locator(".modal-content")
    modal.get_by_text("审查对象：关于开展防汛检查的通知").wait_for()
    modal.get_by_label("部分公开（删除后公开）").check()
    modal.get_by_label("审查意见").fill("删去个人身份证号后公开")
    modal.get_by_role("button", name="提交审查单").click()
    modal.get_by_text("部分公开或不予公开须写明依据").wait_for()  # explained, nothing lost
    assert modal.get_by_label("审查意见").input_value() == "删去个人身份证号后公开"
    modal.get_by_label("不公开依据（《条例》第十四至十六条）").select_option("art15_third_party")
    page.screenshot(path=str(SCREENSHOTS / "review-confidentiality-form.png"), full_page=True)
    modal.get_by_role("button", name="提交审查单").click()
    page.wait_for_load_state("networkidle")
    page.locator(".modal-content").wait_for(state="detached")
    page.wait_for_load_state("networkidle")
    review = ConfidentialityReview.objects.get()
    assert review.legal_basis == "art15_third_party"

    wait_for_task(page, draft, "终审/签发")
    log_in(page, origin, people["leader"].username)
    page.goto(edit_url)
    choose_action(page, "审核通过")
    page.wait_for_load_state("networkidle")
    for _ in range(100):  # the last approval publishes on the server, after the click
        document = DisclosureDocumentPage.objects.get(pk=draft.pk)
        if document.live:
            break
        page.wait_for_timeout(200)
    assert document.live
    page.goto(origin + document.url)
    assert page.get_by_role("heading", name="关于开展防汛检查的通知").count() >= 1

    log_in(page, origin, people["editor"].username)
    page.goto(origin + reverse("wagtailadmin_pages:history", args=(draft.pk,)))
    page.get_by_text("部分公开（删除后公开）", exact=False).first.wait_for()
    page.screenshot(path=str(SCREENSHOTS / "review-history.png"), full_page=True)
    assert errors == []
