"""The daily digest: one e-mail per handler listing their units' overdue and soon-due
requests (Django's e-mail backend; the console backend in the demo)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from ...models import InformationRequest, UnitGroup, UnitRole, workday_calendar
from .queries import attention_q


def handlers_by_unit() -> dict:
    """user → the unit ids they handle (active users with an e-mail address)."""
    users: dict = {}
    memberships = UnitGroup.objects.filter(role=UnitRole.HANDLER).values_list(
        "unit_id", "group__user"
    )
    ids = {user_id for _unit, user_id in memberships if user_id}
    people = {
        u.pk: u
        for u in get_user_model().objects.filter(pk__in=ids, is_active=True).exclude(email="")
    }
    for unit_id, user_id in memberships:
        if user_id in people:
            users.setdefault(people[user_id], set()).add(unit_id)
    return users


def digest_messages(today: datetime.date) -> list[EmailMessage]:
    conditions = attention_q(today)
    wanted = conditions["overdue"] | conditions["due_soon"]
    rows = list(
        InformationRequest.objects.filter(wanted)
        .select_related("unit")
        .order_by("deadline", "unit__sort_order", "pk")
    )
    calendar = workday_calendar()
    for row in rows:
        row.days_left = calendar.workdays_between(today, row.deadline)
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    list_url = base + reverse("disclosure_requests:list")
    messages = []
    for user, unit_ids in handlers_by_unit().items():
        mine = [row for row in rows if row.unit_id in unit_ids]
        if not mine:
            continue
        overdue = [row for row in mine if row.deadline < today]
        body = render_to_string(
            "disclosure/admin/requests/digest.txt",
            {
                "user": user,
                "today": today,
                "overdue": overdue,
                "due_soon": [row for row in mine if row.deadline >= today],
                "base": base,
                "list_url": list_url,
            },
        )
        subject = _("依申请公开办理提醒：%(overdue)d件超期，%(soon)d件5个工作日内到期") % {
            "overdue": len(overdue),
            "soon": len(mine) - len(overdue),
        }
        messages.append(EmailMessage(subject, body, to=[user.email]))
    return messages


def send_digest(today: datetime.date) -> int:
    """Send today's digest; the number of e-mails sent."""
    messages = digest_messages(today)
    if messages:
        get_connection().send_messages(messages)
    return len(messages)
