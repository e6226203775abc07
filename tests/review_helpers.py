"""People of units and the steps of the review chain (三审) as the admin takes them."""

import json

from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from disclosure.models import UnitRole
from disclosure.unit_access import add_to_unit, ensure_unit_groups

PASSWORD = "correct-horse-battery"


def unit_people(unit, index, django_user_model, prefix: str) -> dict:
    """An editor, a reviewer (审核) and a leader (签发) of ``unit``: admin access for all,
    add/edit (not publish) below ``index`` for the editor; the chain gives the others
    what they act on."""
    groups = ensure_unit_groups(unit)
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    for group in groups.values():
        group.permissions.add(access)
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.get_or_create(
            group=groups[UnitRole.EDITOR],
            page=index,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    people = {}
    for role in (UnitRole.EDITOR, UnitRole.REVIEWER, UnitRole.LEADER):
        user = django_user_model.objects.create_user(f"{prefix}-{role}", password=PASSWORD)
        add_to_unit(user, unit, role)
        people[role.value] = user
    return people


def document_form(unit, title: str, slug: str, **overrides) -> dict:
    """The admin's document form (``test_admin.document_form``) for a new notice."""
    from .test_admin import document_form as admin_document_form

    blank = {"doc_number": "", "written_date": "2026-11-20", "keywords": "", "summary": ""}
    return admin_document_form(unit, **{"title": title, "slug": slug, **blank, **overrides})


def submit_document(client, column, unit, title: str, slug: str, **overrides) -> Page:
    """The editor creates a document and submits it to the chain (提交审核)."""
    url = reverse(
        "wagtailadmin_pages:add", args=("disclosure", "disclosuredocumentpage", column.pk)
    )
    form = document_form(unit, title, slug, **{"action-submit": "1"}, **overrides)
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Page.objects.get(slug=slug).specific


def act(client, page, action: str, data: dict | None = None, *, modal: bool = True):
    """Take ``action`` on the page's current task as the workflow modal posts it."""
    page = Page.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    headers = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"} if modal else {}
    return client.post(url, data or {}, **headers)


def modal_json(response) -> dict:
    assert response.status_code == 200, response.status_code
    return json.loads(response.content)


def current_task_name(page) -> str | None:
    task = Page.objects.get(pk=page.pk).current_workflow_task
    return task.name if task else None


def reviewed(client, column, people: dict, unit, title: str, slug: str, form: dict) -> Page:
    """A document submitted by the unit's editor, through 初审, with ``form`` as its
    保密审查 form."""
    client.force_login(people["editor"])
    page = submit_document(client, column, unit, title, slug)
    client.force_login(people["reviewer"])
    assert act(client, page, "approve", modal=False).status_code == 302
    assert modal_json(act(client, page, "approve", form))["step"] == "success"
    return page
