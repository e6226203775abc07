"""Editors in the Wagtail admin (in Chinese): create, validate, publish and schedule documents."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from disclosure.models import DisclosureDocumentPage, DisclosureUnit

from .conftest import add_column, make_credit_code


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.invalid", "pw")
    client.force_login(user)
    return client


def document_form(unit, **overrides):
    data = {
        "title": "关于做好年度政府信息公开工作的通知",
        "slug": "notice-1",
        "unit": unit.pk,
        "doc_number": "区政办发〔2024〕7号",
        "written_date": "2024-03-01",
        "publish_date": "",
        "topic": "",
        "genre": "notice",
        "validity": "valid",
        "repeal_date": "",
        "report_category": "",
        "keywords": "政务公开",
        "summary": "部署年度政府信息公开工作。",
        "body": rich_text("<p>各单位：现就有关事项通知如下。</p>"),
        "attachments": inline_formset([]),
        "interpreted_documents": inline_formset([]),
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(column):
    return reverse(
        "wagtailadmin_pages:add", args=("disclosure", "disclosuredocumentpage", column.pk)
    )


def test_admin_is_in_chinese(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert 'lang="zh-hans"' in response.content.decode().lower()
    assert "搜索" in response.content.decode()


# the unit form's 领导信息 (an inline formset), left empty
NO_LEADERS = {
    f"leaders-{key}_FORMS": n for key, n in [("TOTAL", 0), ("INITIAL", 0), ("MIN_NUM", 0)]
}


def test_units_are_managed_in_the_disclosure_menu(admin_client, unit):
    response = admin_client.get("/admin/disclosure/disclosureunit/")
    assert response.status_code == 200
    assert "区人民政府办公室" in response.content.decode()
    created = admin_client.post(
        "/admin/disclosure/disclosureunit/create/",
        {
            "name": "区司法局",
            "short_name": "",
            "code": "12345678-0",
            "kind": "department",
            "sort_order": 3,
            **NO_LEADERS,
        },
    )
    assert created.status_code == 200
    assert "组织机构代码校验位不正确" in created.content.decode()
    assert "区司法局" in created.content.decode()
    good = make_credit_code()
    admin_client.post(
        "/admin/disclosure/disclosureunit/create/",
        {
            "name": "区司法局",
            "short_name": "",
            "code": good,
            "kind": "department",
            "sort_order": 3,
            **NO_LEADERS,
        },
    )
    assert DisclosureUnit.objects.filter(name="区司法局", code=good).exists()


def test_publishing_from_the_admin_allocates_the_index_number(admin_client, index, unit):
    column = add_column(index, "政策文件")
    response = admin_client.post(add_url(column), document_form(unit, **{"action-publish": "1"}))
    assert response.status_code == 302
    document = DisclosureDocumentPage.objects.get(slug="notice-1")
    assert document.live
    year = timezone.localtime(document.publish_date).year
    assert document.index_no == f"{unit.code}/{year}-00001"


def test_a_bad_doc_number_is_explained_and_the_input_kept(admin_client, index, unit):
    column = add_column(index, "政策文件")
    response = admin_client.post(
        add_url(column), document_form(unit, doc_number="区政办发[2024]7号")
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "六角括号〔〕" in content
    assert "区政办发[2024]7号" in content
    assert "部署年度政府信息公开工作。" in content
    assert not DisclosureDocumentPage.objects.exists()


def test_repealed_without_a_repeal_date_is_refused(admin_client, index, unit):
    column = add_column(index, "政策文件")
    response = admin_client.post(add_url(column), document_form(unit, validity="repealed"))
    assert response.status_code == 200
    assert "请填写废止日期" in response.content.decode()


def test_scheduling_from_the_admin_keeps_the_document_hidden_until_go_live(
    admin_client, client, index, unit
):
    column = add_column(index, "政策文件")
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    response = admin_client.post(
        add_url(column),
        document_form(
            unit, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"), **{"action-publish": "1"}
        ),
    )
    assert response.status_code == 302
    document = DisclosureDocumentPage.objects.get(slug="notice-1")
    assert not document.live
    assert document.index_no is None
    assert document.get_latest_revision().approved_go_live_at is not None
    client.logout()
    assert "关于做好年度政府信息公开工作的通知" not in client.get(column.url).content.decode()


def test_a_new_document_starts_with_the_column_default_unit(admin_client, index, unit, other_unit):
    parent = add_column(index, "区教育局", default_unit=other_unit)
    column = add_column(parent, "政策文件")
    response = admin_client.get(add_url(column))
    assert response.status_code == 200
    assert response.context["form"].initial["unit"] == other_unit.pk
