"""Relevance, measured: recall@10 = 100% on the relevance set, exact numbers first.

Runs through the full search view on the database backend (SQLite or PostgreSQL, whichever
the run uses) and on Elasticsearch. A failure lists every query that missed.
"""

import pytest

from disclosure.models import DisclosureUnit
from tests.conftest import add_column, make_credit_code, make_document, shanghai

from .relevance_data import DOCUMENTS, EXACT_NUMBERS, QUERIES, UNITS

pytestmark = pytest.mark.usefixtures("search_backend")

COLUMNS = {
    "policy": "政策文件",
    "report": "公告公示",
    "guide": "办事指南",
    "budget": "财政预决算",
    "personnel": "人事信息",
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
    documents = {}
    for n, (key, unit, column, year, number, title, text) in enumerate(DOCUMENTS):
        documents[key] = make_document(
            columns[column],
            units[unit],
            title,
            doc_number=number,
            publish_date=shanghai(year, 1 + n % 12, 1 + n % 28),
            summary=text,
        )
    return {"columns": columns, "units": units, "documents": documents}


def first_ten(client, query: str, **params) -> list[int]:
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return [hit.page.pk for hit in response.context["outcome"].hits][:10]


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
