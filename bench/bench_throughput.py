"""Throughput with the page cache on, beside bakerydemo's blog post, in the same run.

    .venv/bin/python bench/bench_throughput.py --database /work/bench-data/pages-100k.sqlite3 \\
        [--bakerydemo /work/bakerydemo] [--seconds 15] [--clients 8]

The database is one that ``bench/bench_pages.py --keep FILE`` left (the demo plus the
generated catalogue; ``DATABASE_URL=postgres://…`` instead serves a PostgreSQL one). The
portal is served by gunicorn with 2 sync workers (``disclosure_portal.settings.dev``, DEBUG
off), first with the page cache in its embedded default (a directory), then in Redis
(a ``redis-server`` of its own), then with the page cache off. bakerydemo (``bench/bakerydemo.py``
builds it) is served the same way and measured right after. Printed: requests per second
of a document page and of the biggest column's first page, and the ratio to bakerydemo's
blog post.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bakerydemo  # noqa: E402
from httpload import free_port, measure_throughput, minimal_env, start_gunicorn  # noqa: E402

from tests.servers import redis_server  # noqa: E402

FIND_PATHS = """
import json
from disclosure.models import DisclosureColumnPage, DisclosureDocumentPage
columns = DisclosureColumnPage.objects.live().order_by("-numchild", "path")
document = DisclosureDocumentPage.objects.live().filter(slug__startswith="b").order_by("pk")
print(json.dumps({"document": document.first().url, "column": columns.first().url}))
"""


def portal_env(database_url: str, cache_dir: str, **extra: str) -> dict[str, str]:
    return minimal_env(
        DJANGO_SETTINGS_MODULE="disclosure_portal.settings.dev",
        PORTAL_DEBUG="0",
        DATABASE_URL=database_url,
        PORTAL_CACHE_DIR=cache_dir,
        **extra,
    )


def portal_paths(env: dict[str, str]) -> dict[str, str]:
    command = [sys.executable, "manage.py", "shell", "-v0", "-c", FIND_PATHS]
    out = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure_portal(env: dict[str, str], paths: dict, seconds: float, clients: int) -> dict:
    with start_gunicorn(
        sys.executable, str(ROOT), "disclosure_portal.wsgi", free_port(), env
    ) as url:
        return {
            name: measure_throughput(url, path, seconds, clients) for name, path in paths.items()
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="SQLite file left by bench_pages.py --keep")
    parser.add_argument(
        "--bakerydemo", default=os.environ.get("BAKERYDEMO_DIR", "/work/bakerydemo")
    )
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{Path(args.database).resolve()}"
    results: dict[str, dict] = {"load_average_before": os.getloadavg()}
    with tempfile.TemporaryDirectory() as cache_dir:
        env = portal_env(database_url, cache_dir)
        paths = portal_paths(env)
        results["paths"] = paths
        results["page cache, directory"] = measure_portal(env, paths, args.seconds, args.clients)
        with redis_server(Path(cache_dir)) as redis_url:
            redis_env = {**env, "REDIS_URL": redis_url}
            results["page cache, Redis"] = measure_portal(
                redis_env, paths, args.seconds, args.clients
            )
        off = {**env, "PORTAL_PAGE_CACHE_SECONDS": "0"}
        results["page cache off"] = measure_portal(off, paths, args.seconds, args.clients)
    info = bakerydemo.setup(args.bakerydemo)
    with bakerydemo.serve(info, free_port()) as url:
        post = measure_throughput(url, info["blog_post_path"], args.seconds, args.clients)
    results["bakerydemo"] = {"commit": info["commit"], "blog post": post}
    print(json.dumps(results, indent=2, ensure_ascii=False))
    baseline = post["requests_per_second"]
    print(f"bakerydemo blog post: {baseline} requests/s")
    for setup in ("page cache, directory", "page cache, Redis", "page cache off"):
        for name in paths:
            measured = results[setup][name]
            print(
                f"{setup}, {name}: {measured['requests_per_second']} requests/s, "
                f"p95 {measured['p95_ms']} ms, {measured['errors']} errors, "
                f"{measured['requests_per_second'] / baseline:.1f}x bakerydemo"
            )


if __name__ == "__main__":
    main()
