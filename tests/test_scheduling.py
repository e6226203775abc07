"""Scheduled publication: the scheduler makes due documents live and takes expired ones down."""

import datetime
import time

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from disclosure.models import DisclosureDocumentPage

from .conftest import add_column, make_document


def test_document_scheduled_for_the_past_goes_live_and_appears_in_its_column(client, index, unit):
    column = add_column(index, "政策文件")
    document = make_document(column, unit, "定时发布的通知", publish=False)
    document.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    document.save_revision().publish()
    document.refresh_from_db()
    assert not document.live
    assert "定时发布的通知" not in client.get(column.url).content.decode()
    assert Revision.page_revisions.filter(
        object_id=str(document.pk), approved_go_live_at__isnull=False
    ).exists()
    time.sleep(2.5)  # the go-live moment passes

    call_command("run_scheduler", "--once")

    document.refresh_from_db()
    assert document.live
    assert document.index_no and document.publish_date
    assert "定时发布的通知" in client.get(column.url).content.decode()
    assert client.get(document.url).status_code == 200


def test_expired_document_is_unpublished_by_the_scheduler(client, index, unit):
    column = add_column(index, "政策文件")
    document = make_document(column, unit, "到期下线的通知")
    number = document.index_no
    document.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    document.save(update_fields=["expire_at"])

    call_command("run_scheduler", "--once")

    document = DisclosureDocumentPage.objects.get(pk=document.pk)
    assert not document.live
    assert document.expired
    assert document.index_no == number
    assert "到期下线的通知" not in client.get(column.url).content.decode()


def test_the_scheduler_drops_search_hits_past_their_age(db, settings):
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    settings.WAGTAILSEARCH_HITS_MAX_AGE = 7
    query = Query.get("财政")
    today = timezone.localdate()
    QueryDailyHits.objects.create(query=query, date=today - datetime.timedelta(days=30), hits=5)
    QueryDailyHits.objects.create(query=query, date=today, hits=2)

    call_command("run_scheduler", "--once")

    assert list(QueryDailyHits.objects.values_list("hits", flat=True)) == [2]
