"""Documents as unit workspaces: every role × action × (own unit / other unit), through the
Wagtail admin's views (the Django test client) and through the model API."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from disclosure.models import DisclosureDocumentPage

from .conftest import make_document
from .unit_people import OWNERSHIP, ROLES, document_data, log_in, make_person

WRITERS = ("editor", "reviewer", "leader")
PUBLISHERS = ("reviewer", "leader")


def allowed(role: str, ownership: str, action: str) -> bool:
    """The rule under test, written out: webmasters do everything; a unit's editors,
    reviewers and leaders work on their own unit's documents only, and only reviewers and
    leaders publish; handlers (依申请公开办理) do nothing with documents."""
    if role == "webmaster":
        return True
    if ownership == "other" or role not in WRITERS:
        return False
    return action != "publish" or role in PUBLISHERS


@pytest.fixture
def drafts(column, unit, other_unit):
    return {
        "own": make_document(column, unit, "本单位的草稿", publish=False),
        "other": make_document(column, other_unit, "外单位的草稿", publish=False),
    }


def units_of(unit, other_unit):
    return {"own": unit, "other": other_unit}


ADMIN_ACTIONS = ("see", "edit", "history", "save", "publish", "view_draft", "delete", "create")


def do_admin_action(client, action, page, column, target_unit) -> bool:
    """Try ``action`` in the admin; whether it took effect."""
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if action == "see":
        response = client.get(reverse("wagtailadmin_explore", args=[column.pk]))
        return response.status_code == 200 and page.title in response.content.decode()
    if action == "edit":
        response = client.get(edit_url)
        assert response.status_code in (200, 302, 403)
        return response.status_code == 200
    if action in ("view_draft", "history"):
        response = client.get(reverse(f"wagtailadmin_pages:{action}", args=[page.pk]))
        assert response.status_code in (200, 302, 403)
        return response.status_code == 200
    if action in ("save", "publish"):
        extra = {"action-publish": "action-publish"} if action == "publish" else {}
        data = document_data(page.unit, title="改过的标题", slug=page.slug, **extra)
        response = client.post(edit_url, data)
        assert response.status_code in (200, 302, 403)
        page = DisclosureDocumentPage.objects.get(pk=page.pk)
        if action == "publish":
            return page.live
        return page.get_latest_revision_as_object().title == "改过的标题"
    if action == "delete":
        response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
        assert response.status_code in (200, 302, 403)
        return not Page.objects.filter(pk=page.pk).exists()
    assert action == "create"
    url = reverse(
        "wagtailadmin_pages:add", args=("disclosure", "disclosuredocumentpage", column.pk)
    )
    response = client.post(url, document_data(target_unit, title="新建的信息", slug="new-1"))
    assert response.status_code in (200, 302, 403)
    return DisclosureDocumentPage.objects.filter(slug="new-1", unit=target_unit).exists()


@pytest.mark.parametrize("action", ADMIN_ACTIONS)
@pytest.mark.parametrize("ownership", OWNERSHIP)
@pytest.mark.parametrize("role", ROLES)
def test_admin_views(client, column, unit, other_unit, drafts, role, ownership, action):
    log_in(client, role, unit)
    page = drafts[ownership]
    target = units_of(unit, other_unit)[ownership]
    assert do_admin_action(client, action, page, column, target) is allowed(role, ownership, action)


MODEL_ACTIONS = {
    "edit": lambda perms: perms.can_edit(),
    "publish": lambda perms: perms.can_publish(),
    "delete": lambda perms: perms.can_delete(),
    "copy": lambda perms: perms.can_copy(),
    "lock": lambda perms: perms.can_lock(),
}


@pytest.mark.parametrize("action", [*MODEL_ACTIONS, "unpublish", "list"])
@pytest.mark.parametrize("ownership", OWNERSHIP)
@pytest.mark.parametrize("role", ROLES)
def test_model_api(column, unit, other_unit, drafts, role, ownership, action):
    user = make_person(role, unit)
    page = drafts[ownership]
    if action == "unpublish":
        live = make_document(column, page.unit, "已发布的信息")
        result = Page.objects.get(pk=live.pk).permissions_for_user(user).can_unpublish()
        expected = allowed(role, ownership, "publish")
    elif action == "list":
        from wagtail.permissions import policy_registry

        listed = policy_registry.get_by_type(Page).explorable_instances(user)
        result = listed.filter(pk=page.pk).exists()
        expected = allowed(role, ownership, "see")
    else:
        # a plain Page, as the explorer has it, answers like the specific page
        result = MODEL_ACTIONS[action](Page.objects.get(pk=page.pk).permissions_for_user(user))
        expected = allowed(role, ownership, "publish" if action == "publish" else "edit")
        if action == "lock":  # locking is the webmasters' (their group holds lock_page)
            expected = role == "webmaster"
    assert result is expected


def test_another_units_live_document_is_listed_but_read_only(column, unit, other_unit):
    from wagtail.permissions import policy_registry

    editor = make_person("reviewer", unit)
    theirs = make_document(column, other_unit, "外单位已发布的信息")
    assert policy_registry.get_by_type(Page).explorable_instances(editor).filter(pk=theirs.pk)
    perms = theirs.permissions_for_user(editor)
    assert not (perms.can_edit() or perms.can_publish() or perms.can_unpublish())


def test_the_new_document_form_offers_only_the_users_units(client, column, unit, other_unit):
    log_in(client, "editor", unit)
    url = reverse(
        "wagtailadmin_pages:add", args=("disclosure", "disclosuredocumentpage", column.pk)
    )
    form = client.get(url).context["form"]
    assert list(form.fields["unit"].queryset) == [unit]
    assert form.initial["unit"] == unit.pk  # the only choice is the default
    response = client.post(url, document_data(other_unit, slug="as-other"))
    assert response.status_code == 200
    assert "选择一个有效的选项" in response.content.decode()
    assert not DisclosureDocumentPage.objects.filter(slug="as-other").exists()


def test_unit_people_create_no_columns(client, column, unit):
    log_in(client, "leader", unit)
    url = reverse("wagtailadmin_pages:add", args=("disclosure", "disclosurecolumnpage", column.pk))
    assert client.get(url).status_code in (302, 403)
    edit = reverse("wagtailadmin_pages:edit", args=[column.pk])
    assert client.get(edit).status_code in (302, 403)


def test_the_page_chooser_lists_no_other_units_draft(client, column, drafts, unit):
    log_in(client, "editor", unit)
    response = client.get(reverse("wagtailadmin_choose_page_child", args=[column.pk]))
    content = response.json()["html"]
    assert drafts["own"].title in content and drafts["other"].title not in content
