"""E-mail each request handler the overdue and soon-due requests of their units.

``run_scheduler`` sends it once a day; from cron: ``manage.py send_request_digest`` daily.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from disclosure.requests.staff.digest import send_digest


class Command(BaseCommand):
    help = "向依申请公开办理人员发送每日期限提醒邮件。"

    def add_arguments(self, parser):
        parser.add_argument("--date", help="按此日期计算（YYYY-MM-DD，默认今天）")

    def handle(self, *args, date: str | None = None, **options):
        try:
            today = datetime.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError:
            raise CommandError("日期格式应为 YYYY-MM-DD。") from None
        sent = send_digest(today)
        self.stdout.write(f"已发送{sent}封期限提醒邮件。")
