"""统计类别 and 文件类型 filters follow the column inheritance the statistics use."""

from disclosure.models import DisclosureDocumentPage, ReportCategory
from disclosure.models.choices import DocumentType
from search.filters import category_q, document_type_q
from tests.conftest import add_column, make_document


def titles(q):
    return set(DisclosureDocumentPage.objects.filter(q).values_list("title", flat=True))


def test_document_type_filter_uses_own_value_else_column_default_else_other(index, unit):
    normative_column = add_column(index, "规范性文件", default_document_type=DocumentType.NORMATIVE)
    other_column = add_column(index, "其他文件")
    make_document(normative_column, unit, "继承规范性")
    make_document(other_column, unit, "自身规范性", document_type=DocumentType.NORMATIVE)
    make_document(other_column, unit, "无类型")
    make_document(normative_column, unit, "自身其他", document_type=DocumentType.OTHER)
    assert titles(document_type_q(DocumentType.NORMATIVE)) == {"继承规范性", "自身规范性"}
    assert titles(document_type_q(DocumentType.OTHER)) == {"无类型", "自身其他"}
    assert titles(document_type_q(DocumentType.RULE)) == set()
    for document in DisclosureDocumentPage.objects.all():
        assert document.title in titles(document_type_q(document.effective_document_type))


def test_category_filter_matches_the_effective_category(index, unit):
    licensing = ReportCategory.objects.get(name="行政许可")
    fallback = ReportCategory.fallback()
    column = add_column(index, "行政许可和服务", default_report_category=licensing)
    plain = add_column(index, "其他栏目")
    make_document(column, unit, "继承许可")
    make_document(plain, unit, "兜底其他")
    assert titles(category_q(licensing)) == {"继承许可"}
    assert titles(category_q(fallback)) == {"兜底其他"}
