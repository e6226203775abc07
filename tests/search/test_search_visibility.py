"""What the search page offers besides results: promotions and the column list show only
public pages, each beside a public control."""

import datetime

import pytest
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from ..conftest import add_column, make_document


@pytest.fixture
def columns(index, unit):
    public = add_column(index, "公开栏目甲")
    expired = add_column(index, "过期栏目乙")
    make_document(public, unit, "财政公告一")
    expired.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    expired.save_revision().publish()
    unpublished = add_column(index, "撤下栏目丙")
    unpublished.unpublish()
    return public, expired, unpublished


def test_the_column_list_offers_only_public_columns(client, columns):
    content = client.get("/search/").content.decode()
    assert "公开栏目甲" in content
    assert "过期栏目乙" not in content
    assert "撤下栏目丙" not in content


def test_a_promotion_to_a_non_public_page_is_not_shown(client, columns):
    public, expired, unpublished = columns
    query = Query.get("财政")
    for order, page in enumerate([public, expired, unpublished]):
        SearchPromotion.objects.create(query=query, page=page, sort_order=order)
    content = client.get("/search/", {"q": "财政"}).content.decode()
    promotions = content[content.index("推荐结果") :]
    assert "公开栏目甲" in promotions
    assert "过期栏目乙" not in promotions
    assert "撤下栏目丙" not in promotions


def _found(client, query: str) -> list[str]:
    outcome = client.get("/search/", {"q": query}).context["outcome"]
    return [hit.page.title for hit in outcome.hits] if outcome else []


def test_a_draft_title_is_not_searchable_until_it_is_published(
    client, column, unit, search_backend
):
    document = make_document(column, unit, "公开标题的通知")
    document.title = "草稿标题保密字样"
    document.save_revision()  # a draft: the live page keeps its published title

    # first the document with both words, then partial matches (公开 in other titles)
    assert _found(client, "公开标题")[:1] == ["公开标题的通知"]
    assert _found(client, "保密字样") == []

    document.save_revision().publish()
    assert _found(client, "保密字样") == ["草稿标题保密字样"]
