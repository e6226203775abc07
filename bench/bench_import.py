"""Benchmark ``import_catalog``: N generated rows into a fresh portal database.

Not run in CI. Usage (from the repository root)::

    .venv/bin/python bench/bench_import.py --rows 10000
    .venv/bin/python bench/bench_import.py --rows 100000 --format xlsx
    .venv/bin/python bench/bench_import.py --rows 10000 \
        --database-url postgres://portal:portal@127.0.0.1:5432/portal_bench

Each run: a new SQLite file in a temporary directory (or the given PostgreSQL database,
which is dropped, created and migrated), ``migrate`` and ``setup_demo --documents 0`` (the demo column
tree and units, no documents), then the generated catalogue is imported in a child process
whose wall time and peak RSS (``wait4``) are reported.
"""

import argparse
import csv
import datetime
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HEADERS = ["标题", "栏目", "发布机构", "索引号", "文号", "成文日期", "发布日期"]
HEADERS += ["主题分类", "统计类别", "有效性", "正文"]
COLUMNS = [
    "法定主动公开内容/政策文件/区政府规范性文件",
    "法定主动公开内容/政策文件/其他文件",
    "法定主动公开内容/财政资金/部门预决算",
    "法定主动公开内容/人事信息/人事任免",
    "法定主动公开内容/统计信息/统计公报",
    "法定主动公开内容/历史档案/{year}年",  # created by the import
]
TOPICS = ["综合政务\\政务公开", "统计", "财政、金融、审计\\财政", "教育"]
BODY = (
    "本区依据有关规定开展相关工作。现将有关事项通知如下：一、总体要求。二、主要任务。三、保障措施。"
)


def generate_rows(count: int, seed: int = 7):
    from home.demo_content import UNITS as DEMO_UNITS

    units = [u[0] for u in DEMO_UNITS]
    rng = random.Random(seed)
    for n in range(count):
        year = 2015 + n % 11
        published = datetime.datetime(year, rng.randint(1, 12), rng.randint(1, 28), 9, 30)
        yield [
            f"关于印发第 {n + 1} 号工作方案 Benchmark{n + 1} 的通知",
            rng.choice(COLUMNS).format(year=year),
            rng.choice(units),
            "",
            f"区政发〔{year}〕{n + 1}号" if n % 3 == 0 else "",
            (published - datetime.timedelta(days=3)).strftime("%Y-%m-%d"),
            published.strftime("%Y年%m月%d日 %H:%M") if n % 2 else published.strftime("%Y-%m-%d"),
            rng.choice(TOPICS),
            "",
            "",
            "\n".join([BODY] * 3),
        ]


def write_file(path: Path, rows: int, fmt: str) -> None:
    if fmt == "csv":
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADERS)
            writer.writerows(generate_rows(rows))
        return
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADERS)
    for values in generate_rows(rows):
        sheet.append(values)
    workbook.save(path)


def manage(env, *args):
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    started = time.monotonic()
    with tempfile.TemporaryFile("w+") as errors:
        process = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=errors, text=True
        )
        output = process.stdout.read()
        _pid, status, usage = os.wait4(process.pid, 0)
        elapsed = time.monotonic() - started
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            sys.exit(f"{' '.join(args)} failed:\n{output}\n{errors.read()[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024, output


def recreate_postgres_database(url: str) -> None:
    """Drop and create the benchmark database, so that every run starts empty."""
    from urllib.parse import urlsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    maintenance = parts._replace(path="/postgres").geturl()
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    parser.add_argument("--database-url", help="default: a new SQLite file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        tmp = Path(tmp)
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="disclosure_portal.settings.dev")
        env["DATABASE_URL"] = args.database_url or f"sqlite:///{tmp / 'bench.sqlite3'}"
        env["MEDIA_ROOT"] = str(tmp / "media")
        if args.database_url:
            recreate_postgres_database(args.database_url)
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "setup_demo", "--documents", "0")
        source = tmp / f"catalogue.{args.format}"
        write_file(source, args.rows, args.format)
        size = source.stat().st_size / 1024 / 1024
        elapsed, peak, output = manage(env, "import_catalog", str(source))
        vendor = "PostgreSQL" if args.database_url else "SQLite"
        print(output.strip())
        print(
            f"{args.rows} rows ({args.format}, {size:.1f} MiB) into an empty {vendor} portal: "
            f"{elapsed:.1f} s wall time including process start-up, "
            f"{args.rows / elapsed:.0f} rows/s, peak RSS {peak:.0f} MiB"
        )


if __name__ == "__main__":
    main()
