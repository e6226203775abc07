"""Small HTTP load helpers (stdlib only): latency, throughput and a gunicorn context manager.

Used by ``bench/bakerydemo.py``; any benchmark can import it. Everything talks to 127.0.0.1.
An error is a response with status >= 500 or no answer at all (refused, reset, timeout); the
warm-up requests must answer 200, so that a redirect or a 404 is never measured by mistake.
Latencies are those of the answered requests; percentiles as in ``bench_load.py``.
"""

from __future__ import annotations

import http.client
import os
import socket
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager

TIMEOUT = 30.0
WARM_UP = 10


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``values`` lie (nearest rank, as bench_load.py)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _connect(base_url: str) -> http.client.HTTPConnection:
    parts = urllib.parse.urlsplit(base_url)
    return http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=TIMEOUT)


def _get(connection: http.client.HTTPConnection, path: str) -> tuple[int | None, float]:
    """One GET on a kept-alive connection: (status or None if no answer, seconds)."""
    started = time.perf_counter()
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        status: int | None = response.status
    except (OSError, http.client.HTTPException):
        connection.close()  # the next request opens a new connection
        status = None
    return status, time.perf_counter() - started


def _is_error(status: int | None) -> bool:
    """No answer, or a server error."""
    return status is None or status >= 500


def _warm_up(connection: http.client.HTTPConnection, path: str, requests: int) -> None:
    """Send ``requests`` GETs that are not measured; each must answer 200."""
    for _ in range(requests):
        status, _seconds = _get(connection, path)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status} during warm-up, expected 200")


def _summary(times: list[float]) -> dict[str, float | None]:
    if not times:
        return {"median_ms": None, "p95_ms": None}
    return {
        "median_ms": round(statistics.median(times) * 1000, 2),
        "p95_ms": round(percentile(times, 0.95) * 1000, 2),
    }


def measure_latency(base_url: str, path: str, requests: int = 200) -> dict:
    """Sequential GETs of ``path`` on one keep-alive connection, after 10 warm-up requests.

    Returns ``{"path", "requests", "median_ms", "p95_ms", "errors"}``.
    """
    connection = _connect(base_url)
    try:
        _warm_up(connection, path, WARM_UP)
        results = [_get(connection, path) for _ in range(requests)]
    finally:
        connection.close()
    times = [duration for status, duration in results if not _is_error(status)]
    return {"path": path, "requests": requests, **_summary(times), "errors": requests - len(times)}


def measure_throughput(base_url: str, path: str, seconds: float = 15, concurrency: int = 8) -> dict:
    """``concurrency`` threads GET ``path`` in a loop for ``seconds``, each on its own connection.

    Starts with 10 warm-up requests (not counted). ``requests`` counts every request sent;
    ``requests_per_second`` counts only those without error. Returns ``{"path", "seconds",
    "requests", "requests_per_second", "errors", "median_ms", "p95_ms"}``.
    """
    warm = _connect(base_url)
    try:
        _warm_up(warm, path, WARM_UP)
    finally:
        warm.close()
    results: list[tuple[int | None, float]] = []  # list.append is atomic: no lock needed

    def client(stop: float) -> None:
        connection = _connect(base_url)
        try:
            while time.perf_counter() < stop:
                results.append(_get(connection, path))
        finally:
            connection.close()

    started = time.perf_counter()
    threads = [
        threading.Thread(target=client, args=(started + seconds,)) for _ in range(concurrency)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    times = [duration for status, duration in results if not _is_error(status)]
    return {
        "path": path,
        "seconds": round(elapsed, 2),
        "requests": len(results),
        "requests_per_second": round(len(times) / elapsed, 1),
        "errors": len(results) - len(times),
        **_summary(times),
    }


def _wait_until_up(process: subprocess.Popen, port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {process.returncode}")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
        try:
            connection.request("GET", "/")
            if connection.getresponse().status < 500:
                return
        except (OSError, http.client.HTTPException):
            pass
        finally:
            connection.close()
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer on port {port} within {timeout:g} s")


@contextmanager
def start_gunicorn(
    python: str,
    cwd: str,
    wsgi: str,
    port: int,
    env: dict,
    workers: int = 2,
    threads: int = 1,
) -> Iterator[str]:
    """Run ``python -m gunicorn wsgi`` on 127.0.0.1:``port``; yields the base URL.

    The server's environment is exactly ``env``. Waits until "/" answers below 500 (at most
    120 s), and terminates gunicorn on exit. Its output goes to a temporary file whose tail is
    included in the error if it does not come up.
    """
    command = [python, "-m", "gunicorn", wsgi, "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--threads", str(threads)]
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=log)
        try:
            try:
                _wait_until_up(process, port, timeout=120)
            except RuntimeError as error:
                log.seek(0)
                tail = "".join(log.readlines()[-20:])
                raise RuntimeError(f"{error}; its output ended with:\n{tail}") from error
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def minimal_env(**variables: str) -> dict[str, str]:
    """PATH, HOME, locale and TMPDIR from this process, plus ``variables``; nothing else leaks."""
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")
    return {**{k: os.environ[k] for k in keep if k in os.environ}, **variables}
