"""The scheduler's heartbeat: a database row each run of publish_scheduled writes, shown on
the admin's home page (red after five minutes, "never ran" apart) to webmasters only."""

import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command, get_commands
from django.utils import timezone

from disclosure.dashboard import heartbeat
from disclosure.models import SchedulerHeartbeat

from .dashboard_helpers import HOME, plain_editor

STOPPED = 'id="disclosure-scheduler-stopped"'


def home_page(client) -> str:
    response = client.get(HOME)
    assert response.status_code == 200
    return response.content.decode()


def age_heartbeat(minutes: float) -> None:
    moment = timezone.now() - datetime.timedelta(minutes=minutes)
    assert SchedulerHeartbeat.objects.update(last_run_at=moment) == 1


def test_never_ran_is_shown_in_red_apart_from_stopped(client, webmaster):
    page = home_page(client)
    assert STOPPED in page
    panel = page.split(STOPPED)[1].split("</section>")[0]
    assert "定时发布从未运行" in panel and "disclosure-alert" in panel
    assert "已超过" not in panel


def test_a_run_of_publish_scheduled_clears_the_warning_until_five_minutes_pass(client, webmaster):
    call_command("publish_scheduled")
    page = home_page(client)
    assert STOPPED not in page
    assert "定时发布运行正常" in page and "publish_scheduled" in page

    age_heartbeat(4.5)
    assert STOPPED not in home_page(client)

    age_heartbeat(6)
    page = home_page(client)
    panel = page.split(STOPPED)[1].split("</section>")[0]
    assert "定时发布已超过 5 分钟未运行" in panel and "从未运行" not in panel
    assert (
        'class="panel help-block help-critical' in page.split(STOPPED)[0].rsplit("<section", 1)[1]
    )


def test_run_scheduler_records_itself_and_the_row_outlives_the_cache(client, webmaster):
    call_command("run_scheduler", "--once")
    cache.clear()  # another server's cache knows nothing of it: the row is what counts
    status = heartbeat.status()
    assert status.source == "run_scheduler" and not status.is_stale
    assert STOPPED not in home_page(client)
    assert client.get("/healthz").json()["checks"]["scheduler"]["ok"]
    age_heartbeat(10)
    assert not client.get("/healthz").json()["checks"]["scheduler"]["ok"]


def test_a_dry_run_is_no_run(db):
    call_command("publish_scheduled", "--dryrun")
    assert heartbeat.status().never_ran


def test_cron_running_publish_scheduled_gets_this_apps_command():
    assert get_commands()["publish_scheduled"] == "disclosure"


def test_a_plain_editor_sees_no_scheduler_warning(client, home):
    plain_editor(client)
    page = home_page(client)
    assert STOPPED not in page and "定时发布" not in page
    assert "disclosure-monitoring-summary" not in page


@pytest.mark.django_db
def test_recording_twice_keeps_one_row():
    heartbeat.record("publish_scheduled")
    heartbeat.record("run_scheduler")
    assert SchedulerHeartbeat.objects.count() == 1
    assert heartbeat.status().source == "run_scheduler"
