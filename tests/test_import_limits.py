"""Bounds and refusals of the catalogue import: oversized and crafted files, too many rows,
overlong cells, implausible dates, a header without rows, and columns the public cannot see.
Each refusal is explained in Chinese and writes nothing; a fuzz test throws arbitrary cell
values at the import."""

import datetime
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from hypothesis import example, given
from hypothesis import strategies as st
from openpyxl import Workbook
from wagtail.models import Page, PageViewRestriction

from disclosure.models import DisclosureDocumentPage

from .catalog_helpers import HEADERS, import_rows, row, run, write_csv
from .conftest import add_column
from .fuzzing import fuzz_settings


@pytest.fixture
def portal(index, column, unit):
    return index


def test_a_header_without_rows_is_an_error(portal, tmp_path):
    status, _out, err = import_rows(tmp_path, [])
    assert status == 2
    assert "文件只有表头，没有任何信息行" in err


def test_too_many_rows_are_refused_before_anything_is_written(portal, tmp_path, settings):
    settings.DISCLOSURE_IMPORT_MAX_ROWS = 5
    status, _out, err = import_rows(tmp_path, [row(标题=f"第{n}条") for n in range(6)])
    assert status == 2
    assert "文件超过 5 行信息" in err and "分批导入" in err
    assert DisclosureDocumentPage.objects.count() == 0
    assert import_rows(tmp_path, [row(标题=f"第{n}条") for n in range(5)])[0] == 0


def test_an_oversized_file_is_refused(portal, tmp_path, settings):
    settings.DISCLOSURE_IMPORT_MAX_BYTES = 1000
    status, _out, err = import_rows(tmp_path, [row(标题="长" * 200) for _ in range(5)])
    assert status == 2
    assert "文件过大" in err and "1000" in err.replace("\xa0", "").replace(",", "") or "KB" in err


def write_xlsx(path, rows: list[list]) -> str:
    workbook = Workbook()
    sheet = workbook.active
    for values in rows:
        sheet.append(values)
    workbook.save(path)
    return str(path)


def crafted_xlsx(path, huge_cell: str) -> str:
    """A valid XLSX whose second row holds ``huge_cell`` (Excel and openpyxl cap cells at
    32,767 characters when they write; a crafted file has no such cap)."""
    write_xlsx(path, [["标题"]])
    cells = [("标题", "A"), ("栏目", "B"), ("发布机构", "C"), ("发布日期", "D")]
    header = "".join(f'<c r="{c}1" t="inlineStr"><is><t>{v}</t></is></c>' for v, c in cells)
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheetData><row r="1">{header}</row><row r="2">'
        f'<c r="A2" t="inlineStr"><is><t>{huge_cell}</t></is></c></row></sheetData></worksheet>'
    )
    with zipfile.ZipFile(path) as source:
        members = {m: source.read(m) for m in source.namelist()}
    members["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)
    return str(path)


def test_an_xlsx_that_unpacks_far_beyond_its_size_is_refused(portal, tmp_path):
    # one cell of 40 million characters: a ~40 KB file that would take gigabytes to read
    path = crafted_xlsx(tmp_path / "bomb.xlsx", "A" * 40_000_000)
    assert (tmp_path / "bomb.xlsx").stat().st_size < 200_000
    status, _out, err = run("import_catalog", path)
    assert status == 2
    assert "Excel 文件解压后过大或压缩比异常" in err
    assert DisclosureDocumentPage.objects.count() == 0


def test_the_unpacked_size_of_an_xlsx_is_bounded(portal, tmp_path, settings):
    settings.DISCLOSURE_IMPORT_MAX_UNCOMPRESSED_BYTES = 4096
    path = write_xlsx(tmp_path / "big.xlsx", [["标题", "栏目", "发布机构", "发布日期"]])
    status, _out, err = run("import_catalog", path)
    assert status == 2 and "解压后过大" in err


def test_an_overlong_cell_is_a_row_error(portal, tmp_path, settings):
    settings.DISCLOSURE_IMPORT_MAX_CELL_CHARS = 100
    status, _out, err = import_rows(tmp_path, [row(正文="字" * 101)])
    assert status == 1
    assert "[正文]" in err and "内容过长（101 字），上限为 100 字" in err


def test_a_csv_field_beyond_the_cell_limit_is_refused_in_chinese(portal, tmp_path, settings):
    settings.DISCLOSURE_IMPORT_MAX_CELL_CHARS = 100
    status, _out, err = import_rows(tmp_path, [row(正文="字" * 500)])
    assert status == 2
    assert "有单元格超过 100 字" in err


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("成文日期", "9999-12-31"),
        ("成文日期", "1900-01-01"),
        ("发布日期", "1911-10-10"),
    ],
)
def test_implausible_dates_are_refused(portal, tmp_path, field, value):
    status, _out, err = import_rows(tmp_path, [row(**{field: value})])
    assert status == 1
    assert f"[{field}] “{value}”：" in err
    assert "日期超出合理范围" in err or "年份不合理" in err


def test_a_repeal_date_may_lie_ahead_but_not_centuries_ahead(portal, tmp_path):
    headers = [*HEADERS, "废止日期"]
    ahead = (timezone.localdate() + datetime.timedelta(days=3650)).isoformat()
    assert import_rows(tmp_path, [row(有效性="失效", 废止日期=ahead)], headers=headers)[0] == 0
    status, _out, err = import_rows(
        tmp_path, [row(标题="另一条", 有效性="失效", 废止日期="2300-01-01")], headers=headers
    )
    assert status == 1 and "日期超出合理范围" in err


@pytest.mark.parametrize("state", ["unpublished", "expired", "restricted", "parent_unpublished"])
def test_documents_are_not_imported_into_a_column_the_public_cannot_see(
    portal, index, tmp_path, state
):
    parent = add_column(index, "上级栏目")
    hidden = add_column(parent, "隐藏栏目")
    target = {"parent_unpublished": parent}.get(state, hidden)
    if state in ("unpublished", "parent_unpublished"):
        target.unpublish()
    elif state == "expired":
        Page.objects.filter(pk=target.pk).update(
            expire_at=timezone.now() - datetime.timedelta(minutes=1)
        )
    else:
        PageViewRestriction.objects.create(page=target, restriction_type="login")
    rows = [
        row(标题="公开栏目的信息"),  # the control: 法定主动公开内容 is public
        row(标题="隐藏栏目的信息", 栏目="上级栏目/隐藏栏目"),
        row(标题="隐藏栏目下新栏目的信息", 栏目="上级栏目/隐藏栏目/新栏目"),
    ]
    status, _out, err = import_rows(tmp_path, rows)
    assert status == 1
    assert err.count("未发布、已下线或设置了访问限制") == 2
    assert DisclosureDocumentPage.objects.count() == 0
    assert import_rows(tmp_path, rows[:1])[0] == 0


def test_the_admin_upload_refuses_an_oversized_file(client, db, settings):
    settings.DISCLOSURE_IMPORT_MAX_BYTES = 10
    user = get_user_model().objects.create_superuser("webmaster", "w@example.invalid", "pw")
    client.force_login(user)
    response = client.post(
        reverse("disclosure_import:upload"),
        {"file": SimpleUploadedFile("目录.csv", "标题,栏目\n".encode() * 10)},
    )
    assert response.status_code == 200
    assert "文件过大" in response.content.decode()


cell_values = st.one_of(
    st.text(max_size=80),
    st.text(alphabet="0123456789-/年月日:：. 〔〕（）号=+@\t\x00\x0b", max_size=20),
    st.sampled_from(["", "9999-12-31", "2024-02-30", "区人民政府办公室", "法定主动公开内容"]),
)


@fuzz_settings
@given(values=st.dictionaries(st.sampled_from(HEADERS), cell_values, max_size=len(HEADERS)))
@example(values={"标题": "0", "栏目": "×"})  # a new column whose name slugifies to nothing
def test_fuzz_cell_values_never_crash_and_a_failure_writes_nothing(portal, tmp_path, values):
    before = (Page.objects.count(), DisclosureDocumentPage.objects.count())
    path = write_csv(tmp_path / "fuzz.csv", [row(**values)])
    status, _out, err = run("import_catalog", str(path))
    assert status in (0, 1, 2), err
    if status != 0:
        assert (Page.objects.count(), DisclosureDocumentPage.objects.count()) == before
    else:
        DisclosureDocumentPage.objects.all().delete()  # each example starts from the same state
