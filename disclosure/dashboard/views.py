"""Admin views: 栏目更新监测 with its exports, and the full catalogue download."""

from __future__ import annotations

import tempfile
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from ..exporting import catalog_rows, csv_lines, live_documents, write_xlsx
from ..unit_access import is_webmaster
from . import heartbeat, summary, tables
from .forms import MonitoringFilterForm

FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def webmaster_required(view):
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not is_webmaster(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def download(rows: list[list[str]] | object, extension: str, name: str, sheet: str):
    """A CSV (streamed, UTF-8 with BOM) or XLSX attachment of ``rows``."""
    filename = f"{name}-{timezone.localdate():%Y%m%d}.{extension}"
    if extension == "csv":
        response = StreamingHttpResponse(csv_lines(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(True, filename)
        return response
    # spooled: a catalogue of 100,000 documents is tens of megabytes
    target = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)  # noqa: SIM115 - FileResponse closes it
    write_xlsx(rows, target, title=sheet[:31])
    target.seek(0)
    return FileResponse(target, as_attachment=True, filename=filename, content_type=XLSX_TYPE)


@webmaster_required
def monitoring_view(request: HttpRequest) -> HttpResponse:
    form = MonitoringFilterForm(request.GET or None)
    filters = form.filters()
    report = summary.cached_report(unit=filters["unit"], threshold_days=filters["days"])
    query = {"days": filters["days"]}
    if filters["problems"]:
        query["problems"] = "on"
    if filters["unit"] is not None:
        query["unit"] = filters["unit"].pk
    table_list = [
        tables.column_table(report, filters["problems"]),
        tables.unit_table(
            report, filters["problems"], {k: v for k, v in query.items() if k != "unit"}
        ),
        tables.review_table(report),
    ]
    export_table, extension = request.GET.get("export"), request.GET.get("format")
    if form.is_bound and form.is_valid() and extension in FORMATS:
        chosen = next((t for t in table_list if t.key == export_table), None)
        if chosen is not None:
            name = _("栏目更新监测-%(table)s") % {"table": chosen.title}
            return download(chosen.export_rows, extension, name, chosen.title)
    context = {
        "form": form,
        "report": report,
        "tables": table_list,
        "query": query,
        "heartbeat": heartbeat.status(),
        "stale_minutes": int(heartbeat.STALE_AFTER.total_seconds() // 60),
        "formats": FORMATS,
    }
    return TemplateResponse(request, "disclosure/dashboard/monitoring.html", context)


@webmaster_required
def catalogue_export(request: HttpRequest, extension: str) -> HttpResponse:
    """Every live document in the import's columns, as ``export_catalog`` writes it."""
    if extension not in FORMATS:
        raise Http404
    return download(catalog_rows(live_documents()), extension, _("政府信息公开目录"), _("目录"))
