"""The public catalogue download at scale: the first request after a change writes the
file, every later one is served from it.

    .venv/bin/python bench/bench_catalogue.py --database /tmp/portal-bench/pages.sqlite3

The database is one that ``bench/bench_pages.py --keep FILE`` left (``DATABASE_URL`` for
PostgreSQL). Printed per format: the size, the first request (file written), the median of
the next ones (file served), and the first request after a publication (written again).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "disclosure_portal.settings.dev")
os.environ["PORTAL_DEBUG"] = "0"
os.environ["PORTAL_CACHE_DIR"] = tempfile.mkdtemp(prefix="bench-catalogue-cache-")
if "--database" in sys.argv and not os.environ.get("DATABASE_URL"):
    _file = Path(sys.argv[sys.argv.index("--database") + 1]).resolve()
    os.environ["DATABASE_URL"] = f"sqlite:///{_file}"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402


def download(client: Client, extension: str) -> tuple[float, int]:
    start = time.perf_counter()
    response = client.get(f"/zfxxgk/catalogue.{extension}")
    size = sum(len(chunk) for chunk in response.streaming_content)
    assert response.status_code == 200
    return (time.perf_counter() - start) * 1000, size


def publish_one() -> None:
    from disclosure.models import DisclosureColumnPage, DisclosureDocumentPage, DisclosureUnit

    column = DisclosureColumnPage.objects.live().order_by("-numchild").first()
    document = DisclosureDocumentPage(
        title="目录基准测试发布的通知",
        slug=f"bench-catalogue-{time.time_ns()}",
        unit=DisclosureUnit.objects.order_by("pk").first(),
    )
    column.add_child(instance=document)
    document.save_revision().publish()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="SQLite file left by bench_pages.py --keep")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    settings.DISCLOSURE_PAGE_CACHE_SECONDS = 0
    settings.DISCLOSURE_CATALOGUE_DIR = tempfile.mkdtemp(prefix="bench-catalogue-")
    from disclosure.models import DisclosureDocumentPage

    print(f"{DisclosureDocumentPage.objects.count()} documents")
    client = Client()
    for extension in ("csv", "xlsx"):
        first, size = download(client, extension)
        served = statistics.median(download(client, extension)[0] for _ in range(args.repeat))
        publish_one()
        again, _size = download(client, extension)
        print(
            f"{extension}: {size / 1e6:.1f} MB; first request {first:.0f} ms (written), "
            f"then {served:.1f} ms (served, median of {args.repeat}); "
            f"after a publication {again:.0f} ms (written again)"
        )


if __name__ == "__main__":
    main()
