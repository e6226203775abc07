"""What happens when the review chain approves: the document is published (or scheduled,
when it has a go-live time) — the chain's approval is the authority to publish.

Set ``WAGTAIL_FINISH_WORKFLOW_ACTION = "disclosure.review.publishing.publish_approved"`` and
``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True`` (a system check says when either is
missing): with the second, a change after any approval sends the chain round again, so the
latest revision is the one every step, 保密审查 included, approved.
"""

from __future__ import annotations

from django.conf import settings
from django.core import checks
from django.utils.translation import gettext_lazy as _

FINISH_ACTION = "disclosure.review.publishing.publish_approved"


def publish_approved(workflow_state, user=None) -> None:
    """Publish the approved revision. Wagtail's own action asks the final approver for the
    right to publish anywhere in the tree; a unit's 签发 only has it through the chain."""
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)


@checks.register()
def check_review_settings(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    problems = []
    if getattr(settings, "WAGTAIL_FINISH_WORKFLOW_ACTION", None) != FINISH_ACTION:
        problems.append(
            checks.Warning(
                _("审核流程通过后须由 %(action)s 发布，签发人才无需全站发布权限。")
                % {"action": FINISH_ACTION},
                hint=f'WAGTAIL_FINISH_WORKFLOW_ACTION = "{FINISH_ACTION}"',
                id="disclosure.W201",
            )
        )
    if not getattr(settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False):
        problems.append(
            checks.Warning(
                _("审核通过后再修改的内容未经重新审核即可发布（保密审查失效）。"),
                hint="WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True",
                id="disclosure.W202",
            )
        )
    return problems
