"""年报: live while a draft, frozen on publication, refresh notice, hard checks block
publication, and the downloads carry the same figures."""

import datetime
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.test.utils.form_data import nested_form_data, rich_text

from disclosure.models import (
    AnnualReportPage,
    ApplicantType,
    InformationRequest,
    RequestOutcome,
)

from .conftest import add_column, make_document, shanghai

D = datetime.date


@pytest.fixture
def reports_column(index):
    return add_column(index, "政府信息公开年报")


def make_report(parent, year=2024, unit=None, **fields) -> AnnualReportPage:
    page = AnnualReportPage(
        title=f"{year}年政府信息公开工作年度报告", year=year, unit=unit, live=False, **fields
    )
    parent.add_child(instance=page)
    page.save_revision()
    return AnnualReportPage.objects.get(pk=page.pk)


MARCH_1 = D(2024, 3, 1)


def add_request(unit, outcome=RequestOutcome.DISCLOSED, closed=MARCH_1):
    return InformationRequest.objects.create(
        unit=unit,
        received_date=D(2024, 2, 1),
        applicant_type=ApplicantType.NATURAL_PERSON,
        subject="申请",
        closed_date=closed,
        outcome=outcome,
    )


def published_count(client, page) -> str:
    return client.get(page.url).content.decode()


def test_draft_is_live_publication_freezes_and_refresh_makes_a_new_revision(
    reports_column, column, unit, client, admin_client
):
    make_document(column, unit, publish_date=shanghai(2024, 5, 1))
    page = make_report(reports_column)
    assert not page.is_frozen
    assert page.figures()["overview"]["published_in_year"] == 1
    page.get_latest_revision().publish()
    page.refresh_from_db()
    assert page.is_frozen and page.frozen_at
    assert page.live_revision.content["frozen_figures"]["overview"]["published_in_year"] == 1
    assert "共主动公开政府信息1条" in client.get(page.url).content.decode()
    # A document published into 2024 later, and a text correction published afterwards,
    # leave the public figures alone.
    make_document(column, unit, publish_date=shanghai(2024, 6, 1))
    page.problems_text = "<p>更正文字</p>"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.frozen_figures["overview"]["published_in_year"] == 1
    assert "共主动公开政府信息1条" in client.get(page.url).content.decode()
    assert page.changed_sections() == ["overview"]
    # The editor sees the notice and refreshes in a new revision.
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    assert "实时数据与冻结数据不一致" in edit
    refresh = reverse("disclosure_refresh_report_figures", args=(page.pk,))
    assert "一、总体情况" in admin_client.get(refresh).content.decode()
    revisions = page.revisions.count()
    assert admin_client.post(refresh).status_code == 302
    page.refresh_from_db()
    assert page.revisions.count() == revisions + 1
    assert page.frozen_figures["overview"]["published_in_year"] == 2
    assert page.changed_sections() == []
    assert "共主动公开政府信息2条" in client.get(page.url).content.decode()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.invalid", "pw")
    client.force_login(user)
    return client


def test_a_report_failing_a_hard_rule_cannot_be_published(reports_column, unit, admin_client):
    add_request(unit)
    # An outcome outside the 21 rows (e.g. from an old import) breaks 一+二 = 三（七）+四.
    add_request(unit, outcome="legacy_code")
    page = make_report(reports_column)
    assert [r.code for r in page.live_report().hard_failures] == ["1"]
    with pytest.raises(ValidationError) as excinfo:
        page.get_latest_revision().publish()
    assert "不能发布" in excinfo.value.messages[0]
    page.refresh_from_db()
    assert not page.live and not page.is_frozen
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert "✗ 1." in admin_client.get(url).content.decode()
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "year": 2024,
            "unit": "",
            "overview_text": rich_text(""),
            "problems_text": rich_text(""),
            "other_text": rich_text(""),
            "action-publish": "action-publish",
        }
    )
    response = admin_client.post(url, data, follow=True)
    assert "年报数据未通过硬性核对规则，不能发布" in response.content.decode()
    page.refresh_from_db()
    assert not page.live
    InformationRequest.objects.filter(outcome="legacy_code").update(outcome=RequestOutcome.OTHER)
    admin_client.post(url, data)
    page.refresh_from_db()
    assert page.live and page.is_frozen


def test_the_report_page_lays_out_the_six_sections_and_the_tables(reports_column, unit, client):
    add_request(unit, outcome=RequestOutcome.REFUSED_THIRD_PARTY)
    page = make_report(reports_column, other_text="<p>其他事项。</p>")
    page.get_latest_revision().publish()
    content = client.get(page.url).content.decode()
    titles = [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    positions = [content.index(title) for title in titles]
    assert positions == sorted(positions)
    for label in (
        "第二十条第（一）项",
        "（三）不予公开",
        "4.保护第三方合法权益",
        "结转下年度继续办理",
    ):
        assert label in content
    assert "本年度收取信息处理费情况：未收取信息处理费。" in content
    assert "其他事项。" in content


def test_json_and_xlsx_downloads_carry_the_frozen_figures(reports_column, column, unit, client):
    make_document(column, unit, publish_date=shanghai(2024, 5, 1))
    add_request(unit)
    page = make_report(reports_column)
    page.get_latest_revision().publish()
    make_document(column, unit, publish_date=shanghai(2024, 7, 1))  # after the freeze
    data = json.loads(client.get(page.url + "export/json/").content)
    assert data["overview"]["published_in_year"] == 1
    assert data["title"] == page.title
    response = client.get(page.url + "export/xlsx/")
    assert response["Content-Disposition"] == 'attachment; filename="report-2024.xlsx"'
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["总体情况", "表一 主动公开", "表二 依申请公开", "表三 复议诉讼"]
    rows = [[c for c in row if c not in (None, "")] for row in workbook["表二 依申请公开"].values]
    assert ["一、本年新收政府信息公开申请数量", 1, 0, 0, 0, 0, 0, 1] in rows
    assert ["三、本年度办理结果", "（一）予以公开", 1, 0, 0, 0, 0, 0, 1] in rows
    assert client.get(page.url + "export/exe/").status_code == 404


def test_docx_and_pdf_downloads_contain_the_chinese_labels_and_numbers(
    reports_column, column, unit, client
):
    from docx import Document
    from pypdf import PdfReader

    for day in range(1, 4):
        make_document(column, unit, publish_date=shanghai(2024, 5, day))
    add_request(unit, outcome=RequestOutcome.NOT_PROCESSED_REPEAT)
    page = make_report(reports_column, problems_text="<p>问题&amp;改进</p>")
    page.get_latest_revision().publish()
    docx = Document(io.BytesIO(client.get(page.url + "export/docx/").content))
    paragraphs = "\n".join(p.text for p in docx.paragraphs)
    assert "共主动公开政府信息3条" in paragraphs and "问题&改进" in paragraphs
    cells = {cell.text for table in docx.tables for row in table.rows for cell in row.cells}
    assert {"2.重复申请", "法人或其他组织", "未经复议直接起诉", "本年制发件数"} <= cells
    response = client.get(page.url + "export/pdf/")
    assert response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    compact = "".join(text.split())
    for label in (
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量",
        "2.重复申请",
        "结果维持",
        "共主动公开政府信息3条",
    ):
        assert label in compact, label


def test_the_report_column_lists_every_published_year_per_unit(
    reports_column, unit, other_unit, client
):
    for year in (2022, 2023):
        make_report(reports_column, year=year).get_latest_revision().publish()
        make_report(reports_column, year=year, unit=other_unit).get_latest_revision().publish()
    make_report(reports_column, year=2024)  # a draft: not listed
    content = client.get(reports_column.url).content.decode()
    assert "区政府年报" in content and "部门年报" in content
    assert content.count("2023年</a>") == 2 and "2024年</a>" not in content
    assert other_unit.name in content


def test_soft_rules_compare_with_last_years_published_report(reports_column, unit):
    from disclosure.statistics import figures_from_data, report, report_data

    add_request(unit)
    rep = report(2024, unit)
    assert figures_from_data(report_data(rep)) == rep.figures
    make_report(reports_column, year=2023).get_latest_revision().publish()
    # A request received in 2023 is registered only after the 2023 report was published.
    InformationRequest.objects.create(
        unit=unit,
        received_date=D(2023, 12, 20),
        applicant_type=ApplicantType.COMMERCIAL,
        subject="补登记",
    )
    page = make_report(reports_column, year=2024)
    results = {r.code: r for r in page.live_report().checks}
    assert not results["6"].passed
    assert "“商业企业”列" in results["6"].problems[0]
    assert page.live_report().hard_failures == []


def test_without_a_cjk_font_pdf_is_not_offered(reports_column, client, settings):
    from django.core.exceptions import ImproperlyConfigured

    from disclosure.reports.documents import cjk_font_path

    page = make_report(reports_column)
    page.get_latest_revision().publish()
    settings.DISCLOSURE_PDF_FONT = "/nonexistent/font.ttf"
    with pytest.raises(ImproperlyConfigured, match="fonts-wqy-zenhei"):
        cjk_font_path()
    content = client.get(page.url).content.decode()
    assert "export/docx/" in content and "export/pdf/" not in content
    assert client.get(page.url + "export/pdf/").status_code == 404


def test_a_scheduled_report_failing_a_hard_rule_stays_a_draft_without_stopping_the_scheduler(
    reports_column, column, unit
):
    from django.core.management import call_command
    from django.utils import timezone

    from disclosure.models import DisclosureDocumentPage

    add_request(unit, outcome="legacy_code")
    past = timezone.now() - datetime.timedelta(minutes=5)
    page = make_report(reports_column)
    page.go_live_at = past
    report_revision = page.save_revision()
    document = make_document(column, unit, "定时文件", publish=False)
    document.go_live_at = past
    document_revision = document.save_revision()
    for revision in (report_revision, document_revision):
        revision.approved_go_live_at = past
        revision.save(update_fields=["approved_go_live_at"])
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert not page.live and not page.is_frozen
    assert DisclosureDocumentPage.objects.get(pk=document.pk).live


def test_the_admin_create_form_of_a_report_renders(reports_column, admin_client):
    url = reverse(
        "wagtailadmin_pages:add", args=("disclosure", "annualreportpage", reports_column.pk)
    )
    content = admin_client.get(url).content.decode()
    assert "保存草稿后显示本年度的实时数据和核对结果。" in content
