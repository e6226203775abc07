"""Bulk-create online 依申请公开 requests, for benchmarks only.

``home/demo_requests.py`` walks each request through the workflow (a dozen queries a step);
20,000 requests that way take an hour. These are written with ``bulk_create``: the request
(state, dates, deadline, outcome as the workflow would have left them), its applicant, its
timeline (the submission and one event per step) and a pause for the consultations.
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction
from django.utils import timezone

from disclosure import models as m
from disclosure.requests.workflow import new_query_code
from home.demo_requests import REPLY_OUTCOMES, SUBJECTS, _applicant, _path

BATCH = 2000
DAYS_BACK = 3 * 365  # the requests of three years
YOUNG = 45  # days: a request received since then may still be open


def _weights(S) -> tuple[list, list]:
    # recent requests in every state; older ones mostly archived
    young = {S.REGISTERED: 4, S.ACCEPTED: 8, S.PROCESSING: 30, S.AWAITING_SUPPLEMENT: 8,
             S.CONSULTING: 5, S.EXTENDED: 5, S.AWAITING_FEE: 2, S.REPLIED: 30,
             S.WITHDRAWN: 4, S.NOT_ACCEPTED: 4}  # fmt: skip
    old = {S.ARCHIVED: 85, S.REPLIED: 4, S.WITHDRAWN: 5, S.NOT_ACCEPTED: 6}
    return young, old


def bulk_add_requests(total: int, units: list, seed: int = 16) -> int:
    """Add ``total`` online requests spread over ``units``, the states and three years."""
    S = m.RequestStatus
    rng = random.Random(seed)
    calendar = m.workday_calendar()
    today = timezone.localdate()
    young, old = _weights(S)
    made = 0
    with transaction.atomic():
        while made < total:
            rows, applicants, steps = [], [], []
            for number in range(made, min(total, made + BATCH)):
                age = rng.randrange(DAYS_BACK)
                weights = young if age <= YOUNG else old
                status = rng.choices(list(weights), list(weights.values()))[0]
                received = today - datetime.timedelta(days=age)
                applicant_type, applicant = _applicant(rng, number)
                row = m.InformationRequest(
                    unit=units[number % len(units)],
                    received_date=received,
                    channel=m.InformationRequest.Channel.ONLINE,
                    applicant_type=applicant_type,
                    subject=f"申请公开{rng.choice(SUBJECTS)}（{number}）",
                    query_code=new_query_code(),
                    submitted_at=timezone.make_aware(
                        datetime.datetime.combine(received, datetime.time(9 + number % 8))
                    ),
                    status=status,
                    extension_workdays=20 if status == S.EXTENDED else 0,
                )
                row.deadline = calendar.add_workdays(received, 20 + row.extension_workdays)
                if status == S.AWAITING_SUPPLEMENT:
                    row.supplement_requested = min(received + datetime.timedelta(days=3), today)
                    row.supplement_due = calendar.add_workdays(row.supplement_requested, 15)
                if status in (S.REPLIED, S.ARCHIVED, S.WITHDRAWN, S.NOT_ACCEPTED):
                    row.closed_date = min(
                        calendar.add_workdays(received, rng.randint(3, 18)), today
                    )
                    row.outcome = {
                        S.WITHDRAWN: m.RequestOutcome.OTHER,
                        S.NOT_ACCEPTED: m.RequestOutcome.NOT_PROCESSED_PETITION,
                    }.get(status) or rng.choice(REPLY_OUTCOMES)
                rows.append(row)
                applicants.append(applicant)
                steps.append(_path(status))
            m.InformationRequest.objects.bulk_create(rows)
            m.RequestApplicant.objects.bulk_create(
                m.RequestApplicant(request=row, **applicant)
                for row, applicant in zip(rows, applicants, strict=True)
            )
            m.RequestEvent.objects.bulk_create(_events(rows, steps))
            m.RequestPause.objects.bulk_create(
                m.RequestPause(request=row, start=row.received_date, consulted="某某置业有限公司")
                for row in rows
                if row.status == S.CONSULTING
            )
            made += len(rows)
    return made


def _events(rows: list, steps: list) -> list:
    S = m.RequestStatus
    events = []
    for row, path in zip(rows, steps, strict=True):
        events.append(
            m.RequestEvent(
                request=row, at=row.submitted_at, to_status=S.REGISTERED, title="提交申请"
            )
        )
        previous = S.REGISTERED
        for n, step in enumerate(path, start=1):
            events.append(
                m.RequestEvent(
                    request=row,
                    at=row.submitted_at + datetime.timedelta(days=n),
                    from_status=previous,
                    to_status=step,
                    title=str(step.label),
                )
            )
            previous = step
    return events
