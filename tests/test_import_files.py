"""import_catalog: reading files — encodings, XLSX layout, unreadable files, headers."""

import datetime

import pytest
from openpyxl import Workbook

from disclosure.models import DisclosureDocumentPage

from .catalog_helpers import import_rows, row, run, write_csv
from .conftest import shanghai


@pytest.fixture
def portal(index, column, unit):
    return index


def test_gb18030_and_bom_files(portal, tmp_path):
    path = write_csv(tmp_path / "gbk.csv", [row(标题="国标编码 GB18030 文件")], encoding="gb18030")
    assert run("import_catalog", str(path))[0] == 0
    path = write_csv(tmp_path / "bom.csv", [row(标题="带 BOM 的文件")], encoding="utf-8-sig")
    assert run("import_catalog", str(path))[0] == 0
    titles = set(DisclosureDocumentPage.objects.values_list("title", flat=True))
    assert titles == {"国标编码 GB18030 文件", "带 BOM 的文件"}


def test_xlsx_with_merged_cells_and_blank_trailing_rows(portal, unit, other_unit, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["政府信息公开目录"])
    sheet.merge_cells("A1:D1")  # a title above the header
    sheet.append(["标题", "栏目", "发布机构", "发布日期"])
    sheet.append(["第一条", "法定主动公开内容", unit.name, datetime.datetime(2024, 5, 6, 9, 30)])
    sheet.append(["第二条", "法定主动公开内容", None, datetime.date(2024, 5, 7)])
    sheet.append(["第三条", "法定主动公开内容", other_unit.name, "2024年5月8日"])
    sheet.merge_cells("C3:C4")  # one unit for two rows
    sheet.append([])
    sheet.append(["注：本目录由原系统导出。"])
    sheet.merge_cells("A7:D7")
    for row_number in range(8, 30):  # formatted but empty rows
        sheet.cell(row=row_number, column=1).number_format = "@"
        sheet.cell(row=row_number, column=2, value="  ")
    path = tmp_path / "catalogue.xlsx"
    workbook.save(path)
    status, out, err = run("import_catalog", str(path))
    assert status == 0, err
    documents = {d.title: d for d in DisclosureDocumentPage.objects.all()}
    assert set(documents) == {"第一条", "第二条", "第三条"}
    assert documents["第二条"].unit == unit and documents["第三条"].unit == other_unit
    assert documents["第一条"].publish_date == shanghai(2024, 5, 6, 9, 30)
    assert "跳过说明行 2 行" in out


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("catalogue.txt", b"x", "不支持的文件类型"),
        ("catalogue.xlsx", b"not a zip", "无法打开 Excel 文件"),
        ("catalogue.csv", "标题,发布日期\nx,2024-01-01\n".encode(), "表头缺少必填列：栏目"),
        ("catalogue.csv", b"", "没有表头"),
        ("catalogue.csv", "标题,title\n".encode(), "出现了两次"),
        ("catalogue.csv", b"\xff\xfe\x00\x00\x81", "既不是 UTF-8 也不是 GB18030"),
    ],
)
def test_unreadable_files_exit_with_status_2(portal, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    status, _out, err = run("import_catalog", str(path))
    assert status == 2
    assert message in err


def test_missing_file_exits_with_status_2(portal, tmp_path):
    assert run("import_catalog", str(tmp_path / "none.csv"))[0] == 2


def test_ignored_headers_are_reported(portal, tmp_path):
    headers = ["标题", "栏目", "发布机构", "发布日期", "点击量"]
    status, _out, err = import_rows(tmp_path, [row(点击量="99")], headers=headers)
    assert status == 0
    assert "忽略无法识别的列“点击量”" in err
