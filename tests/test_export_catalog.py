"""export_catalog: the import's columns, filters, and the round trip into an empty portal."""

import csv
import datetime

import pytest
from openpyxl import load_workbook
from wagtail.models import Page

from disclosure.importing.fields import EXPORT_HEADERS
from disclosure.models import (
    DisclosureDocumentPage,
    DisclosureUnit,
    Genre,
    ReportCategory,
    Topic,
    Validity,
)

from .catalog_helpers import run
from .conftest import add_column, make_document, shanghai

COMPARED = [
    "title", "index_no", "unit__name", "doc_number", "written_date", "publish_date",
    "topic_id", "genre", "validity", "repeal_date", "report_category_id", "keywords",
    "summary", "body", "live",
]  # fmt: skip


@pytest.fixture
def catalogue(index, column, unit, other_unit):
    policy = add_column(column, "政策文件")
    normative = add_column(policy, "规范性文件")
    topic = Topic.objects.get(name="财政", parent__name="财政、金融、审计")
    category = ReportCategory.objects.exclude(is_fallback=True).first()
    make_document(
        normative,
        unit,
        "关于印发“=1+1”办法的通知",
        publish_date=shanghai(2023, 4, 5, 9, 30),
        doc_number="区政发〔2023〕5号",
        written_date=datetime.date(2023, 4, 1),
        topic=topic,
        report_category=category,
        genre=Genre.DECISION,
        validity=Validity.REPEALED,
        repeal_date=datetime.date(2024, 12, 31),
        keywords="财政 办法",
        summary="办法全文。",
        body='<p data-block-key="a1b2c">第一条 <b>总则</b></p><ul><li>一</li></ul>',
    )
    make_document(policy, other_unit, "区教育局年度计划", publish_date=shanghai(2024, 1, 2, 8, 0))
    make_document(column, unit, "机构概况", publish_date=shanghai(2024, 7, 8, 10, 15))
    make_document(column, unit, "草稿不导出", publish=False)
    return index


def snapshot():
    return sorted(DisclosureDocumentPage.objects.values_list(*COMPARED))


def tree():
    return sorted(
        (
            p.title,
            "/".join(a.title for a in p.get_ancestors().filter(depth__gt=3)),
        )
        for p in Page.objects.filter(depth__gt=3)
    )


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_csv_export_has_the_import_columns(catalogue, unit, tmp_path):
    out = tmp_path / "out.csv"
    status, _out, err = run("export_catalog", "--format", "csv", "--output", str(out))
    assert status == 0, err
    rows = read_csv(out)
    assert rows[0] == EXPORT_HEADERS
    assert len(rows) == 4  # drafts are not exported
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["标题"] == "关于印发“=1+1”办法的通知"
    assert first["栏目"] == "法定主动公开内容/政策文件/规范性文件"
    assert first["发布机构"] == unit.name
    assert first["索引号"] == f"{unit.code}/2023-00001"
    assert first["发布日期"] == "2023-04-05 09:30"
    assert first["主题分类"] == "财政、金融、审计\\财政"
    assert (first["有效性"], first["废止日期"], first["体裁"]) == ("废止", "2024-12-31", "决定")


def test_export_filters_by_unit_and_year(catalogue, unit, other_unit, tmp_path):
    out = tmp_path / "out.csv"
    run("export_catalog", "--format", "csv", "--output", str(out), "--unit", other_unit.code)
    assert [r[0] for r in read_csv(out)[1:]] == ["区教育局年度计划"]
    run("export_catalog", "--format", "csv", "--output", str(out), "--year", "2024")
    assert [r[0] for r in read_csv(out)[1:]] == ["区教育局年度计划", "机构概况"]
    assert run("export_catalog", "--format", "csv", "--unit", "nope")[0] == 1


def test_xlsx_export_keeps_text_as_text(catalogue, tmp_path):
    out = tmp_path / "out.xlsx"
    status, _out, err = run("export_catalog", "--format", "xlsx", "--output", str(out))
    assert status == 0, err
    sheet = load_workbook(out, read_only=True).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == EXPORT_HEADERS and len(rows) == 4
    assert rows[1][0] == "关于印发“=1+1”办法的通知"


def empty_the_portal(index):
    """Delete every document, column and unit: the portal a district starts from."""
    DisclosureDocumentPage.objects.all().delete()
    for child in index.get_children():
        child.delete()
    DisclosureUnit.objects.all().delete()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_into_an_empty_portal(catalogue, index, unit, other_unit, tmp_path, fmt):
    out = tmp_path / f"catalogue.{fmt}"
    assert run("export_catalog", "--format", fmt, "--output", str(out))[0] == 0
    before_documents = [row for row in snapshot() if row[-1]]  # live ones
    before_tree = [t for t in tree() if t[0] != "草稿不导出"]
    units = list(DisclosureUnit.objects.values("name", "short_name", "code", "kind"))
    empty_the_portal(index)
    # The receiving portal registers the same units before importing.
    DisclosureUnit.objects.bulk_create(DisclosureUnit(**u) for u in units)
    status, _out, err = run("import_catalog", str(out))
    assert status == 0, err
    assert snapshot() == before_documents
    assert tree() == before_tree
    assert Page.find_problems() == ([], [], [], [], [])


def test_round_trip_with_created_units(catalogue, index, tmp_path):
    out = tmp_path / "catalogue.csv"
    run("export_catalog", "--format", "csv", "--output", str(out))
    numbers = sorted(DisclosureDocumentPage.objects.live().values_list("index_no", flat=True))
    empty_the_portal(index)
    status, out_text, err = run("import_catalog", str(out), "--create-units")
    assert status == 0, err
    assert "新建单位 2 个" in out_text
    assert sorted(DisclosureDocumentPage.objects.values_list("index_no", flat=True)) == numbers
