"""Uploaded images and renditions under MEDIA_URL, when the portal serves them itself."""

from __future__ import annotations

import mimetypes
import posixpath

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.views.static import serve


def serve_media(request: HttpRequest, path: str) -> HttpResponse:
    """A file of the default storage (never ``documents/``: those pass the visibility check
    of ``/documents/``). Local files as Django's static view serves them; files in object
    storage are streamed from the bucket, so that pages never carry the bucket's signed,
    expiring URLs (which the page cache would outlive and the CSP would block)."""
    clean = posixpath.normpath(path)
    if clean != path or clean.startswith(("../", "/", "documents/")) or clean in (".", ".."):
        raise Http404
    try:
        default_storage.path(path)
    except NotImplementedError:  # no local paths: object storage
        pass
    else:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    try:
        size = default_storage.size(path)  # one HEAD request; a missing object raises
    except FileNotFoundError:
        raise Http404 from None
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(default_storage.open(path), content_type=content_type)
    response["Content-Length"] = size
    # stored names never change content (no overwrite); images are public like the pages
    response["Cache-Control"] = "public, max-age=3600"
    response["Content-Security-Policy"] = "default-src 'none'"  # an SVG runs no script
    return response
