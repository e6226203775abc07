"""The public request views: apply, receipt (HTML and PDF), status, 补正 and 撤回.

Every response is ``never_cache`` (private, no-store): the page cache and any proxy keep
none of them. The receipt shows the applicant's data only in the session that submitted;
the status page, reached with the 查询码 alone, shows the masked name and what the
applicant asked, never the identity document or contact details.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ...models.requests import RequestStatus
from ..staff import actions
from ..workflow import TransitionError, allowed_transitions, clock_for
from . import antispam, ratelimits
from .forms import ApplicationForm, SupplementForm, WithdrawForm
from .receipt_pdf import receipt_notes, receipt_rows
from .receipt_pdf import receipt_pdf as render_receipt_pdf
from .submission import (
    confirmation_date,
    create_request,
    find_by_code,
    mask_id,
    mask_name,
    normalize_code,
    public_documents_matching,
)
from .uploads import store_supplement

SESSION_KEY = "disclosure_apply_receipts"
TEMPLATES = "disclosure/requests/"
TOO_MANY = gettext_lazy("提交次数过多，请稍后再试。如需帮助，请拨打受理机关的咨询电话。")


@never_cache
def apply(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _submit(request)
    initial = {"challenge": antispam.new_challenge()}
    if (unit := request.GET.get("unit", "")).isascii() and unit.isdigit():
        initial["unit"] = unit
    return _render_form(request, ApplicationForm(initial=initial))


def _render_form(request, form, status: int = 200, **extra) -> HttpResponse:
    context = {"form": form, **extra}
    return render(request, TEMPLATES + "apply.html", context, status=status)


def _submit(request: HttpRequest) -> HttpResponse:
    data = request.POST.copy()
    token = antispam.read_challenge(data.get("challenge", ""))
    started = token["t"] if token else None
    if data.get("action") == "check":
        # the catalogue look-up: no validation, everything typed comes back as it was
        initial = {**data.dict(), "challenge": antispam.new_challenge(started), "answer": ""}
        matches = public_documents_matching(data.get("document_reference", ""))
        return _render_form(
            request, ApplicationForm(initial=initial), checked=True, matches=matches
        )
    form = ApplicationForm(data)
    valid = form.is_valid()
    status, problem = 200, None
    if ratelimits.ip_limited(request, "ip"):
        status, problem = 429, TOO_MANY
    else:
        problem = antispam.check(
            data.get("challenge", ""), data.get("answer", ""), data.get("website", "")
        )
    if valid and problem is None:
        if ratelimits.identity_limited(request, form.cleaned_data["id_number"]):
            status, problem = 429, TOO_MANY
        else:
            info_request = create_request(form)
            codes = request.session.get(SESSION_KEY, [])[-9:]
            request.session[SESSION_KEY] = [*codes, info_request.query_code]
            return redirect("disclosure:apply_receipt", code=info_request.query_code)
    if problem:
        form.add_error(None, problem)
    # a new question for the next try; the first display time stays
    data["challenge"], data["answer"] = antispam.new_challenge(started), ""
    form.data = data
    return _render_form(request, form, status=status)


def _own_request(request: HttpRequest, code: str):
    """The request of ``code`` if this session submitted it, else None."""
    code = normalize_code(code)
    if code not in request.session.get(SESSION_KEY, []):
        return None
    return find_by_code(code)


def _status_url(code: str) -> str:
    return reverse("disclosure:apply_status") + "?" + urlencode({"code": normalize_code(code)})


def receipt_context(info_request) -> dict:
    applicant = info_request.applicant
    submitted = timezone.localtime(info_request.submitted_at)
    return {
        "info_request": info_request,
        "applicant": applicant,
        "masked_id": mask_id(applicant.id_number),
        "submitted": submitted,
        "deferred": info_request.received_date != submitted.date(),
        "deadline": clock_for(info_request).deadline,
    }


@never_cache
def receipt(request: HttpRequest, code: str) -> HttpResponse:
    info_request = _own_request(request, code)
    if info_request is None:
        return redirect(_status_url(code))
    context = receipt_context(info_request)
    context |= {
        "rows": receipt_rows(context),
        "notes": receipt_notes(context),
        "status_url": _status_url(code),
    }
    return render(request, TEMPLATES + "receipt.html", context)


@never_cache
def receipt_pdf(request: HttpRequest, code: str) -> HttpResponse:
    info_request = _own_request(request, code)
    if info_request is None:
        return redirect(_status_url(code))
    response = HttpResponse(
        render_receipt_pdf(receipt_context(info_request)), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="receipt-{info_request.query_code}.pdf"'
    )
    return response


@never_cache
def status(request: HttpRequest) -> HttpResponse:
    return _render_status(request, request.GET.get("code", ""))


@never_cache
def status_file(request: HttpRequest, document_id: int) -> HttpResponse:
    """A letter or file sent to the applicant, to whoever holds the request's 查询码."""

    if ratelimits.ip_limited(request, "lookup"):
        return _render_status(request, "", status=429, error=TOO_MANY, lookup=False)
    info_request = find_by_code(request.GET.get("code", ""))
    if info_request is None:
        raise Http404
    document = get_object_or_404(sent_documents(info_request), pk=document_id, request=info_request)
    response = FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.filename
    )
    response["Cache-Control"] = "private, no-store"
    return response


def sent_documents(info_request):
    """What was sent to the applicant: letters, notices and attachments, not staff papers
    and not the applicant's own 补正 files (identity papers are never served by 查询码)."""
    from ...models import RequestDocument

    kinds = [RequestDocument.Kind.OTHER, RequestDocument.Kind.APPLICANT_SUPPLEMENT]
    return info_request.documents.exclude(kind__in=kinds).order_by("pk")


def applicant_documents(info_request):
    """The files the applicant sent with an online 补正: listed by name only."""
    from ...models import RequestDocument

    kind = RequestDocument.Kind.APPLICANT_SUPPLEMENT
    return info_request.documents.filter(kind=kind).order_by("pk")


def _render_status(
    request, code: str, status: int = 200, error=None, lookup: bool = True, **forms_
) -> HttpResponse:
    """The status page; ``lookup`` False when the address is over its limit."""
    context = {"code": normalize_code(code)[:16], "error": error}
    if code and lookup:
        if ratelimits.ip_limited(request, "lookup"):
            context["error"], status = TOO_MANY, 429
        elif (info_request := find_by_code(code)) is None:
            context["error"] = _("未找到该查询码对应的申请，请核对后重新输入。")
        else:
            context |= _status_context(info_request, **forms_)
    return render(request, TEMPLATES + "status.html", context, status=status)


def _status_context(info_request, supplement_form=None, withdraw_form=None) -> dict:
    code = info_request.query_code
    closed = info_request.status in (
        RequestStatus.REPLIED,
        RequestStatus.WITHDRAWN,
        RequestStatus.ARCHIVED,
        RequestStatus.NOT_ACCEPTED,
    )
    can_supplement = info_request.status == RequestStatus.AWAITING_SUPPLEMENT
    can_withdraw = RequestStatus.WITHDRAWN in allowed_transitions(info_request.status)
    return {
        "info_request": info_request,
        "masked_name": mask_name(info_request.applicant.name),
        "events": info_request.events.filter(public=True),
        "documents": sent_documents(info_request),
        "own_documents": applicant_documents(info_request),
        "deadline": None if closed else info_request.deadline,
        "supplement_form": (supplement_form or SupplementForm(initial={"code": code}))
        if can_supplement
        else None,
        "withdraw_form": (withdraw_form or WithdrawForm(initial={"code": code}))
        if can_withdraw
        else None,
    }


def _applicant_step(request: HttpRequest, form_class, form_name: str, act) -> HttpResponse:
    """补正 or 撤回 posted from the status page: ``act(info_request, cleaned_data)`` makes
    the step and returns None, or a Chinese reason it cannot be made."""
    form = form_class(request.POST, request.FILES)
    code = request.POST.get("code", "")
    if ratelimits.ip_limited(request, "ip"):
        return _render_status(request, code, status=429, error=TOO_MANY, lookup=False)
    info_request = find_by_code(code)
    if info_request is None or not form.is_valid():
        return _render_status(request, code, **{form_name: form})
    try:
        problem = act(info_request, form.cleaned_data)
    except TransitionError as error:
        problem = str(error)
    except ValidationError as error:
        problem = "；".join(error.messages)
    if problem:
        # what was typed comes back; the files cannot (the message says so)
        if request.FILES:
            problem = f"{problem}{_('已选择的文件没有保存，请重新选择文件。')}"
        return _render_status(request, code, error=problem, **{form_name: form})
    return redirect(_status_url(code))


def _supplement(info_request, data: dict) -> str | None:
    if info_request.status != RequestStatus.AWAITING_SUPPLEMENT:
        return _("该申请当前不需要补正。")
    # the supplemented request's date of receipt restarts the reply period (Art. 30); the
    # staff's own step checks the dates, so both channels keep one rule
    received_on = confirmation_date(timezone.now())
    # the files and the step together or neither (uploads.store_supplement)
    store_supplement(
        info_request,
        data.get("attachments") or [],
        lambda: actions.receive_supplement(
            info_request, user=None, received_on=received_on, note=data["text"]
        ),
    )
    return None


def _withdraw(info_request, data: dict) -> str | None:
    # closed as （六）3 其他 like a withdrawal recorded by staff; never before the date of
    # receipt (an application sent after hours is received the next working day)
    closed_on = max(timezone.localdate(), info_request.received_date)
    note = _("申请人通过网上办理查询页面撤回申请。")
    actions.withdraw(info_request, user=None, closed_on=closed_on, note=note)
    return None


@never_cache
@require_POST
def supplement(request: HttpRequest) -> HttpResponse:
    return _applicant_step(request, SupplementForm, "supplement_form", _supplement)


@never_cache
@require_POST
def withdraw(request: HttpRequest) -> HttpResponse:
    return _applicant_step(request, WithdrawForm, "withdraw_form", _withdraw)
