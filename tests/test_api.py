"""The read-only JSON API (disclosure/api): catalogue metadata, filters, pagination, stable
order, Chinese 400s, the page cache. The non-public states are in tests/test_leak_matrix.py."""

import datetime

import pytest
from django.utils import timezone
from hypothesis import given

from disclosure.models import Topic

from .conftest import add_column, make_document, shanghai
from .fuzzing import fuzz_settings, parameters

DOCUMENTS = "/zfxxgk/api/v2/documents/"
COLUMNS = "/zfxxgk/api/v2/columns/"
DOCUMENT_PARAMETERS = [
    "limit", "offset", "fields", "column", "unit", "unit_code", "topic", "year", "date_from",
    "date_to", "doc_number", "index_no", "validity", "updated_since", "order",
]  # fmt: skip


@pytest.fixture
def catalogue(index, column, unit, other_unit):
    sub = add_column(column, "财政资金")
    other = add_column(index, "其他栏目")
    topic = Topic.objects.filter(parent__isnull=False).select_related("parent").first()
    docs = {
        "budget": make_document(
            sub,
            unit,
            "2024年预算公开",
            publish_date=shanghai(2024, 3, 5),
            doc_number="区府发〔2024〕3号",
            topic=topic,
            written_date=datetime.date(2024, 3, 1),
            summary="预算概述",
        ),
        "notice": make_document(
            column, other_unit, "教育通知", publish_date=shanghai(2023, 12, 31, 23, 30)
        ),
        "other": make_document(other, unit, "其他通知", publish_date=shanghai(2025, 1, 2)),
        "repealed": make_document(
            other,
            unit,
            "已废止的规定",
            publish_date=shanghai(2022, 5, 1),
            validity="repealed",
            repeal_date=datetime.date(2023, 1, 1),
        ),
    }
    make_document(sub, unit, "草稿通知", publish=False)
    return {"column": column, "sub": sub, "other_column": other, "topic": topic, **docs}


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def test_documents_carry_the_catalogue_metadata(client, catalogue):
    response = client.get(DOCUMENTS)
    assert titles(response) == ["其他通知", "2024年预算公开", "教育通知", "已废止的规定"]
    assert response.json()["meta"] == {"total_count": 4, "next": None}
    budget = catalogue["budget"]
    item = client.get(DOCUMENTS).json()["items"][1]
    assert item["index_no"] == budget.index_no and budget.index_no
    assert item["unit"]["name"] == "区人民政府办公室" and item["unit"]["code"] == budget.unit.code
    assert item["topic"] == {
        "id": catalogue["topic"].pk,
        "name": catalogue["topic"].name,
        "full_name": catalogue["topic"].full_name,
    }
    assert item["doc_number"] == "区府发〔2024〕3号"
    assert item["written_date"] == "2024-03-01"
    assert item["publish_date"] == "2024-03-05T12:00:00+08:00"
    assert item["validity"] == {"value": "valid", "label": "有效"}
    assert item["column"] == {
        "id": catalogue["sub"].pk,
        "title": "财政资金",
        "html_url": catalogue["sub"].full_url,
    }
    assert item["column_path"] == ["政府信息公开", "法定主动公开内容", "财政资金"]
    assert item["meta"]["html_url"] == budget.full_url
    assert item["meta"]["detail_url"] == f"http://localhost{DOCUMENTS}{budget.pk}/"
    detail = client.get(f"{DOCUMENTS}{budget.pk}/")
    assert detail.status_code == 200 and detail.json() == item
    repealed = client.get(f"{DOCUMENTS}{catalogue['repealed'].pk}/").json()
    assert repealed["validity"] == {"value": "repealed", "label": "废止"}
    assert repealed["repeal_date"] == "2023-01-01"


def test_attachments_are_absolute_urls_of_the_files(client, catalogue):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from disclosure.models import DisclosureAttachment

    file = get_document_model()(title="预算表")
    file.file.save("budget.pdf", ContentFile(b"%PDF-1.4 budget"), save=False)
    file.save()
    DisclosureAttachment.objects.create(page=catalogue["budget"], document=file, title="附件一")
    item = client.get(f"{DOCUMENTS}{catalogue['budget'].pk}/").json()
    assert item["attachments"] == [{"title": "附件一", "url": f"http://localhost{file.url}"}]
    assert client.get(file.url).status_code == 200


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"column": "sub"}, ["2024年预算公开"]),
        ({"column": "column"}, ["2024年预算公开", "教育通知"]),
        ({"column": "index"}, ["其他通知", "2024年预算公开", "教育通知", "已废止的规定"]),
        ({"unit": "other_unit"}, ["教育通知"]),
        ({"unit_code": "other_unit_code"}, ["教育通知"]),
        ({"topic": "parent_topic"}, ["2024年预算公开"]),  # a topic includes its sub-topics
        ({"year": "2023"}, ["教育通知"]),  # 23:30 on 31 December in Shanghai
        ({"date_from": "2024-01-01", "date_to": "2024-12-31"}, ["2024年预算公开"]),
        ({"date_to": "2023-12-31"}, ["教育通知", "已废止的规定"]),
        ({"doc_number": "区府发[2024]3号"}, ["2024年预算公开"]),  # brackets as people type them
        ({"validity": "repealed"}, ["已废止的规定"]),
        ({"order": "publish_date"}, ["已废止的规定", "教育通知", "2024年预算公开", "其他通知"]),
    ],
)
def test_filters(client, catalogue, index, unit, other_unit, params, expected):
    values = {
        "sub": catalogue["sub"].pk,
        "column": catalogue["column"].pk,
        "index": index.pk,
        "other_unit": other_unit.pk,
        "other_unit_code": other_unit.code,
        "parent_topic": catalogue["topic"].parent_id,
    }
    query = {name: values.get(value, value) for name, value in params.items()}
    assert titles(client.get(DOCUMENTS, query)) == expected


def test_index_number_and_updated_since_for_incremental_sync(client, catalogue):
    budget = catalogue["budget"]
    assert titles(client.get(DOCUMENTS, {"index_no": budget.index_no})) == ["2024年预算公开"]
    before = timezone.now()
    assert titles(client.get(DOCUMENTS, {"updated_since": before.isoformat()})) == []
    catalogue["notice"].save_revision().publish()  # republished: updated
    since = client.get(
        DOCUMENTS, {"updated_since": before.isoformat(), "order": "last_published_at"}
    )
    assert titles(since) == ["教育通知"]


def test_pages_are_stable_and_link_the_next_one(client, column, unit):
    moment = shanghai(2024, 5, 1)
    for number in range(7):  # the same 发布日期: the id decides
        make_document(column, unit, f"同日通知 {number}", publish_date=moment)
    response = client.get(DOCUMENTS, {"limit": "3"})
    seen = titles(response)
    while next_url := response.json()["meta"]["next"]:
        assert next_url.startswith("http://localhost/zfxxgk/api/v2/documents/?")
        response = client.get(next_url)
        seen += titles(response)
    assert sorted(seen) == sorted(f"同日通知 {n}" for n in range(7)) and len(seen) == 7
    assert seen == [f"同日通知 {n}" for n in reversed(range(7))]  # -publish_date, then -id


def test_columns_in_tree_order_with_their_feeds(client, catalogue, index):
    response = client.get(COLUMNS)
    assert titles(response) == ["法定主动公开内容", "财政资金", "其他栏目"]
    sub = response.json()["items"][1]
    assert sub["column"]["id"] == catalogue["column"].pk
    assert sub["column_path"] == ["政府信息公开", "法定主动公开内容", "财政资金"]
    assert sub["feeds"]["rss"] == f"http://localhost/zfxxgk/feeds/{catalogue['sub'].pk}/rss/"
    assert titles(client.get(COLUMNS, {"column": catalogue["column"].pk})) == ["财政资金"]
    catalogue["sub"].unpublish()
    assert titles(client.get(COLUMNS)) == ["法定主动公开内容", "其他栏目"]
    assert client.get(f"{COLUMNS}{catalogue['sub'].pk}/").status_code == 404


def test_fields_selects_what_is_returned(client, catalogue):
    item = client.get(DOCUMENTS, {"fields": "_,title,index_no"}).json()["items"][0]
    assert set(item) == {"title", "index_no"}  # "_" starts from no field at all (Wagtail)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": "1000"}, "limit"),
        ({"limit": "abc"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"year": "二〇二四"}, "year"),
        ({"date_from": "2024-13-01"}, "date_from"),
        ({"date_from": "2024-05-01", "date_to": "2024-04-01"}, "__all__"),
        ({"updated_since": "昨天"}, "updated_since"),
        ({"validity": "<b>"}, "validity"),
        ({"order": "title"}, "order"),
        ({"column": "999999"}, "column"),
        ({"doc_number": "x" * 65}, "doc_number"),
        ({"search": "预算"}, "search"),  # Wagtail's parameters that this API leaves out
        ({"type": "wagtailcore.Page"}, "type"),
        ({"child_of": "1"}, "child_of"),
        ({"fields": "body"}, "fields"),
        ({"fields": "parent"}, "fields"),
    ],
)
def test_bad_parameters_are_a_chinese_400(client, catalogue, params, field):
    response = client.get(DOCUMENTS, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["message"] == "请求参数有误。"
    assert field in body["errors"]
    assert "X-Page-Cache" not in response


def test_a_hidden_column_is_refused_like_a_missing_one(client, catalogue):
    catalogue["sub"].unpublish()
    hidden = client.get(DOCUMENTS, {"column": catalogue["sub"].pk}).json()
    missing = client.get(DOCUMENTS, {"column": 999999}).json()
    assert hidden == missing


def test_responses_are_cached_until_the_catalogue_changes(client, catalogue, unit):
    assert client.get(DOCUMENTS)["X-Page-Cache"] == "miss"
    assert client.get(DOCUMENTS)["X-Page-Cache"] == "hit"
    assert client.get(COLUMNS)["X-Page-Cache"] == "miss"
    make_document(catalogue["other_column"], unit, "新通知", publish_date=timezone.now())
    response = client.get(DOCUMENTS)
    assert response["X-Page-Cache"] == "miss" and titles(response)[0] == "新通知"
    catalogue["other_column"].unpublish()
    assert titles(client.get(COLUMNS)) == ["法定主动公开内容", "财政资金"]


def test_a_detail_url_accepts_fields_only(client, catalogue):
    url = f"{DOCUMENTS}{catalogue['budget'].pk}/"
    assert set(client.get(url, {"fields": "_,title"}).json()) == {"title"}
    response = client.get(url, {"year": "2020"})
    assert response.status_code == 400 and response.json()["errors"] == {"year": ["不支持此参数。"]}


def test_editors_get_the_public_answer(client, webmaster, catalogue):
    assert titles(client.get(DOCUMENTS)) == [
        "其他通知",
        "2024年预算公开",
        "教育通知",
        "已废止的规定",
    ]


def test_post_is_refused_in_chinese(client, catalogue):
    for method in (client.post, client.put, client.delete, client.options):
        response = method(DOCUMENTS)
        assert response.status_code == 405 and response.json() == {"message": "不支持此请求。"}


@fuzz_settings
@given(params=parameters(DOCUMENT_PARAMETERS + ["type", "search", "format", "html_path"]))
def test_any_parameters_are_a_200_or_a_chinese_400(client, catalogue, params):
    for url in (DOCUMENTS, COLUMNS, f"{DOCUMENTS}{catalogue['budget'].pk}/"):
        response = client.get(url, params)
        assert response.status_code in (200, 400), (url, params, response.status_code)
        assert response["Content-Type"] == "application/json"
        body = response.json()
        if response.status_code == 400:
            assert body["message"] == "请求参数有误。" and body["errors"]


def test_a_listing_costs_the_same_queries_for_two_or_twenty_documents(client, column, unit):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sub = add_column(column, "下级")
    counts = []
    for total in (2, 20):
        while len(sub.get_children()) < total:
            make_document(sub, unit, f"通知 {len(sub.get_children())}")
        with CaptureQueriesContext(connection) as queries:
            assert len(titles(client.get(DOCUMENTS, {"limit": 20, "order": "id"}))) == total
        counts.append(len(queries))
    assert counts[1] <= counts[0], counts  # the first one also fills per-process caches
