"""A real S3-compatible server for the tests: S3Proxy (scripts/s3proxy/).

The server: ``S3_TEST_URL`` if set (with ``S3_ACCESS_KEY``/``S3_SECRET_KEY``, by default the
script's ``portal-dev``/``portal-dev-secret``); otherwise the tests start it themselves with
scripts/s3proxy/start.sh (``S3_PORT``, default 9500) and stop it at the end. If no server can
be had, the tests fail loudly: they are never skipped. Each test gets a bucket of its own.
"""

from __future__ import annotations

import http.client
import os
import secrets
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from disclosure_portal.storage import s3_storage

REPO = Path(__file__).resolve().parents[1]
SCRIPTS = REPO / "scripts" / "s3proxy"


def _answers(url: str) -> bool:
    """Whether an S3 server answers at ``url`` (it refuses an anonymous GET / with its id)."""
    try:
        with urllib.request.urlopen(url + "/", timeout=5) as response:  # noqa: S310 - local
            headers = response.headers
    except urllib.error.HTTPError as error:
        headers = error.headers
    except (OSError, http.client.HTTPException):  # nothing there, or not HTTP
        return False
    return "x-amz-request-id" in headers


@dataclass(frozen=True)
class S3Server:
    url: str
    access_key: str
    secret_key: str

    def env(self, bucket: str) -> dict[str, str]:
        """The portal's environment variables for ``bucket`` (docs/deployment.md)."""
        return {
            "AWS_STORAGE_BUCKET_NAME": bucket,
            "AWS_S3_ENDPOINT_URL": self.url,
            "AWS_ACCESS_KEY_ID": self.access_key,
            "AWS_SECRET_ACCESS_KEY": self.secret_key,
        }

    def client(self) -> Any:
        """A boto3 client configured as the portal's storage is."""
        from disclosure_portal.media import S3MediaStorage

        options = s3_storage(self.env("unused"))["OPTIONS"]
        storage = S3MediaStorage(**options, access_key=self.access_key, secret_key=self.secret_key)
        return storage.connection.meta.client


@dataclass(frozen=True)
class S3Bucket:
    server: S3Server
    name: str
    client: Any

    def object_keys(self) -> list[str]:
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.name)
        return [item["Key"] for page in pages for item in page.get("Contents", [])]

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def env(self) -> dict[str, str]:
        return self.server.env(self.name)

    def empty_and_delete(self) -> None:
        for key in self.object_keys():
            self.client.delete_object(Bucket=self.name, Key=key)
        self.client.delete_bucket(Bucket=self.name)


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    keys = (
        os.environ.get("S3_ACCESS_KEY", "portal-dev"),
        os.environ.get("S3_SECRET_KEY", "portal-dev-secret"),
    )
    url = os.environ.get("S3_TEST_URL", "").rstrip("/")
    if url:
        if not _answers(url):
            pytest.fail(f"S3_TEST_URL={url} does not answer as an S3 server")
        yield S3Server(url, *keys)
        return
    port = os.environ.get("S3_PORT", "9500")
    url = f"http://127.0.0.1:{port}"
    started_here = not _answers(url)
    if started_here:
        script = SCRIPTS / "start.sh"
        run = subprocess.run(["bash", str(script)], capture_output=True, text=True)  # noqa: S603
        if run.returncode != 0 or not _answers(url):
            pytest.fail(
                "could not start S3Proxy for the S3 storage tests "
                f"({script}, S3_PORT={port}):\n{run.stdout}\n{run.stderr}"
            )
    yield S3Server(url, *keys)
    if started_here:
        subprocess.run(["bash", str(SCRIPTS / "stop.sh")], check=False)  # noqa: S603


@pytest.fixture
def s3_bucket(s3_server: S3Server) -> Iterator[S3Bucket]:
    """An empty bucket of this test's own, deleted with its objects afterwards."""
    name = f"portal-test-{os.getpid()}-{secrets.token_hex(4)}"
    client = s3_server.client()
    client.create_bucket(Bucket=name)
    bucket = S3Bucket(s3_server, name, client)
    yield bucket
    bucket.empty_and_delete()


@pytest.fixture
def s3_media(s3_bucket: S3Bucket, settings) -> S3Bucket:
    """Uploads of this test go to ``s3_bucket``, configured as production configures it."""
    settings.STORAGES = {**settings.STORAGES, "default": s3_storage(s3_bucket.env())}
    settings.AWS_ACCESS_KEY_ID = s3_bucket.server.access_key
    settings.AWS_SECRET_ACCESS_KEY = s3_bucket.server.secret_key
    return s3_bucket
