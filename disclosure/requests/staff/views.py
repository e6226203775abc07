"""信息公开 → 依申请公开办理: the list of requests, a request's page and its steps.

Only the receiving unit's handlers (``UnitRole.HANDLER``) and the webmasters see a request
at all: the others get 403 on the list and 404 on a request (no hint that it exists).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ...models import RequestDocument, RequestStatus, UnitRole, workday_calendar
from ...unit_access import user_units
from ..workflow import clock_for
from .queries import filter_attention, visible_requests
from .steps import STEPS, available_steps

PER_PAGE = 50
DUE_FILTERS = [
    ("due_soon", "5个工作日内到期"),
    ("overdue", "已超期"),
    ("paused", "暂停计时"),
]


def require_handler(user) -> None:
    if not user_units(user, UnitRole.HANDLER).exists():
        raise PermissionDenied


def _request_or_404(user, pk: int):
    return get_object_or_404(visible_requests(user).select_related("unit"), pk=pk)


def request_list(request: HttpRequest) -> HttpResponse:
    require_handler(request.user)
    today = timezone.localdate()
    units = user_units(request.user, UnitRole.HANDLER).order_by("sort_order", "name")
    rows = visible_requests(request.user).select_related("unit")
    chosen = {key: request.GET.get(key, "") for key in ("status", "unit", "due")}
    if chosen["status"] in RequestStatus.values:
        rows = rows.filter(status=chosen["status"])
    else:
        chosen["status"] = ""
    if (
        chosen["unit"].isascii()
        and chosen["unit"].isdigit()
        and units.filter(pk=int(chosen["unit"])).exists()
    ):
        rows = rows.filter(unit_id=int(chosen["unit"]))
    else:
        chosen["unit"] = ""
    if chosen["due"] in dict(DUE_FILTERS):
        rows = filter_attention(rows, chosen["due"], today).order_by("deadline", "pk")
    else:
        chosen["due"] = ""
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("p"))
    calendar = workday_calendar()
    for row in page:
        row.days_left = (
            calendar.workdays_between(today, row.deadline)
            if row.deadline and row.closed_date is None
            else None
        )
    return TemplateResponse(
        request,
        "disclosure/admin/requests/list.html",
        {
            "page": page,
            "units": units,
            "statuses": RequestStatus.choices,
            "due_filters": [(k, _(label)) for k, label in DUE_FILTERS],
            "chosen": chosen,
        },
    )


def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    row = _request_or_404(request.user, pk)
    today = timezone.localdate()
    clock = clock_for(row)
    is_open = row.closed_date is None
    return TemplateResponse(
        request,
        "disclosure/admin/requests/detail.html",
        {
            "row": row,
            "applicant": getattr(row, "applicant", None),
            "events": row.events.select_related("actor"),
            "pauses": row.pauses.all(),
            "documents": row.documents.all(),
            "clock": clock,
            "is_open": is_open,
            "days_left": clock.workdays_left(today) if is_open else None,
            "clock_state": clock.state(today) if is_open else None,
            "provisional_years": "、".join(map(str, clock.provisional_years)),
            "steps": available_steps(row.status),
        },
    )


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def request_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    row = _request_or_404(request.user, pk)
    if (action := STEPS.get(step)) is None:
        raise Http404
    detail_url = reverse("disclosure_requests:detail", args=[row.pk])
    if not action.allowed_from(row.status):
        messages.error(
            request,
            _("申请当前为“%(current)s”，不能办理“%(step)s”。")
            % {"current": RequestStatus(row.status).label, "step": action.label},
        )
        return redirect(detail_url)
    posted = request.method == "POST"
    form = action.form(request.POST, request.FILES) if posted else action.form()
    if posted and form.is_valid():
        try:
            action.perform(row, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
            row = _request_or_404(request.user, pk)  # the failed step changed nothing
        else:
            messages.success(request, _("已办理：%(step)s。") % {"step": action.label})
            return redirect(detail_url)
    return TemplateResponse(
        request,
        "disclosure/admin/requests/step.html",
        {"row": row, "step": action, "form": form, "detail_url": detail_url},
    )


def request_file(request: HttpRequest, pk: int, document_id: int) -> HttpResponse:
    row = _request_or_404(request.user, pk)
    document = get_object_or_404(RequestDocument, pk=document_id, request=row)
    response = FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.filename
    )
    response["Cache-Control"] = "private, no-store"
    return response
