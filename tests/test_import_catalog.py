"""import_catalog: headers, values, row errors, all-or-nothing, units, columns, 索引号."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page, PageLogEntry, Revision

from disclosure.models import (
    DisclosureColumnPage,
    DisclosureDocumentPage,
    DisclosureUnit,
    IndexNumberSequence,
    ReportCategory,
    Topic,
    Validity,
)
from disclosure.validators import validate_unit_code

from .catalog_helpers import import_rows, row, write_csv
from .conftest import add_column, make_document, shanghai


@pytest.fixture
def portal(index, column, unit):
    return index


def snapshot():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        PageLogEntry.objects.count(),
        DisclosureUnit.objects.count(),
        IndexNumberSequence.objects.count(),
        list(Page.objects.values_list("pk", "numchild")),
    )


def test_imports_rows_with_all_fields(portal, column, unit, tmp_path):
    topic = Topic.objects.get(name="政务公开", parent__name="综合政务")
    category = ReportCategory.objects.exclude(is_fallback=True).first()
    status, out, err = import_rows(
        tmp_path,
        [
            row(
                文号="区政发〔2024〕3号",
                成文日期="2024-03-01",
                主题分类="综合政务\\政务公开",
                统计类别=category.name,
                有效性="已修改",
                正文="第一段\n\n第二段 <不是标签",
            )
        ],
    )
    assert status == 0, err
    document = DisclosureDocumentPage.objects.get()
    assert document.get_parent().pk == column.pk
    assert document.index_no == f"{unit.code}/2024-00001"
    assert document.doc_number == "区政发〔2024〕3号"
    assert document.written_date == datetime.date(2024, 3, 1)
    assert document.publish_date == shanghai(2024, 3, 5, 0, 0)
    assert document.first_published_at == document.last_published_at == document.publish_date
    assert (document.topic, document.report_category) == (topic, category)
    assert document.validity == Validity.AMENDED
    assert document.body == "<p>第一段</p><p>第二段 &lt;不是标签</p>"
    assert document.live and not document.has_unpublished_changes
    assert "导入完成：1 条信息" in out and "行/秒" in out


def test_english_header_aliases(portal, unit, tmp_path):
    headers = ["title", "column", "unit", "index_no", "doc_number", "written_date"]
    headers += ["publish_date", "topic", "report_category", "validity", "body"]
    values = {
        "title": "English headers",
        "column": "法定主动公开内容",
        "unit": unit.code,
        "publish_date": "2023-12-31 23:30",
        "validity": "有效",
        "topic": "政务公开",
        "body": "<p>x</p>",
    }
    status, _out, err = import_rows(tmp_path, [values], headers=headers)
    assert status == 0, err
    document = DisclosureDocumentPage.objects.get()
    assert document.unit == unit
    assert document.topic.name == "政务公开"
    assert document.index_no.endswith("/2023-00001")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2024-03-05", (2024, 3, 5, 0, 0)),
        ("2024-3-5 09:07", (2024, 3, 5, 9, 7)),
        ("2024/03/05", (2024, 3, 5, 0, 0)),
        ("2024/3/5 18:30", (2024, 3, 5, 18, 30)),
        ("2024年3月5日", (2024, 3, 5, 0, 0)),
        ("2024年03月05日 8:05", (2024, 3, 5, 8, 5)),
        ("2024年1月1日 00:30", (2024, 1, 1, 0, 30)),
    ],
)
def test_date_formats_are_asia_shanghai(portal, unit, tmp_path, text, expected):
    status, _out, err = import_rows(tmp_path, [row(发布日期=text, 成文日期=text)])
    assert status == 0, err
    document = DisclosureDocumentPage.objects.get()
    assert document.publish_date == shanghai(*expected)
    assert document.written_date == datetime.date(*expected[:3])
    assert document.index_no.endswith(f"/{expected[0]}-00001")


@pytest.mark.parametrize(
    "values, column, message",
    [
        ({"标题": ""}, "标题", "标题不能为空"),
        ({"栏目": ""}, "栏目", "栏目不能为空"),
        ({"栏目": "a//b"}, "栏目", "空的一级"),
        ({"栏目": "一/二/三/四"}, "栏目", "栏目最多 3 级，这里写了 4 级"),
        ({"发布机构": "不存在的局"}, "发布机构", "找不到这个发布机构"),
        ({"发布日期": ""}, "发布日期", "发布日期不能为空"),
        ({"发布日期": "05.03.2024"}, "发布日期", "日期格式无法识别"),
        ({"发布日期": "2024-02-30"}, "发布日期", "不存在这个日期"),
        ({"发布日期": "2099-01-01"}, "发布日期", "不能填写将来的日期"),
        ({"成文日期": "三月"}, "成文日期", "日期格式无法识别"),
        ({"索引号": "abc 123"}, "索引号", "索引号格式不正确"),
        ({"文号": "区政发2024年3号"}, "文号", "文号格式应为"),
        ({"主题分类": "不存在"}, "主题分类", "主题分类中没有“不存在”"),
        ({"主题分类": "综合政务\\不存在"}, "主题分类", "主题分类中没有"),
        ({"主题分类": "统计"}, "主题分类", None),
        ({"统计类别": "不存在"}, "统计类别", "统计类别应为以下之一"),
        ({"有效性": "也许"}, "有效性", "有效性应为以下之一：有效、失效、废止、已修改"),
        ({"有效性": "废止"}, "废止日期", "有效性为“废止”时请填写废止日期"),
    ],
)
def test_row_errors_name_row_column_value_and_reason(portal, tmp_path, values, column, message):
    status, _out, err = import_rows(tmp_path, [row(), row(**values)])
    if message is None:  # 统计 is a unique second level: accepted
        assert status == 0, err
        return
    assert status == 1
    assert f"第 3 行 [{column}]" in err
    assert message in err
    assert "未写入任何内容" in err
    assert not DisclosureDocumentPage.objects.exists()


def test_ambiguous_second_level_topic(portal, tmp_path):
    status, _out, err = import_rows(
        tmp_path, [row(主题分类="其他", 标题="顶级"), row(主题分类="文化")]
    )
    assert status == 0, err
    Topic.objects.create(name="文化", parent=Topic.objects.get(name="综合政务"))
    DisclosureDocumentPage.objects.all().delete()
    status, _out, err = import_rows(tmp_path, [row(主题分类="文化")])
    assert status == 1
    assert "二级主题分类“文化”不唯一" in err and "文化、广电、新闻出版\\文化" in err


def test_bad_last_row_leaves_database_unchanged(portal, column, unit, tmp_path):
    make_document(column, unit, "已有信息", publish_date=shanghai(2024, 1, 1))
    before = snapshot()
    rows = [row(标题=f"第{i}条", 栏目=f"新栏目/子栏目{i % 3}") for i in range(30)]
    rows.append(row(标题="坏行", 发布日期="2024-13-01"))
    report = tmp_path / "errors.csv"
    status, _out, err = import_rows(tmp_path, rows, "--report", str(report))
    assert status == 1
    assert snapshot() == before
    assert DisclosureDocumentPage.objects.count() == 1
    assert not DisclosureColumnPage.objects.filter(title="新栏目").exists()
    lines = report.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "行号,列,值,说明"
    assert lines[1].startswith("32,发布日期,2024-13-01,不存在这个日期")


def test_every_error_is_reported_not_only_the_first(portal, tmp_path):
    rows = [row(标题=""), row(发布机构="无此单位", 发布日期="x"), row()]
    status, _out, err = import_rows(tmp_path, rows)
    assert status == 1
    assert "第 2 行 [标题]" in err and "第 3 行 [发布机构]" in err and "第 3 行 [发布日期]" in err
    assert "共 3 行，3 处错误" in err


def test_dry_run_validates_and_writes_nothing(portal, tmp_path):
    before = snapshot()
    status, out, _err = import_rows(tmp_path, [row(栏目="新一级/新二级")], "--dry-run")
    assert status == 0
    assert "校验通过（试运行，未写入）：1 行" in out and "新一级/新二级" in out
    assert snapshot() == before


def test_missing_columns_are_created_live_and_three_levels_allowed(portal, index, tmp_path):
    status, out, err = import_rows(tmp_path, [row(栏目="甲/乙/丙"), row(栏目="甲/乙")])
    assert status == 0, err
    level3 = DisclosureColumnPage.objects.get(title="丙")
    assert level3.live and level3.get_parent().title == "乙"
    assert level3.depth == index.depth + 3
    assert "新建栏目 3 个" in out
    assert DisclosureDocumentPage.objects.child_of(level3).count() == 1
    assert Page.find_problems() == ([], [], [], [], [])


def test_unit_by_name_short_name_and_code(portal, unit, other_unit, tmp_path):
    rows = [row(发布机构=unit.name), row(发布机构="区教育局"), row(发布机构=unit.code.lower())]
    status, _out, err = import_rows(tmp_path, rows)
    assert status == 0, err
    assert sorted(d.unit.name for d in DisclosureDocumentPage.objects.all()) == sorted(
        [unit.name, other_unit.name, unit.name]
    )


def test_unit_option_restricts_the_import(portal, unit, other_unit, tmp_path):
    rows = [row(发布机构=""), row(发布机构=other_unit.name)]
    status, _out, err = import_rows(tmp_path, rows, "--unit", unit.code)
    assert status == 1 and "第 3 行 [发布机构]" in err and "--unit" in err
    status, _out, err = import_rows(tmp_path, rows[:1], "--unit", unit.code)
    assert status == 0, err
    assert DisclosureDocumentPage.objects.get().unit == unit


def test_create_units_uses_placeholder_codes_that_fail_validation(portal, tmp_path):
    rows = [
        row(发布机构="区新设局", 索引号="000014349/2017-00110"),
        row(发布机构="区新设局", 索引号="000014349/2017-00111"),
    ]
    status, _out, err = import_rows(tmp_path, rows)
    assert status == 1 and "找不到这个发布机构" in err and "--create-units" in err
    status, out, err = import_rows(tmp_path, rows, "--create-units")
    assert status == 0, err
    created = DisclosureUnit.objects.get(name="区新设局")
    assert created.code == "TMP00000001"
    assert f"区新设局 临时代码 {created.code}" in out
    with pytest.raises(ValidationError):
        validate_unit_code(created.code)
    assert DisclosureDocumentPage.objects.filter(unit=created).count() == 2


def test_created_unit_needs_given_index_numbers(portal, tmp_path):
    status, _out, err = import_rows(tmp_path, [row(发布机构="区新设局")], "--create-units")
    assert status == 1
    assert "第 2 行 [索引号]" in err and "临时代码" in err
    assert not DisclosureUnit.objects.filter(name="区新设局").exists()


def test_given_index_numbers_are_kept_and_allocation_skips_them(portal, unit, tmp_path):
    given = f"{unit.code}/2024-00001"
    rows = [
        row(标题="后来者"),
        row(标题="原有", 索引号=given),
        row(标题="旧式", 索引号="01527918X-2020-153077"),
    ]
    status, out, err = import_rows(tmp_path, rows)
    assert status == 0, err
    numbers = dict(DisclosureDocumentPage.objects.values_list("title", "index_no"))
    assert numbers == {
        "原有": given,
        "后来者": f"{unit.code}/2024-00002",
        "旧式": "01527918X-2020-153077",
    }
    assert "保留原索引号 2 条，新分配 1 条" in out
    assert IndexNumberSequence.objects.get(unit=unit, year=2024).last_serial == 2


def test_index_number_collisions(portal, column, unit, tmp_path):
    existing = make_document(column, unit, publish_date=shanghai(2024, 1, 1)).index_no
    rows = [
        row(索引号="000014349/2017-00110"),
        row(索引号="000014349/2017-00110"),
        row(索引号=existing),
    ]
    status, _out, err = import_rows(tmp_path, rows)
    assert status == 1
    assert "第 3 行 [索引号] “000014349/2017-00110”：索引号与第 2 行重复" in err
    assert f"第 4 行 [索引号] “{existing}”：索引号已被门户中的其他信息使用" in err


def test_documents_go_below_existing_columns_of_the_same_path(portal, index, column, tmp_path):
    sub = add_column(column, "政策文件")
    status, _out, err = import_rows(tmp_path, [row(栏目="法定主动公开内容/政策文件")] * 2)
    assert status == 0, err
    assert DisclosureDocumentPage.objects.child_of(sub).count() == 2
    sub.refresh_from_db()
    assert sub.numchild == 2


def test_number_taken_between_validation_and_writing_writes_nothing(portal, column, unit, tmp_path):
    from disclosure.importing import import_catalog

    path = write_csv(
        tmp_path / "c.csv", [row(标题="甲"), row(标题="乙", 索引号="000014349/2017-00110")]
    )

    def publish_meanwhile(phase, done, total):
        # An editor publishes a document with the same number after the file was validated.
        if phase == "validate" and done == total:
            make_document(column, unit, "同时发布", index_no="000014349/2017-00110")

    result = import_catalog(path, progress=publish_meanwhile)
    assert not result.ok
    assert "写入时与同时发布的信息发生冲突" in str(result.errors[0])
    assert list(DisclosureDocumentPage.objects.values_list("title", flat=True)) == ["同时发布"]
    assert not PageLogEntry.objects.filter(action="disclosure.import").exists()


def test_html_body_is_sanitised(portal, tmp_path):
    body = (
        '<p data-block-key="k1" style="color:red" onclick="x()">正文<script>alert(1)</script>'
        '<a href="javascript:alert(1)">坏链接</a><a href="https://example.invalid/a">好链接</a></p>'
        "<table><tr><td>表格文字</td></tr></table><h1>大标题</h1><ul><li>条目</li></ul>"
    )
    status, _out, err = import_rows(tmp_path, [row(正文=body)])
    assert status == 0, err
    stored = DisclosureDocumentPage.objects.get().body
    assert "<script" not in stored and "alert" not in stored
    assert "javascript:" not in stored and "onclick" not in stored and "style" not in stored
    assert '<a href="https://example.invalid/a">好链接</a>' in stored
    assert '<p data-block-key="k1">' in stored
    assert "<table" not in stored and "表格文字" in stored and "大标题" in stored
    assert "<ul><li>条目</li></ul>" in stored


@pytest.mark.parametrize(
    "given", ["区政发[2015]3号", "区政发（2015）3号", "区政发【2015】3号", "区政发〔2015〕3号"]
)
def test_doc_number_brackets_are_normalised(portal, tmp_path, given):
    status, _out, err = import_rows(tmp_path, [row(文号=given)])
    assert status == 0, err
    assert DisclosureDocumentPage.objects.get().doc_number == "区政发〔2015〕3号"


def test_title_longer_than_255_characters_is_a_row_error(portal, tmp_path):
    status, _out, err = import_rows(tmp_path, [row(标题="长" * 256)])
    assert status == 1 and "第 2 行 [标题]" in err and "标题过长" in err


def test_column_path_may_start_with_the_index_title(portal, column, tmp_path):
    status, _out, err = import_rows(tmp_path, [row(栏目="政府信息公开/法定主动公开内容")])
    assert status == 0, err
    assert DisclosureDocumentPage.objects.get().get_parent().pk == column.pk
