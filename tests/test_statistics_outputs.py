"""The same figures through the command, the public statistics page and the admin."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from disclosure.models import (
    ApplicantType,
    EnforcementRecord,
    InformationRequest,
    RequestOutcome,
    ReviewCase,
    ReviewKind,
    StatisticsPage,
)
from disclosure.statistics import overview
from disclosure.wagtail_hooks import DisclosureAdminGroup

from .conftest import add_column, make_document, shanghai

D = datetime.date


@pytest.fixture
def sample(column, unit, other_unit):
    make_document(column, unit, "甲", publish_date=shanghai(2024, 2, 1), body="<p>正文</p>")
    make_document(column, other_unit, "乙", publish_date=shanghai(2024, 3, 1))
    make_document(column, other_unit, "丙", publish_date=shanghai(2023, 3, 1))
    InformationRequest.objects.create(
        unit=unit,
        received_date=D(2024, 4, 1),
        applicant_type=ApplicantType.RESEARCH,
        subject="科研数据",
        closed_date=D(2024, 4, 20),
        outcome=RequestOutcome.DISCLOSED,
    )
    ReviewCase.objects.create(
        unit=unit, kind=ReviewKind.DIRECT_LITIGATION, filed_date=D(2024, 6, 1)
    )
    EnforcementRecord.objects.create(unit=unit, year=2024, penalty_decisions=7)


def run(*args) -> str:
    out = io.StringIO()
    call_command("disclosure_statistics", *args, stdout=out)
    return out.getvalue()


def test_command_json_has_the_documented_keys_and_the_same_figures(sample, unit):
    data = json.loads(run("--year", "2024"))
    assert set(data) >= {"year", "unit", "overview", "table_a", "table_b", "table_c", "checks"}
    assert data["year"] == 2024 and data["unit"] is None
    o = data["overview"]
    assert (o["published_in_year"], o["cumulative"], o["fulltext_rate"]) == (2, 3, 50.0)
    assert set(o["by_category"][0]) >= {"category", "count", "percent"}
    assert sum(c["count"] for c in o["by_category"]) == overview(2024).published_in_year
    assert data["table_a"]["article_20_6"][0] == {"label": "行政处罚", "decisions": 7}
    rows = {row["key"]: row for row in data["table_b"]["rows"]}
    assert rows["disclosed"]["cells"] == [0, 0, 1, 0, 0, 0, 1]
    assert data["table_c"]["blocks"][1]["cells"] == [0, 0, 0, 1, 1]
    assert all(c["passed"] for c in data["checks"] if c["severity"] == "hard")
    one = json.loads(run("--year", "2024", "--unit", unit.code))
    assert one["unit"] == {"code": unit.code, "name": unit.name}
    assert one["overview"]["published_in_year"] == 1


def test_command_csv_and_errors(sample, tmp_path):
    rows = list(csv.reader(io.StringIO(run("--year", "2024", "--format", "csv"))))
    assert rows[0] == ["部分", "项目", "栏目", "数值"]
    assert ["总体情况", "本年主动公开", "件数", "2"] in rows
    assert [
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量",
        "科研机构",
        "1",
    ] in rows
    target = tmp_path / "stats.json"
    call_command(
        "disclosure_statistics", "--year", "2024", "--quarter", "1", "--output", str(target)
    )
    assert json.loads(target.read_text(encoding="utf-8"))["overview"]["published_in_year"] == 2
    with pytest.raises(CommandError, match="没有代码为"):
        run("--year", "2024", "--unit", "NOPE")


def test_statistics_page_renders_live_figures_with_svg_and_tables(
    sample, index, other_unit, client
):
    reports = add_column(index, "政府信息公开年报")
    page = StatisticsPage(title="公开统计", slug="tongji")
    reports.add_child(instance=page)
    response = client.get(page.url, {"year": 2024})
    assert response.status_code == 200
    content = response.content.decode()
    assert "2024年主动公开政府信息 2 条，截至期末累计主动公开 3 条，全文电子化率 50.0%" in content
    # the charts are drawn on the server: no script in the page's content (the site's
    # progressive-enhancement scripts in the head are not needed to read them)
    main = content.split("<main", 1)[1].split("</main>", 1)[0]
    assert "<svg" in main and "<script" not in main
    assert "各项之和可能不等于 100%" in content
    response = client.get(page.url, {"year": 2024, "unit": other_unit.code, "quarter": 1})
    content = response.content.decode()
    assert "2024年第1季度主动公开政府信息 1 条" in content
    # Nonsense parameters fall back to the defaults instead of failing.
    assert client.get(page.url, {"year": "abc", "unit": "x", "quarter": 9}).status_code == 200


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.invalid", "pw")
    client.force_login(user)
    return client


def test_register_admin_lists_inspects_and_exports(sample, admin_client):
    request = InformationRequest.objects.get()
    index_url = reverse("disclosure_informationrequest_modeladmin_index")
    response = admin_client.get(index_url, {"q": "科研"})
    assert response.status_code == 200
    assert "科研数据" in response.content.decode()
    inspect_url = reverse("disclosure_informationrequest_modeladmin_inspect", args=(request.pk,))
    content = admin_client.get(inspect_url).content.decode()
    assert "（一）予以公开" in content
    export = admin_client.get(index_url, {"export": "csv"})
    assert export.status_code == 200
    body = b"".join(export.streaming_content).decode("utf-8")
    assert "科研数据" in body and "（一）予以公开" in body
    for model in ("reviewcase", "enforcementrecord"):
        url = reverse(f"disclosure_{model}_modeladmin_index")
        assert admin_client.get(url).status_code == 200
        assert admin_client.get(url, {"export": "csv"}).status_code == 200
    labels = [str(item.menu_label) for item in DisclosureAdminGroup.items]
    registers = ["依申请公开登记", "节假日与调休", "复议诉讼登记", "年度执法数据"]
    assert [label for label in labels if label in registers] == registers


def test_register_admin_creates_and_refuses_with_chinese_errors(admin_client, unit):
    url = reverse("disclosure_informationrequest_modeladmin_create")
    assert admin_client.get(url).status_code == 200
    data = {
        "unit": unit.pk,
        "reference_no": "",
        "received_date": "2024-05-01",
        "channel": "online",
        "applicant_type": "natural_person",
        "subject": "申请公开某文件",
        "closed_date": "2024-04-01",
        "outcome": "disclosed",
        "fee_charged": "0",
        "notes": "",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "办结日期不能早于收到申请日期。" in response.content.decode()
    data["closed_date"] = "2024-05-10"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    created = InformationRequest.objects.get()
    assert (created.outcome, created.reference_no) == ("disclosed", None)
    assert created.status == "archived"  # typed in closed: filed, like the migrated rows
    assert 'name="status"' not in admin_client.get(url).content.decode()  # the workflow's


def test_disclosure_report_command_writes_documents(sample, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    target = tmp_path / "report.xlsx"
    call_command("disclosure_report", "--year", "2024", "--format", "xlsx", "--output", str(target))
    assert load_workbook(target).sheetnames[0] == "总体情况"
    target = tmp_path / "report.pdf"
    call_command("disclosure_report", "--year", "2024", "--format", "pdf", "--output", str(target))
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "2024年政府信息公开工作年度报告" in "".join(text.split())
    data = json.loads(run_report("--year", "2024", "--format", "json"))
    assert data["overview"]["published_in_year"] == 2


def run_report(*args) -> str:
    out = io.StringIO()
    call_command("disclosure_report", *args, stdout=out)
    return out.getvalue()
