"""How long an applicant's personal data is kept, and anonymising it after that.

A closed request stays in the register (Table B counts it, an audit reads it), but the
applicant's name, identity number and contact details are needed only while a review or
lawsuit can still follow. ``DISCLOSURE_REQUEST_RETENTION_YEARS`` after the request closed
they are replaced by a placeholder; what the applicant typed online (their 补正 and other
notes in the timeline, the files sent with an online 补正) goes with them.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from ..conf import get_setting
from ..models import InformationRequest, RequestApplicant, RequestDocument, RequestEvent


def retention_cutoff(today: datetime.date | None = None) -> datetime.date:
    """Requests closed before this day are past their retention period."""
    today = today or timezone.localdate()
    years = int(get_setting("DISCLOSURE_REQUEST_RETENTION_YEARS"))
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def due_for_anonymising(today: datetime.date | None = None) -> QuerySet[InformationRequest]:
    """Closed requests past the retention period whose applicant is not yet anonymised."""
    return InformationRequest.objects.filter(
        closed_date__lt=retention_cutoff(today),
        applicant__isnull=False,
        applicant__anonymised_at__isnull=True,
    )


@transaction.atomic
def anonymise(requests: QuerySet[InformationRequest]) -> int:
    """Replace the personal data of ``requests``' applicants; the number anonymised."""
    request_ids = list(requests.values_list("pk", flat=True))
    applicants = RequestApplicant.objects.filter(request_id__in=request_ids)
    changes = {field: "" for field in RequestApplicant.CONTACT_FIELDS}
    count = applicants.update(name=_("（已匿名）"), anonymised_at=timezone.now(), **changes)
    InformationRequest.objects.filter(pk__in=request_ids).update(purpose="")
    # What the applicant wrote themselves online (actor None) may name them.
    RequestEvent.objects.filter(request_id__in=request_ids, actor__isnull=True).update(note="")
    # So may the files they sent with an online 补正 (identity papers): rows and objects go.
    sent = RequestDocument.objects.filter(
        request_id__in=request_ids, kind=RequestDocument.Kind.APPLICANT_SUPPLEMENT
    )
    stored = [document.file for document in sent]
    sent.delete()
    transaction.on_commit(lambda: [file.storage.delete(file.name) for file in stored])
    return count
