"""Search benchmark: N public documents, typical queries through the full search view.

    .venv/bin/python bench/bench_search.py [--documents 100000] [--repeat 5]

Database: DATABASE_URL (PostgreSQL; use a scratch database) or a new SQLite file
(/tmp/bench-search.sqlite3). Elasticsearch: ELASTICSEARCH_URL if set, indices prefixed
``bench_`` (also measures indexing time). Prints median and p95
latency per backend; the figures go to docs/performance.md.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "disclosure_portal.settings.dev")
if not os.environ.get("DATABASE_URL"):
    Path("/tmp/bench-search.sqlite3").unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = "sqlite:////tmp/bench-search.sqlite3"
os.environ.setdefault("ELASTICSEARCH_INDEX_PREFIX", "bench_")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402

from disclosure.models import DisclosureUnit  # noqa: E402

sys.path.insert(0, str(ROOT / "tests" / "search"))
from relevance_data import DOCUMENTS, UNITS  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from bulk import bulk_add_documents  # noqa: E402

QUERIES = [
    {"q": "信息公开"},
    {"q": "通知"},
    {"q": "预算", "year_from": 2023, "year_to": 2024},
    {"q": "最低生活保障"},
    {"q": "低保", "sort": "date"},
    {"q": "2023年 预算"},
    {"q": "义务教育 招生"},
    {"q": "A级"},
    {"q": "税"},
    {"q": "食品安全 抽检", "validity": "valid"},
    {"q": "老旧小区"},
    {"q": "就业", "unit": "hrs"},
    {"q": "应急预案", "column": "policy"},
    {"q": "营商环境"},
    {"q": "区府发〔2023〕12号"},
    {"q": "防汛", "year_from": 2024},
    {"q": "垃圾分类", "unit": "str"},
    {"q": "环境影响评价"},
    {"q": "年度报告", "column": "report"},
    {"q": "区人民政府关于印发政府信息公开工作要点的通知"},
    # the broadest (issue 13), with filters and the date sort: every match counts in facets
    {"q": "财政"},
    {"q": "财政", "validity": "valid", "year_from": 2020, "sort": "date"},
    {"q": "通知", "unit": "hrs", "validity": "valid"},
    {"q": "政府信息公开"},
    {"q": "政府信息公开", "column": "report", "year_from": 2019, "year_to": 2025},
    # widened multi-word queries (issue 15, search/backends/partial.py): a unit's name
    # completes the match (区财政局); partial matches only (区块链 is nowhere; 秸秆 and 扬尘
    # never meet); a few full matches (4 of the 6 drawn words) followed by partial ones
    {"q": "财政预算"},
    {"q": "低保 标准 区块链"},
    {"q": "2023年 预算 区块链"},
    {"q": "秸秆 扬尘"},
    {"q": "秸秆 社区 治理 民生 保障"},
    {"q": "秸秆 社区 治理 民生 保障", "sort": "date"},
    {"q": "财政资金 绩效"},
]
WORDS = [
    "社区",
    "治理",
    "民生",
    "保障",
    "安全",
    "生产",
    "教育",
    "卫生",
    "健康",
    "交通",
    "建设",
    "环境",
    "保护",
    "财政",
    "资金",
    "项目",
    "审批",
    "服务",
    "改革",
    "发展",
]


def build(n: int) -> dict:
    from tests.conftest import make_credit_code

    call_command("migrate", verbosity=0)
    home = Page.objects.get(depth=2)
    from disclosure.models import DisclosureColumnPage, DisclosureIndexPage

    index = DisclosureIndexPage(title="政府信息公开", slug=f"bench-{int(time.time())}")
    home.add_child(instance=index)
    columns = {}
    for key in ("policy", "report", "guide", "budget", "normative", "personnel", "funds"):
        columns[key] = DisclosureColumnPage(title=key)
        index.add_child(instance=columns[key])
    units = {}
    for key, (name, short) in UNITS.items():
        units[key] = DisclosureUnit.objects.get_or_create(
            name=name,
            defaults={"short_name": short, "code": make_credit_code(), "kind": "department"},
        )[0]
    rng = random.Random(5)
    now = timezone.now()
    rows, by_column = [], {key: [] for key in columns}
    for i in range(n):  # in this order: the words drawn stay those of earlier runs
        key, unit, column, year, number, title, text = DOCUMENTS[i % len(DOCUMENTS)]
        words = " ".join(rng.sample(WORDS, 6))
        full_title = f"{title}（{i // len(DOCUMENTS) + 1}）"
        by_column[column].append(i)
        rows.append(
            {
                "title": full_title,
                "draft_title": full_title,
                "unit": units[unit],
                "doc_number": number and f"{number[:-1]}{i}号",
                "index_no": f"BENCH/{year}-{i:06d}",
                "publish_date": now.replace(
                    year=year - (i // len(DOCUMENTS)) % 3, month=1 + i % 12, day=1 + i % 28
                ),
                "validity": "valid" if i % 10 else "repealed",
                "summary": text,
                "body": f"<p>{text}{words}。{title}。</p>" * 3,
            }
        )
    # bulk_add_documents fills the columns one after the other
    order = [i for key in columns for i in by_column[key]]
    plan = [(columns[key], len(by_column[key])) for key in columns]
    bulk_add_documents(plan, lambda serial: rows[order[serial]])
    return {"columns": columns, "units": units}


def existing_ids() -> dict:
    from disclosure.models import DisclosureColumnPage

    columns = {c.title: c for c in DisclosureColumnPage.objects.order_by("-pk")[:7]}
    units = {key: DisclosureUnit.objects.get(name=name) for key, (name, _) in UNITS.items()}
    return {"columns": columns, "units": units}


def measure(backend: str, ids: dict, repeat: int) -> tuple[float, float, float, dict]:
    """Median and p95 over every query, the worst query's p95, and that query."""
    settings.PORTAL_SEARCH_BACKEND = backend
    worst: tuple[float, dict] = (0.0, {})
    client = Client()
    times = []
    for params in QUERIES:
        params = dict(params)
        if "unit" in params:
            params["unit"] = ids["units"][params["unit"]].pk
        if "column" in params:
            params["column"] = ids["columns"][params["column"]].pk
        client.get("/search/", params)  # warm
        mine = []
        for _ in range(repeat):
            start = time.perf_counter()
            response = client.get("/search/", params)
            mine.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
            assert response.context["outcome"].backend == backend
        times += mine
        mine.sort()
        worst = max(worst, (mine[max(0, int(len(mine) * 0.95) - 1)], params), key=lambda w: w[0])
        if os.environ.get("BENCH_VERBOSE"):
            total = response.context["outcome"].total
            print(f"  {backend} {params}: {statistics.median(mine):.0f} ms, {total} results")
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], worst[0], worst[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--backend", action="append", help="measure only these backends")
    parser.add_argument(
        "--build-only", action="store_true", help="build and index, measure nothing"
    )
    parser.add_argument(
        "--measure-only",
        action="store_true",
        help="reuse the data and indices of an earlier run (give its DATABASE_URL)",
    )
    args = parser.parse_args()
    from django.test.utils import setup_test_environment

    setup_test_environment()  # response.context, to check which backend answered
    settings.DEBUG = False
    settings.DISCLOSURE_PAGE_CACHE_SECONDS = 0  # every search reaches its backend
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    backends = args.backend or list(settings.WAGTAILSEARCH_BACKENDS)
    if args.measure_only:
        ids = existing_ids()
    else:
        start = time.perf_counter()
        ids = build(args.documents)
        print(
            f"built {args.documents} documents on {engine} in {time.perf_counter() - start:.0f} s"
        )
        for backend in backends:
            start = time.perf_counter()
            call_command("update_index", backend_name=backend, verbosity=0)
            print(f"{backend}: update_index {time.perf_counter() - start:.0f} s")
        if args.build_only:
            return
    for backend in backends:
        median, p95, worst, query = measure(backend, ids, args.repeat)
        name = engine if backend == "default" else backend
        print(
            f"{name}: {len(QUERIES)} queries x {args.repeat}: median {median:.0f} ms, p95 {p95:.0f} ms;"
            f" worst query's p95 {worst:.0f} ms ({query})"
        )


if __name__ == "__main__":
    main()
