"""A short load test: mixed public traffic against gunicorn while a catalogue import runs.

Not run in CI (``make bench`` runs it). Bounded and local: everything listens on 127.0.0.1 and
the traffic stops after ``--seconds``. Usage (from the repository root)::

    .venv/bin/python bench/bench_load.py --seconds 60
    .venv/bin/python bench/bench_load.py --seconds 60 \
        --database-url postgres://portal:portal@127.0.0.1:5432/portal_bench

Each run: a fresh database (a temporary SQLite file, or the given PostgreSQL database dropped
and recreated), ``migrate``, ``setup_demo`` (320 documents) and ``collectstatic``; gunicorn
with the production settings (2 workers, 4 threads each); ``--clients`` threads that request
the home page, the index, column pages, document pages, searches (including punctuation-only
and out-of-range parameters), the statistics page, the sitemap and the catalogue CSV in a
fixed random mix; and, after a few seconds, ``import_catalog`` of ``--import-rows`` generated
rows in its own process. Reported: requests, errors (status >= 500 or no answer), the import's
outcome, and p50/p95 per kind of page. The exit status is 1 if any request failed.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_import import manage, recreate_postgres_database, write_file  # noqa: E402

SEARCHES = ["财政", "预算", "政府信息公开", "通知", "教育 招生", "。", "《》", "区政发〔2024〕"]
ODD_PARAMETERS = [{"year_from": "10000"}, {"column": "9" * 30}, {"q": "财政", "year_to": "-1"}]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/")
            if connection.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer")


def discover_urls(port: int) -> dict[str, list[str]]:
    """Column and document URLs of the demo, from the sitemap."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/sitemap.xml")
    sitemap = connection.getresponse().read().decode()
    paths = [urllib.parse.urlsplit(u).path for u in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    documents = [p for p in paths if re.search(r"/[^/]*\d[^/]*/$", p) and p.count("/") > 4]
    columns = [p for p in paths if p.startswith("/zfxxgk/") and p not in documents]
    return {"column": columns, "document": documents}


def request_mix(urls: dict[str, list[str]], rng: random.Random) -> tuple[str, str]:
    kind = rng.choices(
        ["home", "index", "column", "document", "search", "odd", "statistics", "sitemap", "csv"],
        weights=[10, 5, 20, 30, 20, 3, 5, 2, 1],
    )[0]
    if kind == "home":
        return kind, "/"
    if kind == "index":
        return kind, "/zfxxgk/"
    if kind in ("column", "document"):
        return kind, rng.choice(urls[kind])
    if kind == "search":
        return kind, "/search/?" + urllib.parse.urlencode({"q": rng.choice(SEARCHES)})
    if kind == "odd":
        return kind, "/search/?" + urllib.parse.urlencode(rng.choice(ODD_PARAMETERS))
    if kind == "statistics":
        statistics_pages = [u for u in urls["column"] if "statistics" in u or "tongji" in u]
        return kind, rng.choice(statistics_pages or ["/zfxxgk/"])
    if kind == "sitemap":
        return kind, "/sitemap.xml"
    return kind, "/zfxxgk/catalogue.csv"


class Traffic:
    def __init__(self, port: int, urls: dict[str, list[str]], clients: int, seconds: float):
        self.port, self.urls, self.clients, self.seconds = port, urls, clients, seconds
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []
        self.lock = threading.Lock()

    def run(self) -> None:
        stop = time.monotonic() + self.seconds
        threads = [
            threading.Thread(target=self._client, args=(n, stop)) for n in range(self.clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def _client(self, number: int, stop: float) -> None:
        rng = random.Random(number)
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        while time.monotonic() < stop:
            kind, path = request_mix(self.urls, rng)
            started = time.monotonic()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as error:
                status = f"{type(error).__name__}"
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            elapsed = time.monotonic() - started
            with self.lock:
                self.times[kind].append(elapsed)
                if not isinstance(status, int) or status >= 500:
                    self.errors.append(f"{status} {path}")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--import-rows", type=int, default=5000)
    parser.add_argument("--database-url", help="PostgreSQL URL (dropped and recreated)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="disclosure_portal.settings.production")
        env.update(
            SECRET_KEY=secrets.token_urlsafe(60),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            SECURE_SSL_REDIRECT="0",
            STATIC_ROOT=str(tmp / "static"),
            MEDIA_ROOT=str(tmp / "media"),
            DISCLOSURE_IMPORT_DIR=str(tmp / "imports"),
            DATABASE_URL=args.database_url or f"sqlite:///{tmp / 'load.sqlite3'}",
        )
        env.pop("ELASTICSEARCH_URL", None)
        if args.database_url:
            recreate_postgres_database(args.database_url)
        database = "PostgreSQL" if args.database_url else "SQLite"
        print(f"== {database}: migrate, setup_demo, collectstatic", flush=True)
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "setup_demo")
        manage(env, "collectstatic", "--no-input", "-v", "0")
        catalogue = tmp / "import.csv"
        write_file(catalogue, args.import_rows, "csv")

        port = free_port()
        gunicorn = subprocess.Popen(  # noqa: S603
            [str(Path(sys.executable).parent / "gunicorn"), "disclosure_portal.wsgi"]
            + ["--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4"]
            + ["--timeout", "30", "--log-level", "warning"],
            cwd=ROOT,
            env=env,
        )
        try:
            wait_until_up(port)
            urls = discover_urls(port)
            traffic = Traffic(port, urls, args.clients, args.seconds)
            runner = threading.Thread(target=traffic.run)
            runner.start()
            time.sleep(min(5.0, args.seconds / 4))
            started = time.monotonic()
            importer = subprocess.run(  # noqa: S603
                [sys.executable, "manage.py", "import_catalog", str(catalogue)],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
            )
            import_seconds = time.monotonic() - started
            runner.join()
        finally:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)

    total = sum(len(v) for v in traffic.times.values())
    print(f"\n{database}, {args.clients} clients, {args.seconds:g} s, gunicorn 2×4")
    print(f"requests: {total} ({total / args.seconds:.0f}/s), errors: {len(traffic.errors)}")
    outcome = "ok" if importer.returncode == 0 else f"failed ({importer.returncode})"
    print(
        f"import of {args.import_rows} rows during the traffic: {outcome}, {import_seconds:.1f} s"
    )
    if importer.returncode:
        print(importer.stderr[-2000:])
    print(f"{'page':<12}{'n':>7}{'p50 ms':>9}{'p95 ms':>9}")
    for kind, values in sorted(traffic.times.items()):
        p50, p95 = statistics.median(values) * 1000, percentile(values, 0.95) * 1000
        print(f"{kind:<12}{len(values):>7}{p50:>9.0f}{p95:>9.0f}")
    for error in traffic.errors[:20]:
        print("error:", error)
    sys.exit(1 if traffic.errors or importer.returncode else 0)


if __name__ == "__main__":
    main()
