"""Which requests a person handles and which of them need attention, from the stored
deadline and status (a few queries, no clock per row)."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q, QuerySet

from ...models import InformationRequest, RequestStatus, UnitRole, workday_calendar
from ...unit_access import user_units

S = RequestStatus
DUE_SOON_WORKDAYS = 5
# The clock runs in these states; in the paused ones it waits for the applicant or a
# consulted party (the stored deadline already assumes the pause's longest length).
RUNNING = (S.REGISTERED, S.ACCEPTED, S.PROCESSING, S.EXTENDED, S.AWAITING_FEE)
PAUSED = (S.AWAITING_SUPPLEMENT, S.CONSULTING)
OPEN = RUNNING + PAUSED


def visible_requests(user) -> QuerySet[InformationRequest]:
    """The requests of the units ``user`` handles (every unit for webmasters)."""
    return InformationRequest.objects.filter(unit__in=user_units(user, UnitRole.HANDLER))


def due_soon_cutoff(today: datetime.date) -> datetime.date:
    """The last day counted as "due soon": the 5th working day after today."""
    return workday_calendar().add_workdays(today, DUE_SOON_WORKDAYS)


def attention_q(today: datetime.date) -> dict[str, Q]:
    running = Q(status__in=RUNNING)
    return {
        "overdue": running & Q(deadline__lt=today),
        "due_soon": running & Q(deadline__gte=today, deadline__lte=due_soon_cutoff(today)),
        "paused": Q(status__in=PAUSED),
    }


def filter_attention(requests: QuerySet, which: str, today: datetime.date) -> QuerySet:
    q = attention_q(today).get(which)
    return requests if q is None else requests.filter(q)


def counts_by_unit(requests: QuerySet, today: datetime.date) -> list[dict]:
    """Per unit: name, open, overdue, due_soon, paused (units with open requests only)."""
    conditions = attention_q(today)
    rows = (
        requests.filter(status__in=OPEN)
        .order_by()
        .values("unit_id", "unit__name", "unit__sort_order")
        .annotate(open=Count("pk"), **{k: Count("pk", filter=q) for k, q in conditions.items()})
        .order_by("unit__sort_order", "unit__name")
    )
    return [{**row, "unit": row["unit__name"]} for row in rows]
