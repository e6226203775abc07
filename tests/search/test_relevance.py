"""Relevance, measured: recall@10 = 100% on the relevance set, exact numbers first, and
multi-word queries whose words are in weaker fields or partly nowhere (issue 15).

Runs through the full search view on the database backend (SQLite or PostgreSQL, whichever
the run uses) and on Elasticsearch. A failure lists every query that missed.
"""

import pytest

from disclosure.models import DisclosureUnit, Topic
from search import service
from search.backends import partial
from tests.conftest import add_column, make_credit_code, make_document, shanghai

from .relevance_data import (
    DOCUMENTS,
    EXACT_NUMBERS,
    FULL_THEN_PARTIAL,
    MULTIWORD,
    QUERIES,
    TOPICS,
    UNITS,
)

PARTIAL_NOTICE = "没有同时包含全部词语的结果，以下为部分匹配。"
PARTIAL_HEADING = "以下结果只包含部分词语"

pytestmark = pytest.mark.usefixtures("search_backend")

COLUMNS = {
    "policy": "政策文件",
    "report": "公告公示",
    "guide": "办事指南",
    "budget": "财政预决算",
    "personnel": "人事信息",
    "funds": "财政资金",
}


@pytest.fixture
def corpus(index):
    columns = {key: add_column(index, title) for key, title in COLUMNS.items()}
    columns["normative"] = add_column(columns["policy"], "规范性文件")
    units = {
        key: DisclosureUnit.objects.create(
            name=name, short_name=short, code=make_credit_code(), kind="department"
        )
        for key, (name, short) in UNITS.items()
    }
    topics = {
        key: Topic.objects.get(name=name, parent__name=parent)
        for key, (name, parent) in TOPICS.items()
    }
    documents = {}
    for n, (key, unit, column, year, number, title, text) in enumerate(DOCUMENTS):
        documents[key] = make_document(
            columns[column],
            units[unit],
            title,
            doc_number=number,
            publish_date=shanghai(year, 1 + n % 12, 1 + n % 28),
            summary=text,
            topic=topics.get(key),
        )
    return {"columns": columns, "units": units, "documents": documents}


def search(client, query: str, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return response


def first_ten(client, query: str, **params) -> list[int]:
    return [hit.page.pk for hit in search(client, query, **params).context["outcome"].hits][:10]


def params_for(corpus, filters: dict) -> dict:
    params = dict(filters)
    if "unit" in params:
        params["unit"] = corpus["units"][params["unit"]].pk
    if "column" in params:
        params["column"] = corpus["columns"][params["column"]].pk
    return params


def test_recall_at_10_is_complete_and_exact_numbers_come_first(client, corpus):
    """One test, so that the corpus is built once per backend (the suite stays fast)."""
    documents = corpus["documents"]
    missed = []
    for query, expected, filters in QUERIES:
        found = first_ten(client, query, **params_for(corpus, filters))
        lost = [key for key in expected if documents[key].pk not in found]
        if lost:
            missed.append((query, filters, lost))
    assert len(QUERIES) >= 40 and len(DOCUMENTS) >= 60
    assert missed == [], f"recall@10 below 100% for {len(missed)}/{len(QUERIES)} queries"

    queries = list(EXACT_NUMBERS)
    for key in ("gkyd", "dbbz", "spcj", "wwbh"):
        index_no = documents[key].index_no
        queries += [(index_no, key), (index_no.lower().replace("/", " / "), key)]
    wrong = []
    for query, key in queries:
        found = first_ten(client, query)
        if not found or found[0] != documents[key].pk:
            wrong.append(query)
    assert wrong == []


def test_multi_word_queries_find_weaker_fields_and_partial_matches(
    client, corpus, search_backend, monkeypatch
):
    """Issue 15: words in the column, unit or topic complete a match; when no document holds
    every word, the ones with most words come first and the page says so. One test, so that
    the corpus is built once per backend."""
    documents = corpus["documents"]
    wrong = []
    for query, expected, partial_only in MULTIWORD:
        response = search(client, query)
        outcome = response.context["outcome"]
        found = [hit.page.pk for hit in outcome.hits][:10]
        lost = [key for key in expected if documents[key].pk not in found]
        first_wrong = partial_only and found[:1] != [documents[expected[0]].pk]
        notice = PARTIAL_NOTICE in response.content.decode()
        if lost or first_wrong or outcome.partial_only != partial_only or notice != partial_only:
            wrong.append((query, lost, first_wrong, outcome.partial_only))
    assert wrong == []

    # every word found is marked, in the title and in the snippet (another URL: the page
    # cache keeps each one)
    hit = search(client, "低保 区块链 标准").context["outcome"].hits[0]
    assert "<mark>标准</mark>" in hit.title
    assert "<mark>低保</mark>" in hit.snippet and "<mark>标准</mark>" in hit.snippet

    # filters apply to partial matches too; a filter that leaves none gives none
    fin = corpus["units"]["fin"].pk
    outcome = search(client, "秸秆 预算 区块链", unit=fin).context["outcome"]
    assert outcome.hits and all(hit.document.unit_id == fin for hit in outcome.hits)
    assert outcome.facets["unit"] == {fin: outcome.total}
    assert search(client, "秸秆 扬尘", unit=fin).context["outcome"].total == 0

    # sorted by date: the documents with most words first all the same
    hits = search(client, "防汛 物资 无人机", sort="date").context["outcome"].hits
    assert hits[0].page.pk == documents["fxwz"].pk

    # at most PARTIAL_LIMIT partial matches on the database (Elasticsearch counts them all)
    if search_backend == "default":
        monkeypatch.setattr(partial, "PARTIAL_LIMIT", 3)
        assert search(client, "标准 低保 区块链").context["outcome"].total == 3
        monkeypatch.undo()

    # a broad token (more matches than BROAD) only counts among the other tokens' matches
    monkeypatch.setattr(partial, "BROAD", 2)
    assert first_ten(client, "区块链 标准 低保")[0] == documents["dbbz"].pk
    # every token broad: candidates from the first matches of each, never no result
    outcome = search(client, "情况 标准 区块链").context["outcome"]
    assert outcome.hits and outcome.partial_only


def test_partial_matches_follow_fewer_full_matches_than_a_page(client, corpus, monkeypatch):
    """Issue 15: when fewer documents than a page of results hold every word, the partial
    matches follow them, most words first, under a heading; the count line tells both."""
    documents = corpus["documents"]
    wrong = []
    for query, full, near in FULL_THEN_PARTIAL:
        response = search(client, query)
        outcome, html = response.context["outcome"], response.content.decode()
        pks = [hit.page.pk for hit in outcome.hits]
        full_pks = {documents[key].pk for key in full}
        near_pks = [documents[key].pk for key in near]
        partial_flags = [hit.partial for hit in outcome.hits]
        first = outcome.hits[len(full)] if len(outcome.hits) > len(full) else None
        line = f"找到 {len(full)} 条完全匹配的结果，另有 {outcome.total - len(full)} 条部分匹配"
        # the heading sits between the last full match and the first partial one
        last_full = html.rfind(outcome.hits[len(full) - 1].page.title)
        heading = html.find(PARTIAL_HEADING)
        checks = [
            set(pks[: len(full)]) == full_pks,
            pks[len(full) : len(full) + len(near)] == near_pks,
            partial_flags == [False] * len(full) + [True] * (len(pks) - len(full)),
            first is not None and first.first_partial,
            sum(hit.first_partial for hit in outcome.hits) == 1,
            outcome.all_words == len(full) and not outcome.partial_only,
            line in html and PARTIAL_NOTICE not in html,
            html.count(PARTIAL_HEADING) == 1 and last_full < heading < html.find(first.title),
            # the facets count what is listed (documents; a column page may match too),
            # the partial matches too
            sum(outcome.facets["unit"].values()) == sum(1 for h in outcome.hits if h.document),
            len(pks) == outcome.total,
        ]
        if not all(checks):
            wrong.append((query, pks[:6], checks))
    assert wrong == []

    # sorted by date: full matches still first, the heading before the first partial one
    outcome = search(client, "条件 申请 低保", sort="date").context["outcome"]
    assert outcome.hits[0].page.pk == documents["dbsp"].pk
    assert outcome.hits[1].first_partial and outcome.partial_start == 2

    # the heading goes to whichever page the first partial match falls on
    monkeypatch.setattr(service, "PER_PAGE", 1)
    first_page = search(client, "申请 条件 低保").content.decode()
    second_page = search(client, "申请 条件 低保", page=2)
    assert PARTIAL_HEADING not in first_page
    assert PARTIAL_HEADING in second_page.content.decode()
    assert second_page.context["outcome"].partial_start == 2
    monkeypatch.undo()

    # a page of full matches or more lists only them (here a "page" of 3): no partial match,
    # no heading, the usual count line
    monkeypatch.setattr(partial, "WIDEN_BELOW", 3)
    response = search(client, "决算 三公经费")
    outcome = response.context["outcome"]
    expected = {documents[key].pk for key in ("jsgk22", "sgjf", "ysgk23")}
    assert {hit.page.pk for hit in outcome.hits} == expected
    assert outcome.partial == 0 and PARTIAL_HEADING not in response.content.decode()
    assert "找到 3 条结果" in response.content.decode()


def test_a_partial_match_holds_a_typed_term_whole_in_its_text(client, corpus):
    """The segmenter cuts one typed term into words (最低 / 生活 / 保障): a text holding one
    of them, or only 的, is no answer to it. Terms typed apart may match partly."""
    documents = corpus["documents"]
    outcome = search(client, "最低生活保障").context["outcome"]
    assert {hit.page.pk for hit in outcome.hits} == {documents[k].pk for k in ("dbbz", "dbsp")}
    assert not any(hit.partial for hit in outcome.hits)
    assert search(client, "区块链的元宇宙").context["outcome"].hits == []

    # typed apart: the documents holding 低保 whole, though none holds 区块链
    outcome = search(client, "低保 的区块链").context["outcome"]
    holding = {documents[key].pk for key, *_r, title, text in DOCUMENTS if "低保" in title + text}
    assert holding and {hit.page.pk for hit in outcome.hits} == holding
    assert outcome.partial_only
