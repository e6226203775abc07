"""Real servers for the tests of several app servers: Redis and gunicorn, on 127.0.0.1."""

from __future__ import annotations

import contextlib
import http.client
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from django.db import connection

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server on port {port} exited with {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listens on port {port}")


@contextlib.contextmanager
def redis_server(directory: Path) -> Iterator[str]:
    """A Debian ``redis-server`` of its own (no persistence), as ``redis://…`` URL."""
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [
            *("redis-server", "--port", str(port), "--bind", "127.0.0.1"),
            *("--save", "", "--appendonly", "no", "--dir", str(directory)),
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def database_url() -> str:
    """The test database, for processes outside the test's."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    return (
        f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST']}:"
        f"{settings['PORT'] or 5432}/{settings['NAME']}"
    )


def production_env(**extra: str) -> dict[str, str]:
    """The production settings over the test database, as an app server would run."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "ELASTICSEARCH", "REDIS", "PORTAL_", "AWS_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="disclosure_portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=database_url(),
    )
    env.update(extra)
    return env


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@contextlib.contextmanager
def app_server(env: dict) -> Iterator[int]:
    """gunicorn serving the portal with ``env``; yields its port."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "disclosure_portal.wsgi", "--workers", "1"]
    command += ["--threads", "4", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=REPO, env=env)  # noqa: S603
    try:
        wait_for_port(port, process)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def get(port: int, path: str, headers: dict | None = None) -> http.client.HTTPResponse:
    connection_ = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection_.request("GET", path, headers=headers or {})
    response = connection_.getresponse()
    response.body = response.read().decode("utf-8", "replace")
    return response
