"""Public and staff pages at two catalogue sizes: time and SQL queries per page, uncached.

    .venv/bin/python bench/bench_pages.py [--documents 100000] [--requests 20000] [--repeat 20]
        [--keep FILE]
    DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/portal_pages \\
        .venv/bin/python bench/bench_pages.py

Each run starts from an empty database (a temporary SQLite file, or the given PostgreSQL
database dropped and created): ``migrate``, ``setup_demo`` (the demo catalogue, about 320
documents), then every page is measured; then documents are added until the catalogue holds
``--documents`` (half of them in one third-level column, the rest spread over every leaf
column), online requests are added until ``--requests`` of them exist (spread over the units,
the states and three years, with applicants and timelines: ``bulk_requests.py``) and every
page is measured again. The unit pages, the application form and one request's status page
are requested anonymously; the request list, one request, the admin home, the 栏目更新监测
page and the 年报报送 overview as a webmaster (``admin``), the first three also as the
request's unit's handler. Pages are requested in-process through Django's
test client with DEBUG off and no page cache: the figures are rendering cost, queries
included. Each page is measured twice: "warm" (the cached figures of ``disclosure.caching``
are in place, as after the first view following a change) and "cold" (the cache emptied
before every request, as on the first view after a change). Publishing one document through
``save_revision().publish()`` into the big column is measured too, at both sizes. Printed:
per page, the median time and the query count at both sizes, and the ratio large ÷ small.

``--keep FILE`` keeps the SQLite database there (``bench/bench_throughput.py`` serves it).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "disclosure_portal.settings.dev")
os.environ["PORTAL_DEBUG"] = "0"
# a cache of its own, never the development server's
os.environ["PORTAL_CACHE_DIR"] = tempfile.mkdtemp(prefix="bench-pages-cache-")
if os.environ.get("DATABASE_URL", "").startswith("postgres"):
    from bench_import import recreate_postgres_database

    recreate_postgres_database(os.environ["DATABASE_URL"])
else:
    _keep = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else None
    _file = Path(_keep).resolve() if _keep else Path(tempfile.mkdtemp()) / "bench-pages.sqlite3"
    _file.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{_file}"

import django  # noqa: E402

django.setup()

from bulk import bulk_add_documents  # noqa: E402
from bulk_requests import bulk_add_requests  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

TITLES = [
    "关于印发{year}年度财政预算执行情况的通知",
    "{unit}关于做好{year}年政府信息公开工作的通知",
    "关于{year}年第{n}批建设项目环境影响评价审批结果的公示",
    "{unit}{year}年部门预算公开说明",
    "关于征求《{year}年老旧小区改造实施方案》意见的公告",
]


def pages_to_measure() -> dict[str, str]:
    from disclosure.models import (
        AnnualReportPage,
        DisclosureColumnPage,
        DisclosureDocumentPage,
        DisclosureIndexPage,
        StatisticsPage,
    )

    big = big_column()
    small = (
        DisclosureColumnPage.objects.live()
        .filter(depth=big.depth, numchild__gte=3, numchild__lte=8)
        .order_by("path")
        .first()
    )
    document = DisclosureDocumentPage.objects.live().filter(slug__startswith="d").order_by("pk")
    return {
        "home": "/",
        "index": DisclosureIndexPage.objects.live().first().url,
        f"column ({small.title})": small.url,
        "big column, page 1": big.url,
        "big column, page 200": f"{big.url}?page=200",
        "document": document.first().url,
        "statistics": StatisticsPage.objects.live().first().url,
        "annual report": AnnualReportPage.objects.live().order_by("-year").first().url,
        "search form": "/search/",
        **unit_and_request_pages(),
    }


def unit_and_request_pages() -> dict[str, str]:
    """The public pages of issues 14 and 16: the unit with the most documents, the demo
    request with the longest public timeline."""
    from django.db.models import Count

    from disclosure.unit_pages.queries import public_units

    unit = public_units().annotate(n=Count("documents")).order_by("-n", "pk").first()
    code = demo_request().query_code
    return {
        "unit list": "/zfxxgk/units/",
        f"unit page ({unit.name})": f"/zfxxgk/units/{unit.code}/",
        "unit catalogue, page 1": f"/zfxxgk/units/{unit.code}/catalogue/",
        "unit catalogue, page 50": f"/zfxxgk/units/{unit.code}/catalogue/?page=50",
        "application form": "/zfxxgk/apply/",
        "request status (查询码)": f"/zfxxgk/apply/status/?code={code}",
    }


def demo_request():
    from django.db.models import Count, Q

    from disclosure.models import InformationRequest

    online = InformationRequest.objects.filter(query_code__isnull=False)
    events = Count("events", filter=Q(events__public=True))
    return online.annotate(n=events).order_by("-n", "pk").first()


def staff_pages() -> dict[str, dict[str, str]]:
    """Per staff login (username): the pages measured as that person."""
    row = demo_request()
    webmaster = {
        "request list": "/admin/disclosure/requests/",
        "request list, overdue": "/admin/disclosure/requests/?due=overdue",
        "request detail": f"/admin/disclosure/requests/{row.pk}/",
        "admin home": "/admin/",
        "栏目更新监测": "/admin/disclosure/dashboard/",
        "年报报送 overview": "/admin/disclosure/report-cycle/",
    }
    handler = {name: webmaster[name] for name in ("request list", "request detail", "admin home")}
    return {"admin": webmaster, f"{row.unit.code}-handler": handler}


def big_column():
    from disclosure.models import DisclosureColumnPage

    leaves = DisclosureColumnPage.objects.live().filter(numchild__gt=0).order_by("path")
    leaves = [c for c in leaves if not c.get_children().type(DisclosureColumnPage).exists()]
    return max(leaves, key=lambda c: (c.depth, c.numchild))


def leaf_columns() -> list:
    from disclosure.models import DisclosureColumnPage

    columns = DisclosureColumnPage.objects.live().order_by("path")
    return [c for c in columns if not c.get_children().type(DisclosureColumnPage).exists()]


def grow_to(total: int) -> int:
    from disclosure.models import DisclosureDocumentPage, DisclosureUnit, Topic

    missing = total - DisclosureDocumentPage.objects.count()
    if missing <= 0:
        return 0
    big = big_column()
    others = [c for c in leaf_columns() if c.pk != big.pk]
    half = missing // 2
    plan = [(big, half)] + [
        (column, (missing - half) // len(others) + (i < (missing - half) % len(others)))
        for i, column in enumerate(others)
    ]
    units = list(DisclosureUnit.objects.all())
    topics = list(Topic.objects.filter(parent__isnull=False))
    rng = random.Random(13)
    today = timezone.now()

    def fields(i: int) -> dict:
        unit = units[i % len(units)]
        published = today - timedelta(days=rng.randrange(3650), hours=rng.randrange(24))
        title = TITLES[i % len(TITLES)].format(year=published.year, unit=unit.name, n=i % 30 + 1)
        return {
            "title": title,
            "draft_title": title,
            "unit": unit,
            "topic": topics[i % len(topics)],
            "index_no": f"BENCH-{published.year}-{i:07d}",
            "publish_date": published,
            "written_date": published.date(),
            "validity": "valid",
            "summary": title,
            "body": f"<p>{title}。</p>",
        }

    return bulk_add_documents(plan, fields)


def timed_get(client: Client, url: str, cold: bool) -> tuple[float, int]:
    """Milliseconds and SQL queries of one GET; ``cold`` empties the cache first."""
    from disclosure.caching import cache

    if cold:
        cache().clear()
    reset_queries()  # the bulk insert filled the query log: a full log counts 0
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, len(queries.captured_queries)


def measure(
    urls: dict[str, str], repeat: int, username: str = ""
) -> dict[str, dict[str, tuple[float, int]]]:
    """Per page: ``{"warm": (median ms, queries), "cold": (median ms, queries)}``, as
    ``username`` (logged in) or anonymously."""
    from django.contrib.auth import get_user_model

    client = Client()
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    results = {}
    for name, url in urls.items():
        results[name] = {}
        for mode in ("warm", "cold"):
            for _ in range(3):
                timed_get(client, url, cold=mode == "cold")
            runs = [timed_get(client, url, cold=mode == "cold") for _ in range(repeat)]
            results[name][mode] = (statistics.median(t for t, _ in runs), runs[-1][1])
    return results


def measure_publishing(repeat: int) -> tuple[float, int]:
    """Median ms and queries of creating and publishing one document in the big column."""
    from disclosure.models import DisclosureDocumentPage, DisclosureUnit

    column = big_column()
    unit = DisclosureUnit.objects.order_by("pk").first()
    runs = []
    for n in range(repeat + 2):
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            document = DisclosureDocumentPage(
                title=f"基准测试发布的通知{n}", slug=f"bench-publish-{time.time_ns()}", unit=unit
            )
            column.add_child(instance=document)
            document.save_revision().publish()
            elapsed = (time.perf_counter() - start) * 1000
        column.refresh_from_db()
        runs.append((elapsed, len(queries.captured_queries)))
    runs = runs[2:]  # the first ones warm the caches of the process
    return statistics.median(t for t, _ in runs), runs[-1][1]


def grow_requests(total: int) -> int:
    from disclosure.models import InformationRequest
    from disclosure.unit_pages.queries import public_units

    missing = total - InformationRequest.objects.filter(query_code__isnull=False).count()
    return bulk_add_requests(missing, list(public_units().order_by("pk"))) if missing > 0 else 0


def measure_all(urls: dict[str, str], staff: dict[str, dict[str, str]], repeat: int) -> dict:
    """The public pages anonymously, then each staff login's pages ("page (username)")."""
    results = measure(urls, repeat)
    for username, pages in staff.items():
        as_user = measure(pages, repeat, username)
        results |= {f"{name} ({username})": figures for name, figures in as_user.items()}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=20_000, help="online requests, large")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--keep", help="keep the SQLite database in this file")
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    settings.DISCLOSURE_PAGE_CACHE_SECONDS = 0  # rendering cost: the page cache is off
    # the status page is looked up hundreds of times from one address
    settings.DISCLOSURE_APPLY_RATES = {"ip": "10/h", "identity": "5/d", "lookup": "100000/m"}
    engine = connection.vendor
    call_command("migrate", verbosity=0)
    call_command("setup_demo", verbosity=0)
    from disclosure.models import DisclosureDocumentPage, InformationRequest

    small_n = DisclosureDocumentPage.objects.count()
    small_requests = InformationRequest.objects.filter(query_code__isnull=False).count()
    urls = pages_to_measure()
    staff = staff_pages()
    small = measure_all(urls, staff, args.repeat)
    small_publish = measure_publishing(args.repeat)
    start = time.perf_counter()
    added = grow_to(args.documents)
    added_requests = grow_requests(args.requests)
    if engine == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    # the bulk rows bypass the save signals that purge cached figures
    from disclosure.caching import cache

    cache().clear()
    large_n = DisclosureDocumentPage.objects.count()
    large_requests = InformationRequest.objects.filter(query_code__isnull=False).count()
    elapsed = time.perf_counter() - start
    print(f"{engine}: added {added} documents and {added_requests} requests in {elapsed:.0f} s")
    print(f"database: {settings.DATABASES['default']['NAME']}")
    large = measure_all(urls, staff, args.repeat)
    large_publish = measure_publishing(args.repeat)
    print(
        f"| page | {small_n} documents, {small_requests} requests: ms, queries"
        f" | {large_n} documents, {large_requests} requests: ms, queries | ratio |"
    )
    print("| --- | --- | --- | --- |")
    rows = [(f"{name}, {mode}", small[name][mode], large[name][mode]) for name in small
            for mode in ("warm", "cold")]  # fmt: skip
    rows.append(("publishing one document", small_publish, large_publish))
    for name, (t_small, q_small), (t_large, q_large) in rows:
        print(
            f"| {name} | {t_small:.1f} ms, {q_small} | {t_large:.1f} ms, {q_large} |"
            f" {t_large / t_small:.2f} |"
        )


if __name__ == "__main__":
    main()
