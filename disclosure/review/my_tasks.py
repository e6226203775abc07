"""What waits for an editor or reviewer ("我的任务"): plain queries for the admin home panel.

- 待我审核: task states awaiting the user (every task type's own rule, as Wagtail asks it);
- 退回给我: chains returned (needs changes) on pages the user submitted or last edited;
- 定时发布: approved revisions waiting for their go-live time, in the user's units;
- 即将到期: live documents of the user's units that go offline within ``EXPIRING_DAYS``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Revision, TaskState, WorkflowState

from disclosure.unit_access import is_webmaster, user_units

from .access import documents_of_units

EXPIRING_DAYS = 7
SHOWN = 10


@dataclass(frozen=True)
class Row:
    title: str
    url: str
    note: str
    when: datetime.datetime | None


def to_review(user) -> QuerySet[TaskState]:
    return (
        TaskState.objects.reviewable_by(user)
        .filter(workflow_state__status=WorkflowState.STATUS_IN_PROGRESS)
        .select_related("task", "workflow_state")
        .order_by("started_at")
    )


def returned_to(user) -> QuerySet[WorkflowState]:
    last_edited = (
        Page.objects.filter(latest_revision__user=user)
        .annotate(text_id=Cast("pk", output_field=CharField()))
        .values("text_id")
    )
    return (
        WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .filter(Q(requested_by=user) | Q(object_id__in=last_edited))
        .select_related("current_task_state__task", "current_task_state__finished_by")
        .order_by("-current_task_state__finished_at")
    )


def _documents_of(user) -> QuerySet:
    from disclosure.models import DisclosureDocumentPage

    if is_webmaster(user):
        return DisclosureDocumentPage.objects.all()
    return DisclosureDocumentPage.objects.filter(unit__in=user_units(user))


def scheduled(user) -> QuerySet[Revision]:
    revisions = Revision.page_revisions.filter(approved_go_live_at__isnull=False)
    if not is_webmaster(user):
        revisions = revisions.filter(object_id__in=documents_of_units(user_units(user)))
    return revisions.order_by("approved_go_live_at")


def expiring(user, now: datetime.datetime | None = None) -> QuerySet:
    now = now or timezone.now()
    return (
        _documents_of(user)
        .filter(live=True, expire_at__gte=now)
        .filter(expire_at__lte=now + datetime.timedelta(days=EXPIRING_DAYS))
        .order_by("expire_at")
    )


def _edit_url(page_id) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page_id,))


def _titles(page_ids) -> dict[str, str]:
    pages = Page.objects.filter(pk__in=[int(pk) for pk in page_ids]).only("title")
    return {str(page.pk): page.get_admin_display_title() for page in pages}


def rows_to_review(states) -> list[Row]:
    titles = _titles(state.workflow_state.object_id for state in states)
    return [
        Row(
            titles.get(state.workflow_state.object_id, ""),
            _edit_url(state.workflow_state.object_id),
            state.task.name,
            state.started_at,
        )
        for state in states
    ]


def rows_returned(states) -> list[Row]:
    titles = _titles(state.object_id for state in states)
    rows = []
    for state in states:
        task_state = state.current_task_state
        note = f"{task_state.task.name}：{task_state.comment}" if task_state else ""
        when = task_state.finished_at if task_state else None
        rows.append(Row(titles.get(state.object_id, ""), _edit_url(state.object_id), note, when))
    return rows


def rows_scheduled(revisions) -> list[Row]:
    titles = _titles(revision.object_id for revision in revisions)
    return [
        Row(titles.get(r.object_id, ""), _edit_url(r.object_id), "", r.approved_go_live_at)
        for r in revisions
    ]


def rows_expiring(documents) -> list[Row]:
    return [Row(d.get_admin_display_title(), _edit_url(d.pk), "", d.expire_at) for d in documents]


def summary(user) -> list[dict]:
    """The panel's four sections: label, count and the first ``SHOWN`` rows."""
    from django.utils.translation import gettext as _

    sections = [
        ("to-review", _("待我审核"), to_review(user), rows_to_review),
        ("returned", _("退回给我"), returned_to(user), rows_returned),
        ("scheduled", _("定时发布"), scheduled(user), rows_scheduled),
        ("expiring", _("即将到期（7日内下线）"), expiring(user), rows_expiring),
    ]
    return [
        {"key": key, "label": label, "count": items.count(), "rows": rows(list(items[:SHOWN]))}
        for key, label, items, rows in sections
    ]
