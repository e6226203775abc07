"""Scheduled go-live goes through the review chain: the scheduler publishes a document at
its time only when the chain approved that revision; editors see what is scheduled and
what expires soon."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from disclosure.models import DisclosureDocumentPage

from .conftest import add_column, make_document
from .review_helpers import act, current_task_name, submit_document, unit_people


@pytest.fixture
def people(index, unit, django_user_model):
    return unit_people(unit, index, django_user_model, "ours")


def local(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def scheduled_revisions(page) -> int:
    return Revision.page_revisions.filter(
        object_id=str(page.pk), approved_go_live_at__isnull=False
    ).count()


def test_a_document_whose_chain_did_not_approve_is_not_published(client, index, unit, people):
    column = add_column(index, "政策文件")
    client.force_login(people["editor"])
    go_live = timezone.now() - datetime.timedelta(minutes=5)  # its time has come
    page = submit_document(
        client, column, unit, "定时发布的通知", "timed", go_live_at=local(go_live)
    )
    client.force_login(people["reviewer"])
    act(client, page, "approve", modal=False)  # 初审 only; 保密审查 still waits
    assert current_task_name(page) == "保密审查"

    call_command("run_scheduler", "--once")

    page = DisclosureDocumentPage.objects.get(pk=page.pk)
    assert not page.live and scheduled_revisions(page) == 0
    assert "定时发布的通知" not in client.get(column.url).content.decode()

    # the chain completes: its time has passed, so it goes live at once
    act(client, page, "approve", {"conclusion": "public", "opinion": "可以公开"})
    client.force_login(people["leader"])
    act(client, page, "approve", modal=False)
    assert DisclosureDocumentPage.objects.get(pk=page.pk).live


def test_an_approved_schedule_waits_for_its_time(client, index, unit, people, monkeypatch):
    column = add_column(index, "政策文件")
    client.force_login(people["editor"])
    go_live = timezone.now() + datetime.timedelta(days=2)
    page = submit_document(
        client, column, unit, "后天发布的通知", "later", go_live_at=local(go_live)
    )
    client.force_login(people["reviewer"])
    act(client, page, "approve", modal=False)
    act(client, page, "approve", {"conclusion": "public", "opinion": "可以公开"})
    client.force_login(people["leader"])
    act(client, page, "approve", modal=False)

    page = DisclosureDocumentPage.objects.get(pk=page.pk)
    assert not page.live and scheduled_revisions(page) == 1
    call_command("run_scheduler", "--once")
    assert not DisclosureDocumentPage.objects.get(pk=page.pk).live

    client.force_login(people["editor"])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-count="scheduled">1<' in home and "后天发布的通知" in home

    later = timezone.now() + datetime.timedelta(days=3)
    monkeypatch.setattr(timezone, "now", lambda: later)  # the go-live moment passes
    call_command("run_scheduler", "--once")
    assert DisclosureDocumentPage.objects.get(pk=page.pk).live


def test_editors_see_what_expires_within_seven_days(client, index, unit, other_unit, people):
    column = add_column(index, "政策文件")
    now = timezone.now()
    make_document(column, unit, "五天后到期", expire_at=now + datetime.timedelta(days=5))
    make_document(column, unit, "一月后到期", expire_at=now + datetime.timedelta(days=30))
    make_document(
        column, other_unit, "别的单位五天后到期", expire_at=now + datetime.timedelta(days=5)
    )
    client.force_login(people["editor"])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-count="expiring">1<' in home
    assert "五天后到期" in home and "一月后到期" not in home and "别的单位五天后到期" not in home
