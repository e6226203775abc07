"""The storage of uploaded files when they live in S3-compatible object storage."""

from __future__ import annotations

from typing import Any

from botocore.config import Config
from django.conf import settings as django_settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class S3MediaStorage(S3Storage):
    """django-storages' S3 storage, made to work with S3-compatible servers.

    boto3 (since 1.36) adds CRC32 checksum headers to every upload by default, which
    S3-compatible servers that predate them answer with "not implemented" (S3Proxy 2.6 does):
    checksums only where S3 requires them. Short connect timeouts, so that a storage outage
    fails a request (and /healthz) quickly instead of holding a worker.

    A file's URL is the portal's own (MEDIA_URL), never the bucket's: images and renditions
    are streamed by ``disclosure_portal.views.serve_media`` (PORTAL_SERVE_MEDIA), documents by
    Wagtail's ``/documents/`` view after the visibility check. The bucket stays private and
    needs to be reachable from the app servers only.

    Only plain options, never a botocore ``Config``, may be passed in: Wagtail deletes a
    document's file in a task that receives the storage's constructor arguments as JSON.
    """

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        self.client_config = self.client_config.merge(
            Config(
                request_checksum_calculation="when_required",
                response_checksum_validation="when_required",
                connect_timeout=5,
                read_timeout=60,
                retries={"max_attempts": 3, "mode": "standard"},
            )
        )

    def url(self, name: str, parameters=None, expire=None, http_method=None) -> str:
        return django_settings.MEDIA_URL + filepath_to_uri(name).lstrip("/")
