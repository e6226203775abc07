"""E-mail the people who act on a review step when a document reaches it.

Wagtail tells the members of a ``GroupApprovalTask``'s groups; the chain's steps are acted on by
the document's unit's people in the step's role (``models.review.UnitRoleTask``), so they are
told here, with Wagtail's own templates and each person's notification preference (账号设置 →
通知). Another unit's people are never told: a draft's title is not theirs to read.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier
from wagtail.models import TaskState
from wagtail.signals import task_submitted

from disclosure.unit_access import WEBMASTER_PERMISSION

from . import access


class UnitTaskSubmissionEmailNotifier(GroupApprovalTaskStateSubmissionEmailNotifier):
    def can_handle(self, instance, **kwargs) -> bool:
        from disclosure.models.review import UnitRoleTask

        return isinstance(instance, TaskState) and isinstance(instance.task.specific, UnitRoleTask)

    def get_recipient_users(self, task_state: TaskState, **kwargs) -> QuerySet:
        return step_actors(task_state).exclude(pk=getattr(kwargs.get("user"), "pk", None))


def step_actors(task_state: TaskState) -> QuerySet:
    """The active people who act on ``task_state``'s step: the unit's people in the step's
    role; for a page without a unit, the webmasters. Superusers as Wagtail's
    ``WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS`` says."""
    User = get_user_model()
    task = task_state.task.specific
    unit_id = access.unit_id_of(task_state.workflow_state.content_object)
    if unit_id is None:
        people = User.objects.with_perm(WEBMASTER_PERMISSION, include_superusers=False)
    elif getattr(task, "skips", None) and task.skips(unit_id):
        return User.objects.none()  # the step passes over this unit's documents
    else:
        people = User.objects.filter(
            groups__unit_role__unit_id=unit_id, groups__unit_role__role=task.role
        )
    if getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True):
        people = people | User.objects.filter(is_superuser=True)
    return people.filter(is_active=True).distinct()


notifier = UnitTaskSubmissionEmailNotifier()


def connect() -> None:
    task_submitted.connect(
        notifier, sender=TaskState, dispatch_uid="disclosure_unit_task_submitted_email"
    )
