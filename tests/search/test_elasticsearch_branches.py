"""A column that goes offline or online takes its whole subtree out of or into the index."""

import datetime

import pytest
from django.core.management import call_command
from wagtail.models import Page

from tests.conftest import add_column, make_document

from .test_elasticsearch import es_only, in_index  # noqa: F401


@pytest.mark.usefixtures("es_only")
def test_unpublishing_and_republishing_a_column_updates_its_subtree(
    column, unit, django_capture_on_commit_callbacks
):
    branch = add_column(column, "应急管理")
    inside = make_document(add_column(branch, "防汛"), unit, "汛期值班安排的通知")
    elsewhere = make_document(column, unit, "汛期培训的通知")
    assert in_index(inside) and in_index(elsewhere)

    with django_capture_on_commit_callbacks(execute=True):
        branch.refresh_from_db()
        branch.unpublish()
    assert not in_index(inside)
    assert in_index(elsewhere)

    with django_capture_on_commit_callbacks(execute=True):
        branch.refresh_from_db()
        branch.save_revision().publish()
    assert in_index(inside)


@pytest.mark.usefixtures("es_only")
def test_the_scheduler_expiring_a_column_takes_its_documents_out(
    column, unit, django_capture_on_commit_callbacks
):
    branch = add_column(column, "临时专栏")
    inside = make_document(branch, unit, "专项检查结果")
    past = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)
    Page.objects.filter(pk=branch.pk).update(expire_at=past)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled", verbosity=0)
    assert not in_index(inside)


@pytest.mark.usefixtures("es_only")
def test_moving_a_document_below_a_hidden_column_takes_it_out(
    column, unit, django_capture_on_commit_callbacks
):
    hidden = add_column(column, "草稿栏目")
    make_document(hidden, unit, "占位文件")  # a column with children hides them
    Page.objects.filter(pk=hidden.pk).update(live=False)
    document = make_document(column, unit, "将被移动的文件")
    assert in_index(document)
    with django_capture_on_commit_callbacks(execute=True):
        document.move(hidden, pos="last-child")
    assert not in_index(document)
