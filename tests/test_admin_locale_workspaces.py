"""The admin pages of the unit workspaces, the report cycle, the dashboard and the request
handling show no English either (the same check as ``test_admin_locale``)."""

import datetime

import pytest
from django.urls import reverse

from disclosure.models import RequestStatus
from disclosure.requests.workflow import transition

from .admin_text import english_in, visible_text
from .request_staff import submit
from .test_admin_locale import editor, site  # noqa: F401 - the same webmaster and site


@pytest.fixture
def online_request(site):  # noqa: F811 - the imported fixture
    row = submit(site["unit"], datetime.date(2026, 9, 21), name="张三")
    transition(row, RequestStatus.ACCEPTED, user=site["editor"])
    transition(row, RequestStatus.PROCESSING, user=site["editor"])
    return row


VIEWS = {
    "report cycle": lambda s, r: ("/admin/disclosure/report-cycle/2024/", "各单位年报"),
    "report consistency": lambda s, r: ("/admin/disclosure/report-cycle/2024/consistency/", "全区"),
    "requests": lambda s, r: ("/admin/disclosure/requests/", r.subject),
    "request": lambda s, r: (f"/admin/disclosure/requests/{r.pk}/", "张三"),
    "request reply form": lambda s, r: (f"/admin/disclosure/requests/{r.pk}/reply/", "办理结果"),
    "request fee form": lambda s, r: (f"/admin/disclosure/requests/{r.pk}/fee/", "计收方式"),
    "request extension form": lambda s, r: (f"/admin/disclosure/requests/{r.pk}/extend/", "批准人"),
    "column monitoring": lambda s, r: (reverse("disclosure_dashboard:monitoring"), "栏目"),
    "add a unit's person": lambda s, r: (
        reverse("disclosure_unit_add_person", args=[s["unit"].pk]),
        "角色",
    ),
}


@pytest.mark.parametrize("view", list(VIEWS))
def test_workspace_pages_show_no_english(client, site, online_request, view):  # noqa: F811
    url, phrase = VIEWS[view](site, online_request)
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    html = response.content.decode()
    assert phrase in visible_text(html)
    english = english_in(html.replace(online_request.query_code, ""))  # the code is letters
    assert not english, "English on the page:\n" + "\n".join(
        f"{w}: …{c}…" for w, c in english.items()
    )
