"""Run Wagtail's ``publish_scheduled`` every minute, for as long as the process lives, and
the search-index updates an unreachable Elasticsearch left queued
(``search_updates.retry_pending``), and once a day ``searchpromotions_garbage_collect`` (the
popular-search log keeps ``WAGTAILSEARCH_HITS_MAX_AGE`` days, 7 by default, so anonymous
searches cannot grow it without limit) and ``anonymise_requests``.

Supervise it like the web server (systemd, supervisord). Where cron is preferred, run
``manage.py publish_scheduled`` from cron every minute instead of this command.
"""

import signal
import threading
import time

from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from disclosure import catalogue_files, search_updates
from disclosure.conf import get_setting

from .publish_scheduled import Command as PublishScheduled

DIGEST_HOUR = 8  # the handlers' daily deadline e-mail goes out from 8:00 local time


class Command(BaseCommand):
    help = "每分钟执行一次定时发布/下线（publish_scheduled）。Run publish_scheduled every minute."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60.0, help="间隔秒数（默认 60）")
        parser.add_argument("--once", action="store_true", help="只执行一次后退出")

    def handle(self, *args, interval: float, once: bool, **options):
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        self.stdout.write(f"定时发布已启动，每 {interval:g} 秒检查一次。")
        while not stop.is_set():
            started = time.monotonic()
            self.run_once()
            if once:
                break
            # A long-lived process must not keep a connection the database has dropped.
            close_old_connections()
            stop.wait(max(0.0, interval - (time.monotonic() - started)))
        self.stdout.write("定时发布已停止。")

    def run_once(self) -> None:
        try:
            # this app's command, which records the run (the admin and /healthz read it)
            command = PublishScheduled()
            command.heartbeat_source = "run_scheduler"
            call_command(command, stdout=self.stdout, stderr=self.stderr)
        except Exception as error:  # keep the loop alive; the next minute retries
            self.stderr.write(f"定时发布出错：{error!r}")
        search_updates.retry_pending()
        self.refresh_catalogue_files()
        self.run_daily_commands()
        self.send_request_digest_daily()

    def refresh_catalogue_files(self) -> None:
        """Write the public catalogue files again after a change, before a visitor asks."""
        try:
            catalogue_files.refresh()
        except Exception as error:  # the download writes them itself; keep the loop alive
            self.stderr.write(f"公开目录文件生成出错：{error!r}")

    # Once a day: the popular-search log's garbage collection, and anonymising the applicants
    # of requests past their retention period (requests.retention).
    DAILY_COMMANDS = ("searchpromotions_garbage_collect", "anonymise_requests")

    def run_daily_commands(self) -> None:
        today = timezone.localdate()
        if getattr(self, "_daily_done_on", None) == today:
            return
        failed = False
        for name in self.DAILY_COMMANDS:
            try:
                call_command(name, stdout=self.stdout)
            except Exception as error:  # noqa: BLE001 - retried at the next minute
                failed = True
                self.stderr.write(f"每日任务 {name} 出错：{error!r}")
        if not failed:
            self._daily_done_on = today

    def send_request_digest_daily(self) -> None:
        """The handlers' deadline e-mail, once a day from 8:00; the shared cache remembers
        the day, so a restarted scheduler (or a second one) does not send it again."""
        now = timezone.localtime()
        if now.hour < DIGEST_HOUR:
            return
        key = f"disclosure:request-digest:{now.date().isoformat()}"
        cache = caches[get_setting("DISCLOSURE_CACHE_ALIAS")]
        if not cache.add(key, True, timeout=2 * 86400):
            return
        try:
            call_command("send_request_digest", stdout=self.stdout)
        except Exception as error:  # noqa: BLE001 - retried at the next minute
            cache.delete(key)
            self.stderr.write(f"发送期限提醒邮件出错：{error!r}")
