"""The public catalogue download (政府信息公开目录) as CSV or XLSX.

Only what anonymous visitors may see (``listing.public_documents``: live, no view restriction,
not expired) and only catalogue fields (``exporting.PUBLIC_HEADERS``) — never a body. Served
from a file written again only when the catalogue changed (``catalogue_files``).
"""

from urllib.parse import quote

from django.http import FileResponse, Http404, HttpRequest, HttpResponseBase
from django.utils import timezone
from django.views.decorators.http import require_GET
from wagtail.models import Site

from .catalogue_files import current_file

FILENAME = "政府信息公开目录"
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _disposition(extension: str) -> str:
    name = f"{FILENAME}-{timezone.localdate():%Y%m%d}.{extension}"
    return f"attachment; filename=\"catalogue.{extension}\"; filename*=UTF-8''{quote(name)}"


@require_GET
def catalogue_download(request: HttpRequest, extension: str) -> HttpResponseBase:
    if extension not in CONTENT_TYPES:
        raise Http404
    site = Site.find_for_request(request)  # the links are this site's
    path = current_file(extension, site.pk if site else None)
    response = FileResponse(open(path, "rb"), content_type=CONTENT_TYPES[extension])  # noqa: SIM115
    response["Content-Disposition"] = _disposition(extension)
    response["Cache-Control"] = "no-cache"  # the file is cheap now; a purge must reach readers
    return response
