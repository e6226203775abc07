"""Users and page reading shared by the dashboard tests."""

from html.parser import HTMLParser

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

MONITORING = "/admin/disclosure/dashboard/"
HOME = "/admin/"


def plain_editor(client):
    """In Wagtail's editors group (编辑), also allowed to publish every page, but no
    webmaster; logged in."""
    user = get_user_model().objects.create_user("editor", "e@example.com", "pw")
    group, _ = Group.objects.get_or_create(name="编辑")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    root = Page.get_first_root_node()
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    client.force_login(user)
    return user


class _Tables(HTMLParser):
    """The rows of the ``<table>`` in each ``<section aria-labelledby="disclosure-table-KEY">``,
    as the text of their cells (header row first)."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.key = self.row = self.cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        label = attrs.get("aria-labelledby") or ""
        if tag == "section" and label.startswith("disclosure-table-"):
            self.key = label.removeprefix("disclosure-table-")
            self.tables[self.key] = []
        elif tag == "tr" and self.key:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[self.key].append(self.row)
            self.row = None
        elif tag == "section":
            self.key = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def shown_tables(html: str) -> dict[str, list[list[str]]]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables
