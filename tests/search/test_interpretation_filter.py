"""The search page's 政策解读 filter, on the database and on Elasticsearch: public ones only."""

import re

import pytest
from hypothesis import given

from tests.conftest import add_column, make_document
from tests.document_helpers import make_interpretation
from tests.fuzzing import assert_safe, fuzz_settings, parameters

pytestmark = pytest.mark.usefixtures("search_backend")


@pytest.fixture
def catalogue(index, unit):
    files = add_column(index, "政策文件")
    readings = add_column(index, "政策解读")
    original = make_document(files, unit, "关于营商环境的实施意见")
    make_interpretation(readings, unit, "营商环境实施意见文字解读", [original], kind="text")
    make_interpretation(readings, unit, "营商环境实施意见视频解读", [original], kind="video")
    withdrawn = make_interpretation(
        readings, unit, "营商环境实施意见旧版视频解读", [original], kind="video"
    )
    withdrawn.unpublish()
    hidden_column = add_column(index, "内部解读")
    make_interpretation(hidden_column, unit, "营商环境实施意见内部解读", [original], kind="text")
    hidden_column.unpublish()
    return original


def titles(client, **params) -> list[str]:
    response = client.get("/search/", params)
    assert response.status_code == 200
    found = re.findall(r"<h3><a [^>]*>(.*?)</a></h3>", response.content.decode(), re.S)
    return sorted(re.sub(r"<[^>]+>", "", title) for title in found)


def test_only_public_interpretations_are_found(client, catalogue):
    everything = titles(client, q="营商环境")
    assert "关于营商环境的实施意见" in everything  # the public control
    assert titles(client, q="营商环境", interpretation="all") == [
        "营商环境实施意见文字解读",
        "营商环境实施意见视频解读",
    ]
    assert titles(client, q="营商环境", interpretation="video") == ["营商环境实施意见视频解读"]
    assert titles(client, q="营商环境", interpretation="text") == ["营商环境实施意见文字解读"]
    empty = client.get("/search/", {"q": "营商环境", "interpretation": "graphic"})
    assert "没有找到相关结果。" in empty.content.decode()
    assert "<li>政策解读：图文解读</li>" in empty.content.decode()
    # with no words: the filter alone
    assert titles(client, interpretation="video") == ["营商环境实施意见视频解读"]


def test_the_select_offers_the_kinds_and_keeps_the_choice(client, catalogue):
    content = client.get("/search/", {"q": "营商环境", "interpretation": "video"}).content.decode()
    select = re.search(r'<select id="f-interpretation".*?</select>', content, re.S).group(0)
    for label in ("只看政策解读", "文字解读", "图文解读", "视频解读"):
        assert label in select
    assert re.search(r'<option value="video"[^>]*selected', select)
    bad = client.get("/search/", {"q": "营商环境", "interpretation": "音频解读"})
    assert "所选解读类型不存在，已忽略。" in bad.content.decode()


@pytest.mark.parametrize("search_backend", ["database"], indirect=True)
def test_the_filter_survives_any_input(client, catalogue):
    @fuzz_settings
    @given(params=parameters(["interpretation", "sort"]))
    def check(params):
        assert_safe(client.get("/search/", {"q": "营商环境", **params}), params)

    check()
