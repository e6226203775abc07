"""Writing a 保密审查 record and moving the chain on from it."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from disclosure.models.review import Conclusion, ConfidentialityReview

from . import forms


@transaction.atomic
def record_review(task_state, user, data: dict) -> None:
    """Keep the review form with the revision it judged, then approve the task (不予公开:
    return the document to its editor with the opinion as the reason)."""
    cleaned = forms.validated(forms.ConfidentialityReviewForm, data)
    page = task_state.workflow_state.content_object.specific
    # The reviewer may have edited before approving: they judged the latest revision.
    revision = page.get_latest_revision() or task_state.revision
    content = revision.content
    review = ConfidentialityReview.objects.create(
        task_state=task_state,
        page_id=page.pk,
        revision=revision,
        title=content.get("title") or page.title,
        index_no=content.get("index_no") or "",
        unit_id=content.get("unit", getattr(page, "unit_id", None)),
        reviewer=user,
        reviewer_name=(user.get_full_name() or user.get_username()) if user else "",
        reviewed_at=timezone.now(),
        conclusion=cleaned["conclusion"],
        legal_basis=cleaned["legal_basis"],
        opinion=cleaned["opinion"],
    )
    if review.conclusion == Conclusion.WITHHELD:
        task_state.reject(user=user, comment=review.summary())
    else:
        task_state.approve(user=user, comment=review.summary())


def fill_index_numbers(sender, instance, **kwargs) -> None:
    """``page_published``: a document gets its 索引号 when first published, after its review;
    the register shows it from then on (at once, or at a scheduled go-live)."""
    if getattr(instance, "index_no", None):
        ConfidentialityReview.objects.filter(page_id=instance.pk, index_no="").update(
            index_no=instance.index_no
        )
