"""The column taxonomy: page-type rules and the three-level limit, in code and in the admin."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from disclosure.models import DisclosureColumnPage, DisclosureDocumentPage, DisclosureIndexPage
from home.models import HomePage

from .conftest import add_column


def test_page_type_rules():
    assert DisclosureColumnPage.allowed_parent_page_models() == [
        DisclosureIndexPage,
        DisclosureColumnPage,
    ]
    assert DisclosureDocumentPage.allowed_parent_page_models() == [DisclosureColumnPage]
    assert DisclosureIndexPage.allowed_subpage_models() == [DisclosureColumnPage]
    assert not DisclosureDocumentPage.allowed_subpage_models()


def test_documents_cannot_live_directly_under_the_index_or_home(index, home):
    assert not DisclosureDocumentPage.can_create_at(index)
    assert not DisclosureDocumentPage.can_create_at(home)
    assert not DisclosureColumnPage.can_create_at(home)
    assert isinstance(home, HomePage)


def test_three_levels_are_allowed_and_a_fourth_is_refused(index):
    level1 = add_column(index, "法定主动公开内容")
    level2 = add_column(level1, "政策文件")
    level3 = add_column(level2, "区政府规范性文件")
    assert level3.depth - index.depth == 3
    with pytest.raises(ValidationError) as excinfo:
        add_column(level3, "第四级")
    assert "栏目最多 3 级" in excinfo.value.messages[0]
    assert not DisclosureColumnPage.objects.filter(title="第四级").exists()


def test_full_clean_refuses_a_column_already_too_deep(index):
    level3 = add_column(add_column(add_column(index, "一"), "二"), "三")
    # Force a fourth level past the rule (as a bad script might), then validate it.
    fourth = DisclosureColumnPage(title="四", slug="si")
    fourth.depth = level3.depth + 1
    fourth.path = level3.path + "0001"
    with pytest.raises(ValidationError) as excinfo:
        fourth.full_clean()
    assert "第 4 级栏目" in excinfo.value.messages[0]


def test_moving_a_subtree_that_would_reach_a_fourth_level_is_refused(index):
    level1 = add_column(index, "一")
    level2 = add_column(level1, "二")
    branch = add_column(index, "分支")
    add_column(branch, "分支下级")
    with pytest.raises(ValidationError):
        branch.move(level2, pos="last-child")
    branch.move(level1, pos="last-child")  # two levels under level 1 = level 3: allowed
    branch.refresh_from_db()
    assert branch.depth == level1.depth + 1


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.invalid", "pw")
    client.force_login(user)
    return client


def test_admin_refuses_a_fourth_level_with_a_chinese_error_and_keeps_the_input(admin_client, index):
    level3 = add_column(add_column(add_column(index, "一"), "二"), "三")
    url = reverse("wagtailadmin_pages:add", args=("disclosure", "disclosurecolumnpage", level3.pk))
    response = admin_client.post(
        url, nested_form_data({"title": "我的第四级栏目", "slug": "fourth", "intro": rich_text("")})
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "栏目最多 3 级" in content
    assert "我的第四级栏目" in content  # what the user typed is still in the form
    assert not DisclosureColumnPage.objects.filter(title="我的第四级栏目").exists()


def test_admin_creates_a_third_level_column(admin_client, index):
    level2 = add_column(add_column(index, "一"), "二")
    url = reverse("wagtailadmin_pages:add", args=("disclosure", "disclosurecolumnpage", level2.pk))
    response = admin_client.post(
        url, nested_form_data({"title": "第三级", "slug": "third", "intro": rich_text("")})
    )
    assert response.status_code == 302
    assert DisclosureColumnPage.objects.get(title="第三级").depth == level2.depth + 1


def test_admin_move_to_a_fourth_level_shows_a_chinese_error(admin_client, index):
    level3 = add_column(add_column(add_column(index, "一"), "二"), "三")
    leaf = add_column(index, "待移动")
    url = reverse("wagtailadmin_pages:move_confirm", args=(leaf.pk, level3.pk))
    response = admin_client.get(url, follow=True)
    assert "栏目最多 3 级" in response.content.decode()
    leaf.refresh_from_db()
    assert leaf.depth == index.depth + 1
