"""The public catalogue download (政府信息公开目录) as CSV or XLSX.

Only what anonymous visitors may see (``listing.public_documents``: live, no view restriction,
not expired) and only catalogue fields (``exporting.PUBLIC_HEADERS``) — never a body.
"""

import tempfile
from urllib.parse import quote

from django.http import FileResponse, Http404, HttpRequest, HttpResponseBase, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from .exporting import csv_lines, public_catalog_rows, write_xlsx
from .listing import public_documents

FILENAME = "政府信息公开目录"


def _disposition(extension: str) -> str:
    name = f"{FILENAME}-{timezone.localdate():%Y%m%d}.{extension}"
    return f"attachment; filename=\"catalogue.{extension}\"; filename*=UTF-8''{quote(name)}"


@require_GET
def catalogue_download(request: HttpRequest, extension: str) -> HttpResponseBase:
    rows = public_catalog_rows(public_documents(), request)
    if extension == "csv":
        response = StreamingHttpResponse(
            (line.encode("utf-8") for line in csv_lines(rows)),
            content_type="text/csv; charset=utf-8",
        )
    elif extension == "xlsx":
        handle = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
        write_xlsx(rows, handle)
        handle.seek(0)
        response = FileResponse(
            handle,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = _disposition(extension)
    response["Cache-Control"] = "public, max-age=300"
    return response
