"""Benchmark: the whole annual report (``disclosure.statistics.report``) on a large data set.

100,000 documents, 10,000 requests and 500 review cases; the figure must come in at most
25 SQL queries and under 1 s. Runs on SQLite (a temporary file) by default, or on the
database of ``DATABASE_URL``; on PostgreSQL the data is written inside a transaction that
is rolled back at the end, so the database is left as it was.

    .venv/bin/python bench/bench_statistics.py
    DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/portal_stats .venv/bin/python bench/bench_statistics.py
"""

import datetime
import os
import random
import sys
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
TEMP_DB = None
if "DATABASE_URL" not in os.environ:
    TEMP_DB = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{TEMP_DB}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "disclosure_portal.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from disclosure.models import (  # noqa: E402
    ApplicantType,
    DisclosureColumnPage,
    DisclosureDocumentPage,
    DisclosureIndexPage,
    DisclosureUnit,
    DocumentType,
    InformationRequest,
    ReportCategory,
    RequestOutcome,
    ReviewCase,
    ReviewKind,
    ReviewResult,
)
from disclosure.statistics import REPORT_TIMEZONE, report  # noqa: E402

DOCUMENTS, REQUESTS, CASES, UNITS, COLUMNS = 100_000, 10_000, 500, 40, 25
YEARS = range(2019, 2025)
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def step(number: int) -> str:
    out = ""
    for _ in range(Page.steplen):
        number, digit = divmod(number, len(ALPHABET))
        out = ALPHABET[digit] + out
    return out


def build() -> None:
    rng = random.Random(4)
    root = Page.get_first_root_node()
    index = DisclosureIndexPage(title="政府信息公开", slug="bench-zfxxgk")
    root.add_child(instance=index)
    categories = list(ReportCategory.objects.all())
    columns = []
    for n in range(COLUMNS):
        column = DisclosureColumnPage(
            title=f"栏目{n}",
            slug=f"col-{n}",
            default_report_category=categories[n % len(categories)] if n % 3 else None,
            default_document_type=DocumentType.NORMATIVE if n % 5 == 0 else "",
        )
        index.add_child(instance=column)
        columns.append(column)
    units = [
        DisclosureUnit(name=f"单位{n}", code=f"{n:09d}", kind=DisclosureUnit.Kind.DEPARTMENT)
        for n in range(UNITS)
    ]
    DisclosureUnit.objects.bulk_create(units)
    content_type = ContentType.objects.get_for_model(DisclosureDocumentPage)
    locale = Locale.get_default()
    pages, details = [], []
    per_column = DOCUMENTS // COLUMNS
    for n in range(DOCUMENTS):
        column = columns[n % COLUMNS]
        year = rng.choice(YEARS)
        published = datetime.datetime(
            year, rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), tzinfo=REPORT_TIMEZONE
        )
        live = n % 50 != 0
        pages.append(
            Page(
                path=column.path + step(n // COLUMNS + 1),
                depth=column.depth + 1,
                numchild=0,
                translation_key=uuid.uuid4(),
                locale=locale,
                live=live,
                expired=not live and n % 100 == 0,
                first_published_at=published,
                last_published_at=published,
                title=f"文件{n}",
                draft_title=f"文件{n}",
                slug=f"doc-{n}",
                content_type=content_type,
                url_path=f"{column.url_path}doc-{n}/",
            )
        )
        details.append((n, year, published))
    Page.objects.bulk_create(pages, batch_size=2000)
    ids = dict(Page.objects.filter(content_type=content_type).values_list("slug", "pk").iterator())
    table = DisclosureDocumentPage._meta.db_table
    fields = [
        "page_ptr_id", "index_no", "unit_id", "doc_number", "written_date", "publish_date",
        "genre", "validity", "repeal_date", "report_category_id", "document_type",
        "interpretation_kind", "keywords", "summary", "body",
    ]  # fmt: skip
    sql = f"INSERT INTO {table} ({', '.join(fields)}) VALUES ({', '.join(['%s'] * len(fields))})"
    rows = []
    for n, _year, published in details:
        rows.append(
            (
                ids[f"doc-{n}"], None, units[n % UNITS].pk, "", published.date(), published,
                "notice", "valid", None, categories[n % 7].pk if n % 4 == 0 else None,
                DocumentType.RULE if n % 997 == 0 else "", "", "", "",
                "<p>正文</p>" if n % 3 else "",
            )
        )  # fmt: skip
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 5000):
            cursor.executemany(sql, rows[start : start + 5000])
    for column in columns:
        Page.objects.filter(pk=column.pk).update(numchild=per_column)
    outcomes = [value for value, _label in RequestOutcome.choices]
    applicants = [value for value, _label in ApplicantType.choices]
    requests = []
    for n in range(REQUESTS):
        received = datetime.date(rng.choice(YEARS), rng.randint(1, 12), rng.randint(1, 28))
        closed = received + datetime.timedelta(days=rng.randint(1, 60)) if n % 10 else None
        requests.append(
            InformationRequest(
                unit=units[n % UNITS],
                received_date=received,
                applicant_type=applicants[n % len(applicants)],
                subject="申请",
                closed_date=closed,
                outcome=outcomes[n % len(outcomes)] if closed else "",
                fee_charged=Decimal(100 if n % 97 == 0 else 0),
            )
        )
    InformationRequest.objects.bulk_create(requests, batch_size=2000)
    kinds = [value for value, _label in ReviewKind.choices]
    results = [value for value, _label in ReviewResult.choices]
    cases = []
    for n in range(CASES):
        filed = datetime.date(rng.choice(YEARS), rng.randint(1, 12), rng.randint(1, 28))
        closed = filed + datetime.timedelta(days=rng.randint(30, 300)) if n % 4 else None
        cases.append(
            ReviewCase(
                unit=units[n % UNITS],
                kind=kinds[n % 3],
                filed_date=filed,
                closed_date=closed,
                result=results[n % 3] if closed else "",
            )
        )
    ReviewCase.objects.bulk_create(cases)


def measure() -> tuple[int, float, int]:
    report(2024)  # warm up
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        result = report(2024)
        elapsed = time.perf_counter() - started
    timings = [elapsed]
    for _ in range(2):
        started = time.perf_counter()
        report(2024)
        timings.append(time.perf_counter() - started)
    return len(captured.captured_queries), min(timings), result.overview.published_in_year


class Rollback(Exception):
    pass


def main() -> int:
    vendor = connection.vendor
    if TEMP_DB is not None:
        call_command("migrate", verbosity=0)
    else:
        call_command("migrate", verbosity=0)
    try:
        with transaction.atomic():
            started = time.perf_counter()
            build()
            if vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            built = time.perf_counter() - started
            queries, seconds, published = measure()
            raise Rollback
    except Rollback:
        pass
    ok = queries <= 25 and seconds < 1.0
    print(
        f"{vendor}: {DOCUMENTS} documents, {REQUESTS} requests, {CASES} cases "
        f"(built in {built:.0f} s); report(2024): {queries} queries, best of 3 {seconds:.3f} s; "
        f"published in 2024: {published} — {'OK' if ok else 'TOO SLOW'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
