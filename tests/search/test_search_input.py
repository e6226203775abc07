"""Every parameter of the search page, on the database and on Elasticsearch: bounded,
explained in Chinese, never a 500 (the regression cases crashed the first release)."""

import pytest
from django.test import Client
from hypothesis import given

from ..conftest import add_column, make_document
from ..fuzzing import assert_safe, fuzz_settings, parameters

pytestmark = pytest.mark.usefixtures("search_backend")

PUNCTUATION_ONLY = [
    "。",
    "，",
    "《》",
    "|",
    "\u200b",
    "\u200b\u200d\ufeff",
    "、、",
    "“”",
    " ",
    "\x00",
]
SEARCH_PARAMETERS = ["q", "column", "unit", "topic", "category", "year_from", "year_to"]
SEARCH_PARAMETERS += ["validity", "sort", "page", "file_type"]


@pytest.fixture
def portal(index, unit):
    level1 = add_column(index, "法定主动公开内容")
    level2 = add_column(level1, "财政资金")
    make_document(level2, unit, "关于2024年财政预算的公告")
    return index, level1, level2


@pytest.mark.parametrize("query", PUNCTUATION_ONLY)
def test_a_query_without_words_asks_for_one(client, portal, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "请输入要检索的文字、字母或数字" in response.content.decode()


@pytest.mark.parametrize("query", ["《财\u200b政》。", "财政|", "“财政”", "(财政)*"])
def test_words_among_punctuation_and_invisible_characters_still_find(client, portal, query):
    response = client.get("/search/", {"q": query})
    assert "预算的公告" in response.content.decode()  # 财政 itself is highlighted


def test_a_latin_word_with_accents_is_a_query(client, portal):
    response = client.get("/search/", {"q": "Ààé"})
    assert response.status_code == 200
    assert "请输入要检索的文字" not in response.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"year_from": "10000"}, "发布年份须在 1949 至 2999 之间"),
        ({"year_to": "-1"}, "发布年份须在 1949 至 2999 之间"),
        ({"year_from": "abc"}, "发布年份须为整数"),
        ({"column": "9" * 40}, "所选栏目不存在或未公开"),
        ({"unit": "-1"}, "所选发布机构不存在"),
        ({"topic": "1e9"}, "所选主题分类不存在"),
        ({"category": "99999999999999999999"}, "所选统计类别不存在"),
        ({"validity": "<b>"}, "所选有效性不存在"),
        ({"sort": "x"}, "排序方式无效"),
        ({"year_from": "2025", "year_to": "2020"}, "起始年份不能晚于结束年份"),
        ({"q": "财" * 201}, "关键词不能超过 200 个字"),
    ],
)
def test_an_out_of_range_parameter_is_explained_and_ignored(client, portal, params, message):
    response = client.get("/search/", {"q": "财政", **params})
    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert 'role="alert"' in content
    if "q" not in params:  # the rest of the search still runs
        assert "预算的公告" in content


def test_a_valid_filter_still_filters_beside_an_invalid_one(client, portal, unit):
    _, level1, level2 = portal
    make_document(level1, unit, "财政工作会议纪要")
    response = client.get("/search/", {"q": "财政", "column": level2.pk, "year_to": "-1"})
    content = response.content.decode()
    assert "预算的公告" in content and "工作会议纪要" not in content
    assert "发布年份须在 1949 至 2999 之间" in content


def test_the_typed_query_is_given_back_escaped(client, portal):
    response = client.get("/search/", {"q": '<script>alert("x")</script>财政'})
    content = response.content.decode()
    assert "<script>alert" not in content
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;财政" in content


@fuzz_settings
@given(params=parameters(SEARCH_PARAMETERS))
def test_fuzz_search_parameters(portal, params):
    assert_safe(Client().get("/search/", params), params)
