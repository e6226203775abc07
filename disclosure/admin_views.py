"""信息公开 → 目录导入: upload a catalogue, see the validation and a preview, confirm, follow the
import. The work runs in background tasks (``importing.jobs``); these views only read and
write the job's state."""

from pathlib import Path

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from .importing import limits
from .importing.errors import UnreadableFile
from .importing.fields import header_label
from .importing.jobs import PREVIEW_KEYS, RUNNING_PHASES, ImportJob, run_import, validate_import
from .models import DisclosureUnit
from .permissions.importing import may_import
from .permissions.pages import unit_ids
from .permissions.roles import PUBLISHING_ROLES
from .unit_access import is_webmaster


class UploadForm(forms.Form):
    file = forms.FileField(label=_("目录文件"), help_text=_("CSV（UTF-8 或 GB18030）或 XLSX"))
    create_units = forms.BooleanField(
        label=_("自动创建找不到的发布机构"),
        required=False,
        help_text=_("以临时代码创建，导入后请在“公开单位”中改为正确代码。"),
    )
    unit = forms.ModelChoiceField(
        DisclosureUnit.objects.all(),
        label=_("只导入此单位的信息"),
        required=False,
    )

    def __init__(self, *args, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if user is not None and not is_webmaster(user):
            # a unit's people import only their units' rows, and create no units
            del self.fields["create_units"]
            units = unit_ids(user, PUBLISHING_ROLES)
            self.fields["unit"].queryset = DisclosureUnit.objects.filter(pk__in=units)

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in (".csv", ".xlsx"):
            raise forms.ValidationError(_("只能上传 .csv 或 .xlsx 文件。"))
        try:
            limits.check_size(upload.size)
        except UnreadableFile as problem:
            raise forms.ValidationError(str(problem)) from problem
        return upload


def _require_importer(request) -> None:
    # An import publishes at once: webmasters, and a unit's reviewers and leaders
    if not may_import(request.user):
        raise PermissionDenied


def _job(job_id: str, request: HttpRequest | None = None) -> ImportJob:
    try:
        job = ImportJob(job_id)
    except (FileNotFoundError, ValueError) as exc:
        raise Http404 from exc
    # a unit person sees only their own imports
    mine = request is None or job.state.get("user_id") == request.user.pk
    if not mine and not is_webmaster(request.user):
        raise Http404
    return job


def upload(request: HttpRequest) -> HttpResponse:
    _require_importer(request)
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        job = ImportJob.create(
            form.cleaned_data["file"],
            user=request.user,
            create_units=form.cleaned_data.get("create_units", False),
            unit=form.cleaned_data["unit"],
        )
        validate_import.enqueue(job.id)
        return redirect("disclosure_import:status", job.id)
    return TemplateResponse(request, "disclosure/admin/import_upload.html", {"form": form})


def status(request: HttpRequest, job_id: str) -> HttpResponse:
    _require_importer(request)
    job = _job(job_id, request)
    state = job.state
    progress = state.get("progress") or {}
    percent = None
    if progress.get("total"):
        percent = int(100 * progress["done"] / progress["total"])
    dead = job.is_dead()
    context = {
        "job": job,
        "state": state,
        "dead": dead,
        "running": state["phase"] in RUNNING_PHASES and not dead,
        "percent": percent,
        "preview_headers": [_("行号"), *(header_label(k) for k in PREVIEW_KEYS)],
        "upload_url": reverse("disclosure_import:upload"),
    }
    return TemplateResponse(request, "disclosure/admin/import_status.html", context)


@require_POST
def confirm(request: HttpRequest, job_id: str) -> HttpResponse:
    _require_importer(request)
    job = _job(job_id, request)
    if job.state["phase"] != "validated":
        raise Http404
    job.update(phase="confirmed", progress={"done": 0, "total": job.state["result"]["rows"]})
    run_import.enqueue(job.id)
    return redirect("disclosure_import:status", job.id)


@require_POST
def retry(request: HttpRequest, job_id: str) -> HttpResponse:
    """Start an interrupted step (its worker was killed) again."""
    _require_importer(request)
    job = _job(job_id, request)
    if not job.is_dead():
        raise Http404
    job.retry()
    return redirect("disclosure_import:status", job.id)


def report(request: HttpRequest, job_id: str) -> FileResponse:
    _require_importer(request)
    job = _job(job_id, request)
    if not job.report_path.exists():
        raise Http404
    return FileResponse(
        open(job.report_path, "rb"),  # noqa: SIM115 - FileResponse closes it
        as_attachment=True,
        filename="import-errors.csv",
        content_type="text/csv; charset=utf-8",
    )
