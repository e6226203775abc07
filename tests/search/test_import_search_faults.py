"""The import and Elasticsearch: documents reach the engine only after the import commits,
and an unreachable engine neither fails the import nor loses the documents."""

import pytest
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from disclosure import search_updates
from disclosure.models import DisclosureDocumentPage, PendingSearchUpdate

from ..catalog_helpers import import_rows, row
from .conftest import DATABASE, elasticsearch_settings, reset_page_index

UNREACHABLE = "http://127.0.0.1:9"  # nothing listens there: a stopped node


def es_titles(query: str) -> list[str]:
    results = get_search_backend("elasticsearch").search(query, DisclosureDocumentPage)
    return [page.title for page in results]


@pytest.fixture
def es_settings(settings, elasticsearch_url, unit):
    settings.DISCLOSURE_SEARCH_UPDATES_ON_COMMIT = True
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": DATABASE,
        "elasticsearch": elasticsearch_settings(elasticsearch_url),
    }
    reset_page_index("elasticsearch")
    return settings


def test_documents_reach_elasticsearch_only_after_the_commit(
    es_settings, column, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        status, _out, err = import_rows(tmp_path, [row(标题="关于防汛抗旱的通知")])
    assert status == 0, err
    assert es_titles("防汛") == []  # nothing before the commit (a rollback leaves nothing)
    for callback in callbacks:
        callback()
    assert es_titles("防汛") == ["关于防汛抗旱的通知"]


def test_a_failed_import_sends_nothing(
    es_settings, column, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        status, _out, _err = import_rows(
            tmp_path, [row(标题="关于防汛抗旱的通知"), row(标题="坏行", 发布日期="2024-13-01")]
        )
    assert status == 1
    assert es_titles("防汛") == []


@pytest.mark.django_db(transaction=True)  # real commits, as the command runs them
def test_an_unreachable_engine_queues_the_documents_until_it_is_back(
    es_settings, elasticsearch_url, column, tmp_path
):
    down = {
        "default": DATABASE,
        "elasticsearch": elasticsearch_settings(UNREACHABLE, TIMEOUT=1),
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=down):
        status, out, err = import_rows(tmp_path, [row(标题=f"防汛通知{n}") for n in range(3)])
        assert status == 0, err
        assert "导入完成：3 条信息" in out
        assert "全文检索服务暂时无法连接" in out
        assert DisclosureDocumentPage.objects.count() == 3
        assert search_updates.pending_count() == 3
        assert search_updates.retry_pending() == 0  # still down: the queue stays
        assert search_updates.pending_count() == 3
    # the node is back
    assert search_updates.retry_pending() == 3
    assert PendingSearchUpdate.objects.count() == 0
    assert sorted(es_titles("防汛")) == ["防汛通知0", "防汛通知1", "防汛通知2"]


def test_a_page_saved_in_a_rolled_back_transaction_never_reaches_elasticsearch(
    es_settings, column, unit
):
    from django.db import transaction

    from ..conftest import make_document

    with pytest.raises(RuntimeError), transaction.atomic():
        make_document(column, unit, "关于防汛值班的通知")
        raise RuntimeError("rolled back")
    make_document(column, unit, "关于抗旱的通知")  # the control, in the test's transaction
    assert es_titles("防汛") == [] and es_titles("抗旱") == []  # not committed yet either


@pytest.mark.django_db(transaction=True)
def test_a_page_published_while_elasticsearch_is_down_catches_up(
    es_settings, elasticsearch_url, column, unit
):
    from ..conftest import make_document

    down = {"default": DATABASE, "elasticsearch": elasticsearch_settings(UNREACHABLE, TIMEOUT=1)}
    with override_settings(WAGTAILSEARCH_BACKENDS=down):
        document = make_document(column, unit, "关于防汛值班的通知")
        assert PendingSearchUpdate.objects.filter(page_id=document.pk).exists()
    assert es_titles("防汛") == []
    assert search_updates.retry_pending() >= 1
    assert es_titles("防汛") == ["关于防汛值班的通知"]


def test_a_restriction_added_while_elasticsearch_is_down_is_applied_when_it_is_back(
    es_settings, column, unit, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    from ..conftest import make_document

    es_settings.DISCLOSURE_SEARCH_UPDATES_ON_COMMIT = False  # sent at once in this test
    make_document(column, unit, "关于防汛值班的通知")
    assert es_titles("防汛") == ["关于防汛值班的通知"]
    down = {"default": DATABASE, "elasticsearch": elasticsearch_settings(UNREACHABLE, TIMEOUT=1)}
    with override_settings(WAGTAILSEARCH_BACKENDS=down):
        with django_capture_on_commit_callbacks(execute=True):
            PageViewRestriction.objects.create(page=column, restriction_type="login")
        assert search_updates.pending_count() >= 2  # the column and its document
    assert es_titles("防汛") == ["关于防汛值班的通知"]  # stale while the node was down
    search_updates.retry_pending()
    assert es_titles("防汛") == []
