"""The embedded backend finds Chinese words inside text, on SQLite and PostgreSQL alike."""

import pytest
from wagtail.documents.models import Document

from disclosure.listing import searchable_public_pages
from disclosure.models import DisclosureAttachment, DisclosureDocumentPage, DisclosureUnit
from search.backends import segment
from tests.conftest import make_credit_code, make_document

TITLE = "区人民政府关于印发政府信息公开工作要点的通知"


def found(query: str) -> list[str]:
    results = searchable_public_pages(DisclosureDocumentPage.objects.all()).search(
        query, operator="and"
    )
    return [page.title for page in results]


@pytest.mark.parametrize(
    "query",
    ["信息公开", "公开", "通知", "工作要点", "人民政府", "政府信息公开", "印发", TITLE],
)
def test_words_inside_a_chinese_title_are_found(column, unit, query):
    make_document(column, unit, TITLE)
    make_document(column, unit, "关于开展秋季森林防火检查的函")
    assert found(query) == [TITLE]


def test_summary_body_keywords_and_attachment_titles_are_searched(column, unit):
    make_document(column, unit, "甲", summary="本文件说明最低生活保障标准调整")
    make_document(column, unit, "乙", body="<p>落实<b>耕地保护</b>责任制</p>")
    make_document(column, unit, "丙", keywords="营商环境 优化")
    document = make_document(column, unit, "丁", publish=False)
    file = Document.objects.create(title="附件一：补贴资金分配明细表")
    DisclosureAttachment.objects.create(page=document, document=file)
    document.save_revision().publish()
    assert found("生活保障") == ["甲"]
    assert found("耕地") == ["乙"]
    assert found("营商") == ["丙"]
    assert found("分配明细") == ["丁"]


def test_single_characters_and_mixed_queries(column, unit):
    make_document(column, unit, "关于2023年度区级部门预算公开的说明")
    make_document(column, unit, "最低生活保障（低保）对象认定办法")
    make_document(column, unit, "2023年A级纳税人名单公告")
    assert found("2023年 预算") == ["关于2023年度区级部门预算公开的说明"]
    assert found("低保") == ["最低生活保障（低保）对象认定办法"]
    assert found("A级") == ["2023年A级纳税人名单公告"]
    assert found("ａ级") == ["2023年A级纳税人名单公告"]  # full-width
    assert found("税") == ["2023年A级纳税人名单公告"]


def test_title_matches_rank_above_body_matches(column, unit):
    make_document(column, unit, "关于秸秆禁烧的通告", body="<p>农村环境整治</p>")
    make_document(column, unit, "农村环境整治实施方案")
    assert found("环境整治") == ["农村环境整治实施方案", "关于秸秆禁烧的通告"]


def test_unit_names_join_the_dictionary_and_are_found_whole(column, unit):
    DisclosureUnit.objects.create(
        name="区市场监督管理局", code=make_credit_code(), kind=DisclosureUnit.Kind.DEPARTMENT
    )
    assert "区市场监督管理局" in segment.user_words()
    make_document(column, unit, "区市场监督管理局关于食品安全抽检情况的通告")
    assert found("市场监督管理局") == ["区市场监督管理局关于食品安全抽检情况的通告"]
    assert found("监督管理") == ["区市场监督管理局关于食品安全抽检情况的通告"]


def test_drafts_and_unpublished_documents_are_not_found(column, unit):
    make_document(column, unit, "草稿：政府信息公开指南", publish=False)
    page = make_document(column, unit, "政府信息公开指南")
    assert found("公开指南") == ["政府信息公开指南"]
    page.unpublish()
    assert found("公开指南") == []


def test_query_tokens_meet_index_tokens_however_the_text_was_cut():
    assert segment.query_tokens("人民政府") == ["人民", "民政", "政府"]
    assert segment.query_tokens("〔2023〕12号") == ["2023", "12", "号"]
    assert set(segment.query_tokens("人民政府")) <= set(segment.index_tokens("区人民政府办公室"))
    assert "税" in segment.index_tokens("纳税人")
    assert DisclosureDocumentPage  # the model under test is indexed


def test_update_index_gives_sqlite_the_statistics_it_needs(column, unit):
    from django.core.management import call_command
    from django.db import connection

    make_document(column, unit, "关于做好防汛工作的通知")
    call_command("update_index", backend_name="default", verbosity=0)
    assert found("防汛") == ["关于做好防汛工作的通知"]
    if connection.vendor == "sqlite":  # PostgreSQL's autovacuum analyses by itself
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM sqlite_stat1")
            assert cursor.fetchone()[0] > 0


def test_count_pages_queryset_and_scores_agree(column, unit):
    """However the results are read (pages, count, queryset, with scores, unranked), they are
    the same matches in the same order: on PostgreSQL these take different paths."""
    make_document(column, unit, "农村环境整治实施方案")
    make_document(column, unit, "关于秸秆禁烧的通告", body="<p>环境整治 环境整治 环境整治</p>")
    make_document(column, unit, "关于水库清淤的通告", body="<p>配合环境整治</p>")
    make_document(column, unit, "关于森林防火的通告")
    documents = searchable_public_pages(DisclosureDocumentPage.objects.all()).order_by(
        "-publish_date", "-id"
    )
    results = documents.search("环境整治", operator="and")
    expected = ["农村环境整治实施方案", "关于秸秆禁烧的通告", "关于水库清淤的通告"]
    assert [page.title for page in results] == expected
    assert results.count() == 3
    assert [page.title for page in results[1:3]] == expected[1:]
    assert results[1:3].count() == 2
    assert [page.title for page in results.get_queryset()] == expected
    assert [page.title for page in results.annotate_score("_score")] == expected
    unranked = documents.search("环境整治", operator="and", order_by_relevance=False)
    assert [page.title for page in unranked] == [
        page.title for page in documents if page.title in expected
    ]
    assert unranked.count() == 3
