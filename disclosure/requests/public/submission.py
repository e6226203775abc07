"""Writing an online application: the request, its applicant and the first timeline step,
all or nothing; and what the applicant may see of it again (masked)."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ...models import DisclosureDocumentPage, InformationRequest
from ...models.requests import RequestApplicant
from ...models.workdays import workday_calendar
from ...visibility import public_pages
from ..receipt import earliest_confirmation_date
from ..workflow import QUERY_CODE_ALPHABET, QUERY_CODE_LENGTH, new_query_code, record_submission
from .forms import APPLICANT_FIELDS


def confirmation_date(submitted_at: datetime.datetime) -> datetime.date:
    """收到申请之日 of an online application (Art. 31(3)): the receipt page is the organ's
    confirmation, given on the submission day in working hours, else the next working day."""
    return earliest_confirmation_date(submitted_at, workday_calendar())


def create_request(form, submitted_at: datetime.datetime | None = None) -> InformationRequest:
    """Save a valid ``ApplicationForm``; a new 查询码 on the (unlikely) collision."""
    data = form.cleaned_data
    submitted_at = submitted_at or timezone.now()
    for _attempt in range(5):
        code = new_query_code()
        try:
            with transaction.atomic():
                request = InformationRequest.objects.create(
                    unit=data["unit"],
                    received_date=confirmation_date(submitted_at),
                    channel=InformationRequest.Channel.ONLINE,
                    applicant_type=form.applicant_type,
                    subject=data["subject"],
                    query_code=code,
                    submitted_at=submitted_at,
                    document_reference=data["document_reference"],
                    purpose=data["purpose"],
                    carrier=data["carrier"],
                    delivery_method=data["delivery_method"],
                )
                RequestApplicant.objects.create(
                    request=request, **{name: data[name] for name in APPLICANT_FIELDS}
                )
                record_submission(request, title=_("网上提交申请"))
                return request
        except IntegrityError:
            if not InformationRequest.objects.filter(query_code=code).exists():
                raise
    raise IntegrityError("no free query code")


def normalize_code(code: str) -> str:
    return "".join((code or "").split()).upper()[:16]


def find_by_code(code: str) -> InformationRequest | None:
    code = normalize_code(code)
    # Nothing else is a code, nor reaches the database (PostgreSQL refuses a NUL in a query).
    if len(code) != QUERY_CODE_LENGTH or not set(code) <= set(QUERY_CODE_ALPHABET):
        return None
    return (
        InformationRequest.objects.select_related("unit", "applicant")
        .filter(query_code=code, channel=InformationRequest.Channel.ONLINE)
        .first()
    )


def mask_name(name: str) -> str:
    """张三 → 张*: the first character only, for a page reached with the code alone."""
    name = (name or "").strip()
    return name[:1] + "*" * min(max(len(name) - 1, 1), 6) if name else ""


def mask_id(number: str) -> str:
    """110105********002X: enough for the applicant to recognise, not to reuse."""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def normalize_reference(text: str) -> str:
    """区政发[2024]3号 and 区政发（2024）3号 as the catalogue writes them: 区政发〔2024〕3号."""
    text = "".join((text or "").split())
    for opening in "[［(（【":
        text = text.replace(opening, "〔")
    for closing in "]］)）】":
        text = text.replace(closing, "〕")
    return text


def public_documents_matching(reference: str, limit: int = 5):
    """Public documents whose 文号 or 索引号 is ``reference`` (nothing that is not public)."""
    raw = "".join((reference or "").split())
    if not raw:
        return []
    documents = DisclosureDocumentPage.objects.filter(
        Q(doc_number=normalize_reference(raw)) | Q(index_no=raw)
    )
    return list(public_pages(documents).order_by("-first_published_at")[:limit])
