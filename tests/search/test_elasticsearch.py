"""Elasticsearch: only public pages in the index, kept current; the page survives its absence."""

import datetime
import io
import socket
import time

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from tests.conftest import add_column, make_document

from .conftest import DATABASE, elasticsearch_settings


def in_index(page: Page) -> bool:
    backend = get_search_backend("elasticsearch")
    index = backend.get_index_for_model(Page)
    document_id = index.mapping_class(type(page)).get_document_id(page)
    return bool(backend.es.exists(index=index.name, id=document_id))


@pytest.fixture
def es_only(settings, elasticsearch_url):
    from .conftest import reset_page_index

    settings.WAGTAILSEARCH_BACKENDS = {
        "default": DATABASE,
        "elasticsearch": elasticsearch_settings(elasticsearch_url),
    }
    settings.PORTAL_SEARCH_BACKEND = "elasticsearch"
    reset_page_index("elasticsearch")


@pytest.mark.usefixtures("es_only")
def test_publish_unpublish_and_restrictions_update_the_index(column, unit):
    document = make_document(column, unit, "防汛应急预案", publish=False)
    assert not in_index(document)
    document.get_latest_revision().publish()
    assert in_index(document)
    document.refresh_from_db()
    document.unpublish()
    assert not in_index(document)
    restricted = make_document(column, unit, "内部值班表", publish=False)
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    restricted.get_latest_revision().publish()
    assert not in_index(restricted)


def found(word: str) -> list[str]:
    backend = get_search_backend("elasticsearch")
    return [page.title for page in backend.search(word, Page)]


@pytest.mark.usefixtures("es_only")
def test_adding_and_removing_a_restriction_on_a_column_updates_its_subtree_in_the_index(
    column, unit, django_capture_on_commit_callbacks
):
    document = make_document(column, unit, "汛期值班安排的通知")
    nested = make_document(add_column(column, "应急管理"), unit, "汛期物资储备的通知")
    elsewhere = make_document(add_column(column.get_parent(), "其他"), unit, "汛期培训的通知")
    assert in_index(document) and in_index(nested) and in_index(elsewhere)
    assert sorted(found("汛期")) == sorted([document.title, nested.title, elsewhere.title])

    # the reindex runs once the restriction is committed
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        restriction = PageViewRestriction.objects.create(
            page=column, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
    assert callbacks  # the reindex waited for the commit (the cache purge does too)
    assert not in_index(document) and not in_index(nested)
    assert in_index(elsewhere)
    assert found("汛期") == [elsewhere.title]

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert in_index(document) and in_index(nested)
    assert sorted(found("汛期")) == sorted([document.title, nested.title, elsewhere.title])


@pytest.mark.usefixtures("es_only")
def test_a_new_restriction_is_not_reindexed_before_its_transaction_commits(
    column, unit, django_capture_on_commit_callbacks
):
    document = make_document(column, unit, "汛期值班安排的通知")
    with django_capture_on_commit_callbacks(execute=False):
        PageViewRestriction.objects.create(page=column, restriction_type="login")
    assert in_index(document)  # still there: the transaction never committed


@pytest.mark.usefixtures("es_only")
def test_scheduled_go_live_and_expiry_update_the_index(column, unit):
    document = make_document(column, unit, "定时发布的通知", publish=False)
    document.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    document.save_revision().publish()
    assert not in_index(document)
    time.sleep(2.5)  # the go-live moment passes
    call_command("publish_scheduled")
    assert in_index(document)

    type(document).objects.filter(pk=document.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("publish_scheduled")
    assert not in_index(document)


@pytest.mark.usefixtures("es_only")
def test_update_index_rebuilds_atomically_with_public_pages_only(column, unit):
    public = make_document(column, unit, "公开的通知")
    draft = make_document(column, unit, "草稿通知", publish=False)
    out = io.StringIO()
    call_command("update_index", backend_name="elasticsearch", stdout=out)
    assert "indexed" in out.getvalue()
    backend = get_search_backend("elasticsearch")
    index = backend.get_index_for_model(Page)
    assert index.is_alias()  # ATOMIC_REBUILD: a new index behind the alias
    assert in_index(public)
    assert not in_index(draft)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_page_falls_back_to_the_database_when_elasticsearch_is_down(
    client, settings, column, unit
):
    make_document(column, unit, "区人民政府关于印发政府信息公开工作要点的通知")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": DATABASE,
        "elasticsearch": elasticsearch_settings(
            f"http://127.0.0.1:{closed_port()}", TIMEOUT=2, AUTO_UPDATE=False
        ),
    }
    settings.PORTAL_SEARCH_BACKEND = "elasticsearch"
    response = client.get("/search/", {"q": "工作要点"})
    assert response.status_code == 200
    assert response.context["outcome"].backend == "default"
    content = response.content.decode()
    assert "全文检索服务暂时不可用" in content
    assert "<mark>工作要点</mark>" in content or "<mark>工作</mark><mark>要点</mark>" in content


def test_the_page_falls_back_when_elasticsearch_times_out(client, settings, column, unit):
    make_document(column, unit, "关于做好防汛工作的通知")
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": DATABASE,
            "elasticsearch": elasticsearch_settings(url, TIMEOUT=1, AUTO_UPDATE=False),
        }
        settings.PORTAL_SEARCH_BACKEND = "elasticsearch"
        started = time.monotonic()
        response = client.get("/search/", {"q": "防汛"})
        elapsed = time.monotonic() - started
    assert response.status_code == 200
    assert response.context["outcome"].backend == "default"
    assert [hit.page.title for hit in response.context["outcome"].hits] == [
        "关于做好防汛工作的通知"
    ]
    assert elapsed < 10
