"""Uploaded files in S3-compatible object storage, shared by every app server.

The settings (``base.py``) call :func:`s3_storage` with the process environment when
``AWS_STORAGE_BUCKET_NAME`` is set; the tests call it with their own bucket, so that what
they check is the production configuration. The storage class is ``disclosure_portal.media``
(not imported here: the settings need not load boto3 when there is no bucket).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Files of at most this size are read into memory when served; larger ones spill to a
# temporary file (django-storages' default, 0, would hold a 50 MB attachment in memory).
MAX_MEMORY_SIZE = 2 * 1024 * 1024


def s3_storage(env: Mapping[str, str]) -> dict[str, Any]:
    """The ``STORAGES["default"]`` entry for the bucket that ``env`` describes.

    ``env`` keys: ``AWS_STORAGE_BUCKET_NAME`` (required), ``AWS_S3_ENDPOINT_URL`` (the
    server, e.g. ``https://s3.gov.example:9000``; AWS itself when empty),
    ``AWS_S3_REGION_NAME`` (default ``us-east-1``, which S3-compatible servers accept),
    ``AWS_LOCATION`` (a key prefix inside the bucket, default none).

    The key pair is not among the options: django-storages reads ``AWS_ACCESS_KEY_ID`` and
    ``AWS_SECRET_ACCESS_KEY`` from the settings or the environment itself (else boto3's own
    credential chain), and the options travel as task arguments (``media.py``).
    """
    options: dict[str, Any] = {
        "bucket_name": env["AWS_STORAGE_BUCKET_NAME"],
        "endpoint_url": env.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": env.get("AWS_S3_REGION_NAME") or "us-east-1",
        "location": env.get("AWS_LOCATION", "").strip("/"),
        # The bucket is private: no ACL is sent (many servers refuse ACLs), and any URL
        # the storage hands out is signed and expires. Documents never use those URLs:
        # WAGTAILDOCS_SERVE_METHOD = "serve_view" streams them through the portal after
        # its visibility check.
        "default_acl": None,
        "querystring_auth": True,
        # Two uploads with one name get two objects, as on the local disk; never replace
        # the file an older document (or revision) still points at.
        "file_overwrite": False,
        "max_memory_size": MAX_MEMORY_SIZE,
        # Path-style addressing (http://host/bucket/key) needs no wildcard DNS for bucket
        # sub-domains, which S3-compatible servers on a closed network rarely have.
        "addressing_style": "path",
        "signature_version": "s3v4",
    }
    return {"BACKEND": "disclosure_portal.media.S3MediaStorage", "OPTIONS": options}
