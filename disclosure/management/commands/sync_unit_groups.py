"""Create or repair every unit's role groups and their Wagtail permissions."""

from django.core.management.base import BaseCommand

from disclosure.permissions.roles import WEBMASTER_GROUP
from disclosure.permissions.signals import sync_all


class Command(BaseCommand):
    help = "为每个公开单位建立（或修复）撰稿编辑、审核、签发、依申请公开办理用户组及其权限。"

    def handle(self, *args, **options) -> None:
        count = sync_all()
        self.stdout.write(f"已同步 {count} 个公开单位的用户组，以及“{WEBMASTER_GROUP}”用户组。")
