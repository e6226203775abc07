"""Every spreadsheet the project writes survives what editors and imports put in: control
characters never reach a file (and stored ones do not break it), and no cell is a formula."""

import csv
import io

import pytest
from django.db import connection
from openpyxl import load_workbook

from disclosure.models import DisclosureDocumentPage, InformationRequest

from .catalog_helpers import import_rows, row, run
from .conftest import admin_document_form, make_document

CONTROL = "甲\x0b乙\x00丙\x1f丁\u200b戊\ufeff"


def xlsx_cells(content: bytes) -> list:
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    return [cell for sheet in workbook for r in sheet.iter_rows(values_only=True) for cell in r]


def test_control_characters_are_removed_when_a_document_is_saved(column, unit):
    document = make_document(column, unit, "标题" + CONTROL, summary="概述\x0b第二行\x00")
    assert document.title == "标题甲 乙丙丁戊"
    assert document.summary == "概述\n第二行"
    assert document.get_latest_revision().content["title"] == "标题甲 乙丙丁戊"


def test_the_admin_form_stores_a_title_without_control_characters(client, webmaster, column, unit):
    response = client.post(
        f"/admin/pages/add/disclosure/disclosuredocumentpage/{column.pk}/",
        admin_document_form(unit, title="区政府\x0b工作报告", slug="report"),
    )
    assert response.status_code == 302, response.context["form"].errors
    assert DisclosureDocumentPage.objects.get(slug="report").title == "区政府 工作报告"


def test_stored_control_characters_do_not_break_the_catalogue_files(client, column, unit, tmp_path):
    bad = make_document(column, unit, "控制字符")
    make_document(column, unit, "正常信息")
    # as an old import or a database edit left it, bypassing save() (PostgreSQL cannot
    # store a NUL at all; SQLite can)
    nul = "\x00" if connection.vendor == "sqlite" else "\x01"
    DisclosureDocumentPage.objects.filter(pk=bad.pk).update(
        title=f"控\x0b制{nul}字符", summary="=cmd|' /C calc'!A0"
    )
    response = client.get("/zfxxgk/catalogue.xlsx")
    assert response.status_code == 200
    cells = xlsx_cells(b"".join(response.streaming_content))
    assert "控制字符" in cells and "正常信息" in cells
    assert "=cmd|' /C calc'!A0" in cells  # text, shown as typed, never run

    output = tmp_path / "catalogue.xlsx"
    status, _out, err = run("export_catalog", "--format", "xlsx", "--output", str(output))
    assert status == 0, err
    assert "控制字符" in xlsx_cells(output.read_bytes())

    content = b"".join(client.get("/zfxxgk/catalogue.csv").streaming_content).decode()
    assert "\x00" not in content and "\x0b" not in content
    assert "'=cmd|' /C calc'!A0" in content


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", '=HYPERLINK("x")'])
def test_the_admin_register_export_defuses_formulas(client, webmaster, unit, value):
    InformationRequest.objects.create(
        unit=unit, received_date="2024-03-01", subject=value, notes="备注\x0b"
    )
    response = client.get("/admin/disclosure/informationrequest/", {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    cells = [cell for line in csv.reader(io.StringIO(content)) for cell in line]
    assert "'" + value in cells
    assert value not in cells

    response = client.get("/admin/disclosure/informationrequest/", {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    subjects = [c for r in sheet.iter_rows() for c in r if c.value == value]
    assert subjects and all(c.data_type == "s" for c in subjects)


def test_the_import_error_report_defuses_formulas(portal_column, tmp_path):
    report = tmp_path / "errors.csv"
    status, _out, _err = import_rows(tmp_path, [row(发布日期="=1+2")], "--report", str(report))
    assert status == 1
    cells = [c for line in csv.reader(report.open(encoding="utf-8-sig")) for c in line]
    assert "'=1+2" in cells and "=1+2" not in cells


def test_an_imported_nul_is_removed_and_an_exported_formula_round_trips(
    portal_column, unit, tmp_path
):
    status, _out, err = import_rows(tmp_path, [row(标题="导入\x00标题", 文号="")])
    assert status == 0, err
    assert DisclosureDocumentPage.objects.get().title == "导入标题"

    DisclosureDocumentPage.objects.update(title="=1+1 不是公式")
    exported = tmp_path / "export.csv"
    status, _out, err = run("export_catalog", "--format", "csv", "--output", str(exported))
    assert status == 0, err
    assert "'=1+1 不是公式" in exported.read_text(encoding="utf-8-sig")
    DisclosureDocumentPage.objects.all().delete()
    status, _out, err = run("import_catalog", str(exported))
    assert status == 0, err
    assert DisclosureDocumentPage.objects.get().title == "=1+1 不是公式"


@pytest.fixture
def portal_column(column):
    return column
