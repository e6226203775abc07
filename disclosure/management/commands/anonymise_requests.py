"""Anonymise the applicants of requests closed longer ago than the retention period
(``DISCLOSURE_REQUEST_RETENTION_YEARS``). Run it daily (``run_scheduler`` does)."""

from django.core.management.base import BaseCommand

from disclosure.requests import retention


class Command(BaseCommand):
    help = "将超过保存期限的依申请公开申请人信息匿名化。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="只统计将被匿名化的申请数，不修改数据"
        )

    def handle(self, *args, dry_run: bool, **options):
        due = retention.due_for_anonymising()
        cutoff = retention.retention_cutoff()
        if dry_run:
            self.stdout.write(f"{cutoff:%Y-%m-%d} 前办结、待匿名化的申请：{due.count()} 件。")
            return
        count = retention.anonymise(due)
        self.stdout.write(f"已将 {count} 件 {cutoff:%Y-%m-%d} 前办结的申请的申请人信息匿名化。")
