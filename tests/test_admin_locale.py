"""The admin in Chinese: the pages an editor uses show no English beyond a few names
(tests/admin_text.py). The catalogs behind them: ``test_admin_catalogs``."""

import datetime
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, rich_text
from wagtail_modeladmin.helpers import AdminURLHelper

from disclosure.models import (
    AnnualReportPage,
    ApplicantType,
    DisclosureAttachment,
    EnforcementRecord,
    InformationRequest,
    StatisticsPage,
)
from disclosure.review.admin import WebmastersReadOnly
from disclosure.wagtail_hooks import DisclosureAdminGroup, DisclosureUnitAdmin

from .admin_text import english_in, english_words, visible_text
from .conftest import add_column, make_document

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_LOCALE = ROOT / "disclosure" / "locale"
CJK = re.compile(r"[\u4e00-\u9fff]")


# --- the pages ------------------------------------------------------------------------------


def test_the_text_check_sees_english_and_ignores_markup():
    html = (
        '<html><head><title>页面</title><script>var x = "Hello";</script></head><body>'
        '<a href="/admin/pages/" class="w-button" data-x="Ignored">浏览</a>'
        '<input placeholder="Search all pages…" value="typed by user">'
        '<button aria-label="Close">×</button><span class="w-sr-only">created in 站点</span>'
        "<p>PDF 文件 fangan_q4T8IqO.pdf 12.5 KB，Wagtail home.homepage</p>"
        "<div data-side-panel-toggle-counter hidden>None</div><p hidden>Saved</p></body></html>"
    )
    assert english_words(visible_text(html)) == [
        "Close",
        "Saved",
        "Search",
        "all",
        "created",
        "in",
        "pages",
    ]


@pytest.fixture
def editor(client, django_user_model):
    """A webmaster whose names are Chinese (an English username would be English on the page)."""
    user = django_user_model.objects.create_superuser(
        "管理员", "", "pw", first_name="小明", last_name="王"
    )
    client.force_login(user)
    return user


@pytest.fixture
def site(editor, index, unit):
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", site_name="区政府网站")
    level1 = add_column(index, "法定主动公开内容")
    level2 = add_column(level1, "政策文件")
    level3 = add_column(level2, "规范性文件")
    document = make_document(
        level2, unit, "区人民政府关于印发工作方案的通知", doc_number="区政发〔2024〕1号"
    )
    file = get_document_model().objects.create(
        title="工作方案全文", file=ContentFile(b"%PDF-1.4\n", name="fangan.pdf")
    )
    DisclosureAttachment.objects.create(page=document, document=file)
    image = get_image_model().objects.create(title="区政府大楼", file=get_test_image_file())
    reports = add_column(index, "政府信息公开年报")
    statistics = StatisticsPage(title="政府信息公开统计", slug="tongji")
    reports.add_child(instance=statistics)
    report = AnnualReportPage(
        title="2024年政府信息公开工作年度报告", slug="nianbao-2024", year=2024
    )
    reports.add_child(instance=report)
    report.save_revision()
    request = InformationRequest.objects.create(
        unit=unit,
        received_date=datetime.date(2024, 3, 1),
        applicant_type=ApplicantType.NATURAL_PERSON,
        subject="申请公开某项目的批复文件",
    )
    EnforcementRecord.objects.create(unit=unit, year=2024, fee_amount=Decimal("12.34"))
    return {
        "request": request,
        "editor": editor,
        "home": index.get_parent(),
        "index": index,
        "level1": level1,
        "level2": level2,
        "level3": level3,
        "document": document,
        "file": file,
        "image": image,
        "statistics": statistics,
        "report": report,
        "unit": unit,
    }


def _add(model: str, parent) -> str:
    app = "home" if model == "homepage" else "disclosure"
    return reverse("wagtailadmin_pages:add", args=(app, model, parent.pk))


def _column_post(title: str, slug: str) -> dict:
    return nested_form_data({"title": title, "slug": slug, "intro": rich_text("")})


REGISTERS = DisclosureAdminGroup.items  # the registers and lists of 信息公开

# name: (method, url of the site, POST data or None, a Chinese phrase the page must show)
VIEWS = {
    "home": lambda s: ("/admin/", None, "页面"),
    "explorer of the index": lambda s: (f"/admin/pages/{s['index'].pk}/", None, "法定主动公开内容"),
    "explorer of a column": lambda s: (f"/admin/pages/{s['level2'].pk}/", None, "区人民政府"),
    "add index page": lambda s: (_add("disclosureindexpage", s["home"]), None, "标题"),
    "add column": lambda s: (_add("disclosurecolumnpage", s["index"]), None, "标题"),
    "add document": lambda s: (_add("disclosuredocumentpage", s["level2"]), None, "发布机构"),
    "add statistics page": lambda s: (_add("statisticspage", s["level1"]), None, "标题"),
    "add annual report": lambda s: (_add("annualreportpage", s["level1"]), None, "年度"),
    "edit home page": lambda s: (f"/admin/pages/{s['home'].pk}/edit/", None, "首页"),
    "edit index page": lambda s: (f"/admin/pages/{s['index'].pk}/edit/", None, "政府信息公开"),
    "edit column": lambda s: (f"/admin/pages/{s['level2'].pk}/edit/", None, "政策文件"),
    "edit document": lambda s: (f"/admin/pages/{s['document'].pk}/edit/", None, "索引号"),
    "edit statistics page": lambda s: (f"/admin/pages/{s['statistics'].pk}/edit/", None, "统计"),
    "edit annual report": lambda s: (f"/admin/pages/{s['report'].pk}/edit/", None, "年报"),
    "create with validation errors": lambda s: (
        _add("disclosurecolumnpage", s["index"]),
        _column_post("", "empty-title"),
        "存在校验错误",
    ),
    "fourth column level refused": lambda s: (
        _add("disclosurecolumnpage", s["level3"]),
        _column_post("第四级栏目", "fourth"),
        "栏目最多 3 级",
    ),
    "slug in use": lambda s: (
        _add("disclosurecolumnpage", s["index"]),
        _column_post("重复的栏目", s["level1"].slug),
        "缩略名",
    ),
    "page history": lambda s: (f"/admin/pages/{s['document'].pk}/history/", None, "历史"),
    "page usage": lambda s: (f"/admin/pages/{s['document'].pk}/usage/", None, "使用"),
    "delete confirmation": lambda s: (f"/admin/pages/{s['level2'].pk}/delete/", None, "删除"),
    "move": lambda s: (f"/admin/pages/{s['document'].pk}/move/", None, "移动"),
    "copy": lambda s: (f"/admin/pages/{s['document'].pk}/copy/", None, "复制"),
    "page search": lambda s: (reverse("wagtailadmin_pages:search") + "?q=通知", None, "通知"),
    "documents": lambda s: (reverse("wagtaildocs:index"), None, "工作方案全文"),
    "document edit": lambda s: (reverse("wagtaildocs:edit", args=(s["file"].pk,)), None, "文档"),
    "document usage": lambda s: (
        reverse("wagtaildocs:document_usage", args=(s["file"].pk,)),
        None,
        "区人民政府",
    ),
    "images": lambda s: (reverse("wagtailimages:index"), None, "区政府大楼"),
    "image edit": lambda s: (reverse("wagtailimages:edit", args=(s["image"].pk,)), None, "图片"),
    "locked pages report": lambda s: (reverse("wagtailadmin_reports:locked_pages"), None, "锁定"),
    "aging pages report": lambda s: (reverse("wagtailadmin_reports:aging_pages"), None, "页面"),
    "site history report": lambda s: (reverse("wagtailadmin_reports:site_history"), None, "历史"),
    "page types report": lambda s: (
        reverse("wagtailadmin_reports:page_types_usage"),
        None,
        "页面类型",
    ),
    "workflows report": lambda s: (reverse("wagtailadmin_reports:workflow"), None, "工作流"),
    "unpublish confirmation": lambda s: (
        f"/admin/pages/{s['document'].pk}/unpublish/",
        None,
        "取消发布",
    ),
    "users": lambda s: (reverse("wagtailusers_users:index"), None, "管理员"),
    "user edit": lambda s: (
        reverse("wagtailusers_users:edit", args=(s["editor"].pk,)),
        None,
        "用户名",
    ),
    "groups": lambda s: (reverse("wagtailusers_groups:index"), None, "审核员"),
    # Not the site list (设置 → 站点): Wagtail 8.0 heads three of its columns with field names
    # ("Port", "Site name", "Root page"), outside gettext, so no catalog can translate them.
    "collections": lambda s: (reverse("wagtailadmin_collections:index"), None, "集合"),
    "redirects": lambda s: (reverse("wagtailredirects:index"), None, "重定向"),
    "search promotions": lambda s: (reverse("wagtailsearchpromotions:index"), None, "推广"),
    "workflows": lambda s: (reverse("wagtailadmin_workflows:index"), None, "审核员审批"),
    "workflow tasks": lambda s: (reverse("wagtailadmin_workflows:task_index"), None, "审核员审批"),
    "catalogue import": lambda s: (reverse("disclosure_import:upload"), None, "目录"),
    "account": lambda s: (reverse("wagtailadmin_account"), None, "帐号"),
}
for _admin in REGISTERS:
    _urls = AdminURLHelper(_admin.model)
    _name = _admin.model._meta.model_name
    VIEWS[f"register {_name}"] = lambda s, u=_urls: (u.index_url, None, "")
    if _admin.permission_helper_class is not WebmastersReadOnly:  # the chain writes those
        VIEWS[f"register {_name}: add"] = lambda s, u=_urls: (u.create_url, None, "")
VIEWS["register informationrequest: edit"] = lambda s: (
    AdminURLHelper(InformationRequest).get_action_url("edit", s["request"].pk),
    None,
    "申请公开某项目的批复文件",
)
VIEWS["register informationrequest: inspect"] = lambda s: (
    AdminURLHelper(InformationRequest).get_action_url("inspect", s["request"].pk),
    None,
    "申请公开某项目的批复文件",
)
VIEWS["register disclosureunit: edit"] = lambda s: (
    AdminURLHelper(DisclosureUnitAdmin.model).get_action_url("edit", s["unit"].pk),
    None,
    "区人民政府办公室",
)


@pytest.mark.parametrize("view", list(VIEWS))
def test_admin_pages_show_no_english(client, site, view):
    url, data, phrase = VIEWS[view](site)
    response = client.post(url, data) if data is not None else client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    html = response.content.decode()
    assert phrase in visible_text(html)
    english = english_in(html)
    assert not english, "English on the page:\n" + "\n".join(
        f"{w}: …{c}…" for w, c in english.items()
    )
