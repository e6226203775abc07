"""The review chain (三审) end to end through the admin: an editor submits, the unit's
reviewer does 初审, 保密审查 fills in the review form, the unit's 签发 approves and the
document goes live; returns carry their reason back to the editor; another unit's people
cannot act."""

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from disclosure.models import ConfidentialityReview, DisclosureDocumentPage
from disclosure.models.review import Conclusion, LegalBasis

from .conftest import add_column
from .review_helpers import act, current_task_name, modal_json, submit_document, unit_people


@pytest.fixture
def chain(index, unit, other_unit, django_user_model):
    column = add_column(index, "政策文件")
    return {
        "column": column,
        "ours": unit_people(unit, index, django_user_model, "ours"),
        "theirs": unit_people(other_unit, index, django_user_model, "theirs"),
    }


def login(client, user):
    client.force_login(user)
    return client


def submitted(client, chain, unit, title="关于开展防汛检查的通知", slug="flood-check", **fields):
    login(client, chain["ours"]["editor"])
    return submit_document(client, chain["column"], unit, title, slug, **fields)


def test_the_whole_chain_publishes_and_keeps_the_review_form(client, chain, unit):
    page = submitted(client, chain, unit)
    assert not page.live
    assert current_task_name(page) == "初审"

    login(client, chain["ours"]["reviewer"])
    assert client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).status_code == 200
    response = act(client, page, "approve", modal=False)
    assert response.status_code == 302
    assert current_task_name(page) == "保密审查"

    # The form asks for a legal basis when anything is withheld.
    json = modal_json(
        act(client, page, "approve", {"conclusion": "partial", "opinion": "删去身份证号"})
    )
    assert json["step"] == "action"
    assert "部分公开或不予公开须写明依据" in json["html"]
    assert not ConfidentialityReview.objects.exists()

    json = modal_json(
        act(
            client,
            page,
            "approve",
            {
                "conclusion": "partial",
                "legal_basis": "art15_third_party",
                "opinion": "删去身份证号后公开",
            },
        )
    )
    assert json["step"] == "success"
    assert current_task_name(page) == "终审/签发"
    review = ConfidentialityReview.objects.get()
    assert review.conclusion == Conclusion.PARTIAL
    assert review.legal_basis == LegalBasis.ART15_THIRD_PARTY
    assert review.reviewer == chain["ours"]["reviewer"]
    assert review.unit == unit and review.title == "关于开展防汛检查的通知"

    login(client, chain["ours"]["leader"])
    assert act(client, page, "approve", modal=False).status_code == 302
    page = DisclosureDocumentPage.objects.get(pk=page.pk)
    assert page.live and page.index_no
    assert page.live_revision_id == review.revision_id  # what went live is what was reviewed
    review.refresh_from_db()
    assert review.index_no == page.index_no  # the register shows the 索引号 it got on publishing
    assert client.get(page.url).status_code == 200

    # The page history shows the review's conclusion with the workflow step.
    login(client, chain["ours"]["editor"])
    history = client.get(reverse("wagtailadmin_pages:history", args=(page.pk,)))
    assert history.status_code == 200
    text = history.content.decode()
    assert "部分公开（删除后公开）" in text and "删去身份证号后公开" in text


def test_a_return_carries_its_reason_to_the_editor(client, chain, unit):
    page = submitted(client, chain, unit)
    login(client, chain["ours"]["reviewer"])
    json = modal_json(act(client, page, "reject", {"comment": ""}))
    assert "请填写退回理由" in json["html"]  # no return without a reason
    assert current_task_name(page) == "初审"

    json = modal_json(act(client, page, "reject", {"comment": "文号有误，请核对"}))
    assert json["step"] == "success"
    state = WorkflowState.objects.get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not DisclosureDocumentPage.objects.get(pk=page.pk).live

    login(client, chain["ours"]["editor"])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-count="returned">1<' in home
    assert "文号有误，请核对" in home and "关于开展防汛检查的通知" in home

    # the editor corrects and submits again: the chain resumes at the step that returned it
    from .review_helpers import document_form

    form = document_form(unit, "关于开展防汛检查的通知", "flood-check", **{"action-submit": "1"})
    assert client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), form).status_code == 302
    assert current_task_name(page) == "初审"
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_IN_PROGRESS
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-count="returned">0<' in home


def test_withheld_returns_the_document_and_keeps_the_record(client, chain, unit):
    page = submitted(client, chain, unit)
    login(client, chain["ours"]["reviewer"])
    act(client, page, "approve", modal=False)
    json = modal_json(
        act(
            client,
            page,
            "approve",
            {"conclusion": "withheld", "legal_basis": "art14_secret", "opinion": "涉及国家秘密"},
        )
    )
    assert json["step"] == "success"
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not DisclosureDocumentPage.objects.get(pk=page.pk).live
    review = ConfidentialityReview.objects.get()
    assert review.conclusion == Conclusion.WITHHELD and review.opinion == "涉及国家秘密"


def refused(response) -> bool:
    """Wagtail answers a permission denied in the admin with a redirect to its home."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def test_another_units_people_cannot_act(client, chain, unit):
    page = submitted(client, chain, unit)
    for role in ("reviewer", "leader", "editor"):
        login(client, chain["theirs"][role])
        assert refused(act(client, page, "approve", modal=False))
        assert refused(act(client, page, "reject", {"comment": "越权"}))
        # another unit's document: the unit workspaces keep its editor out, and the task
        # opens the editor to its own unit's people only
        assert refused(client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))))
        home = client.get(reverse("wagtailadmin_home")).content.decode()
        assert 'data-count="to-review">0<' in home
    # nor the own editor, nor the leader before 初审
    for role in ("editor", "leader"):
        login(client, chain["ours"][role])
        assert refused(act(client, page, "approve", modal=False))
    assert current_task_name(page) == "初审"
    assert WorkflowState.objects.get().task_states.get().status == "in_progress"
    # the own reviewer sees the task waiting on the admin home
    login(client, chain["ours"]["reviewer"])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-count="to-review">1<' in home and "关于开展防汛检查的通知" in home


def test_the_edit_views_unchecked_json_is_checked(client, chain, unit):
    """Approving from the edit view sends the modal's data as JSON the browser made."""
    page = submitted(client, chain, unit)
    login(client, chain["ours"]["reviewer"])
    act(client, page, "approve", modal=False)
    from .review_helpers import document_form

    form = document_form(
        unit,
        "关于开展防汛检查的通知",
        "flood-check",
        **{
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": '{"conclusion": "public", "legal_basis": "art14_secret"}',
        },
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), form)
    assert response.status_code == 400
    assert not ConfidentialityReview.objects.exists()
    assert current_task_name(page) == "保密审查"


def test_a_change_after_review_is_reviewed_again(client, chain, unit):
    """What goes live is what 保密审查 saw: an edit after approval restarts the chain."""
    page = submitted(client, chain, unit)
    login(client, chain["ours"]["reviewer"])
    act(client, page, "approve", modal=False)
    act(client, page, "approve", {"conclusion": "public", "opinion": "可以公开"})
    assert current_task_name(page) == "终审/签发"

    login(client, chain["ours"]["leader"])
    from .review_helpers import document_form

    form = document_form(
        unit,
        "关于开展防汛检查的通知（修改）",
        "flood-check",
        **{"action-workflow-action": "1", "workflow-action-name": "approve"},
    )
    assert client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), form).status_code == 302
    page = Page.objects.get(pk=page.pk)
    assert not page.live
    assert current_task_name(page) == "初审"


def test_a_unit_may_skip_a_step_set_in_the_task_admin(client, chain, unit, other_unit, webmaster):
    """设置 → 工作流任务: 初审 skipped for one unit; 保密审查 has no such setting."""
    from wagtail.models import Task

    first = Task.objects.get(name="初审").specific
    url = reverse("wagtailadmin_workflows:edit_task", args=(first.pk,))
    page = client.get(url).content.decode()
    assert "不需要此步骤的公开单位" in page
    response = client.post(url, {"role": "reviewer", "skip_units": [unit.pk]})
    assert response.status_code == 302
    assert list(first.skip_units.all()) == [unit]
    review_task = Task.objects.get(name="保密审查")
    edit_review = client.get(reverse("wagtailadmin_workflows:edit_task", args=(review_task.pk,)))
    assert "不需要此步骤的公开单位" not in edit_review.content.decode()

    page = submitted(client, chain, unit)
    assert current_task_name(page) == "保密审查"  # 初审 skipped for this unit
    login(client, chain["theirs"]["editor"])
    theirs = submit_document(client, chain["column"], other_unit, "教育局的通知", "edu-notice")
    assert current_task_name(theirs) == "初审"  # not for the others


def test_every_column_and_document_inherits_the_default_chain(index, unit):
    from wagtail.models import Workflow

    from disclosure.review.defaults import DEFAULT_WORKFLOW_NAME, assign_default_workflow

    leaf = add_column(add_column(index, "法定主动公开内容"), "政策文件")
    for page in (index, leaf):
        assert page.get_workflow().name == DEFAULT_WORKFLOW_NAME
    assign_default_workflow([index.pk])  # idempotent, as the migration and the demo rerun it
    workflow = Workflow.objects.get(name=DEFAULT_WORKFLOW_NAME)
    assert [task.name for task in workflow.tasks] == ["初审", "保密审查", "终审/签发"]


def test_the_settings_the_chain_needs_are_checked(settings):
    from disclosure.review.publishing import check_review_settings

    assert check_review_settings() == []
    del settings.WAGTAIL_FINISH_WORKFLOW_ACTION
    settings.WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = False
    assert {problem.id for problem in check_review_settings()} == {
        "disclosure.W201",
        "disclosure.W202",
    }
