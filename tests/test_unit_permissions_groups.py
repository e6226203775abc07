"""Each unit's role groups: created and kept in sync from the unit (save, rename, delete, a
new disclosure index, ``sync_unit_groups``); the 公开单位 admin's 人员 and 添加人员; the demo
accounts of ``setup_demo``."""

import os

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from hypothesis import given
from wagtail.models import GroupPagePermission

from disclosure.models import DisclosureIndexPage, DisclosureUnit
from disclosure.models.unit_groups import UnitGroup
from disclosure.unit_access import acts_for_unit

from .catalog_helpers import run
from .fuzzing import assert_safe, fuzz_settings, parameters
from .unit_people import log_in, make_person


def page_codenames(group, page) -> set[str]:
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def model_codenames(group) -> set[str]:
    return set(group.permissions.values_list("codename", flat=True))


def authenticate(username: str, password: str):
    """The user if the password is theirs (Axes wants a request for the real ``authenticate``)."""
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    return user if user and user.check_password(password) else None


def groups_of(unit) -> dict[str, Group]:
    return {ug.role: ug.group for ug in UnitGroup.objects.filter(unit=unit)}


def test_a_new_unit_gets_its_groups_with_their_permissions(index, unit):
    groups = groups_of(unit)
    assert {g.name for g in groups.values()} == {
        "区人民政府办公室 · 撰稿编辑",
        "区人民政府办公室 · 审核",
        "区人民政府办公室 · 签发",
        "区人民政府办公室 · 依申请公开办理",
    }
    assert page_codenames(groups["editor"], index) == {"add_page", "change_page"}
    assert page_codenames(groups["reviewer"], index) == {"add_page", "change_page", "publish_page"}
    assert page_codenames(groups["leader"], index) == {"add_page", "change_page", "publish_page"}
    assert page_codenames(groups["handler"], index) == set()
    assert model_codenames(groups["editor"]) == {"access_admin"}
    assert model_codenames(groups["handler"]) == {
        "access_admin",
        *(
            f"{a}_{m}"
            for a in ("add", "change", "view")
            for m in ("informationrequest", "reviewcase", "enforcementrecord")
        ),
    }


def test_rename_new_index_delete_and_repair(index, unit, home):
    unit.name = "区人民政府办公室（更名）"
    unit.save()
    assert groups_of(unit)["reviewer"].name == "区人民政府办公室（更名） · 审核"
    second = DisclosureIndexPage(title="另一个公开目录", slug="zfxxgk2")
    home.add_child(instance=second)
    assert page_codenames(groups_of(unit)["editor"], second) == {"add_page", "change_page"}

    GroupPagePermission.objects.filter(group=groups_of(unit)["editor"]).delete()
    groups_of(unit)["handler"].permissions.clear()
    status, out, _err = run("sync_unit_groups")
    assert status == 0 and "已同步 1 个公开单位的用户组" in out
    assert page_codenames(groups_of(unit)["editor"], index) == {"add_page", "change_page"}
    assert "view_enforcementrecord" in model_codenames(groups_of(unit)["handler"])

    group_ids = [g.pk for g in groups_of(unit).values()]
    unit.delete()
    assert not Group.objects.filter(pk__in=group_ids).exists()


def test_the_unit_admin_lists_people_and_adds_one(client, index, unit, other_unit):
    log_in(client, "webmaster", unit)
    make_person("editor", unit, name="zhang")
    listing = client.get("/admin/disclosure/disclosureunit/").content.decode()
    editor_group = groups_of(unit)["editor"]
    assert reverse("wagtailusers_groups:edit", args=[editor_group.pk]) in listing
    assert "撰稿编辑 1" in listing and "添加人员" in listing
    add = reverse("disclosure_unit_add_person", args=[unit.pk])
    data = {"username": "li", "full_name": "李四", "password": "Li-pass-2026!", "role": "reviewer"}
    assert client.post(add, data).status_code == 302
    li = authenticate(username="li", password="Li-pass-2026!")
    assert li is not None and li.first_name == "李四"
    assert acts_for_unit(li, unit, "reviewer") and not acts_for_unit(li, other_unit)
    # an existing user is added to another role without a password
    again = {"username": "li", "full_name": "", "password": "", "role": "handler"}
    assert client.post(add, again).status_code == 302
    assert acts_for_unit(get_user_model().objects.get(username="li"), unit, "handler")
    # a new user needs a password
    response = client.post(add, {"username": "wang", "role": "editor"})
    assert "新用户请填写初始密码" in response.content.decode()
    assert not get_user_model().objects.filter(username="wang").exists()


@pytest.mark.parametrize("role", ["editor", "reviewer", "leader", "handler"])
def test_only_webmasters_add_people(client, unit, role):
    log_in(client, role, unit)
    add = reverse("disclosure_unit_add_person", args=[unit.pk])
    data = {"username": "x", "password": "Xx-pass-2026!", "role": "leader"}
    assert client.post(add, data).status_code in (302, 403)
    assert not get_user_model().objects.filter(username="x").exists()


def test_setup_demo_creates_an_editor_and_a_reviewer_per_unit(db):
    call_command("setup_demo", documents=12)
    password = os.environ.get("DEMO_ADMIN_PASSWORD", "demo-admin-2026")
    units = list(DisclosureUnit.objects.all())
    assert len(units) >= 5
    for unit in units:
        editor = authenticate(username=f"{unit.code}-editor", password=password)
        reviewer = authenticate(username=f"{unit.code}-reviewer", password=password)
        assert editor is not None and reviewer is not None
        assert acts_for_unit(editor, unit, "editor") and not acts_for_unit(editor, unit, "reviewer")
        assert acts_for_unit(reviewer, unit, "reviewer")
        for role in ("leader", "handler"):  # the chain's 终审 and the request handling
            person = authenticate(username=f"{unit.code}-{role}", password=password)
            assert person is not None and acts_for_unit(person, unit, role)
        others = [u for u in units if u != unit]
        assert not any(acts_for_unit(editor, other) for other in others)


@fuzz_settings
@given(values=parameters(["username", "full_name", "password", "role"]))
def test_add_person_fuzz(client, unit, values):
    webmaster = get_user_model().objects.filter(username="fuzz-webmaster").first()
    client.force_login(webmaster or make_person("webmaster", unit, name="fuzz-webmaster"))
    add = reverse("disclosure_unit_add_person", args=[unit.pk])
    response = client.post(add, values)
    if response.status_code == 302:  # a person was added, under a valid user name
        user = get_user_model().objects.get(username=values["username"].strip())
        assert acts_for_unit(user, unit, values["role"])
        return
    assert_safe(response, values)
    assert "请" in response.content.decode() or "选择" in response.content.decode()
