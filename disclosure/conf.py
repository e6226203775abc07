"""The plugin's settings, each with a default so the app installs into any Wagtail site.

``DISCLOSURE_INDEX_NUMBER_FORMAT``
    ``str.format`` pattern of 索引号 with the fields ``unit_code``, ``year`` and ``serial``.
    Default ``"{unit_code}/{year}-{serial:05d}"``.
``DISCLOSURE_MAX_COLUMN_DEPTH``
    How many column levels may sit below the disclosure index. Default 3.
``DISCLOSURE_DOCUMENTS_PER_PAGE``
    Documents per page in a column listing. Default 20.
``DISCLOSURE_IMPORT_TASK_BACKEND``
    The ``TASKS`` alias the admin's catalogue import runs on. Default ``"default"``; set it to
    a real queue (e.g. ``django_tasks_db.DatabaseBackend``) with a worker in production.
``DISCLOSURE_IMPORT_DIR``
    Where admin uploads and their job state are kept (not publicly served). Default
    ``catalogue-imports`` beside ``MEDIA_ROOT``.
``DISCLOSURE_IMPORT_MAX_BYTES``, ``DISCLOSURE_IMPORT_MAX_ROWS``, ``DISCLOSURE_IMPORT_MAX_CELL_CHARS``, ``DISCLOSURE_IMPORT_MAX_UNCOMPRESSED_BYTES``
    Bounds of one catalogue import (``importing.limits``): file size (50 MB), data rows
    (100,000), characters in one cell (100,000) and, for XLSX, the unpacked size (512 MB).
``DISCLOSURE_STATISTICS_INCLUDE_RESTRICTED``
    Whether published documents with a view restriction (on themselves or an ancestor) count
    in the statistics and the annual report. Default False: the statistics count what was
    publicly disclosed.
``DISCLOSURE_SERVE_UNREFERENCED_DOCUMENTS``
    Whether anonymous visitors may download a Wagtail document that no page attaches or
    links. Default False: a file is public only while a public page attaches or links it
    (``visibility.document_is_public``).
``DISCLOSURE_SEARCH_UPDATES_ON_COMMIT``
    Whether Elasticsearch receives saved pages after their transaction commits
    (``search_updates``). Default True; tests set False (their transactions never commit).
``DISCLOSURE_PDF_FONT``
    Path of the CJK TrueType font (.ttf/.ttc) embedded in PDF reports. Default None: the
    first of the Debian fonts listed in ``reports.documents.FONT_CANDIDATES``.
``DISCLOSURE_PDF_FONTS``
    The GB/T 9704 fonts of PDF reports, a dict of paths by role: ``title`` (方正小标宋简体),
    ``heading1`` (黑体), ``heading2`` (楷体_GB2312), ``body`` (仿宋_GB2312). Default None:
    each role uses the official font if its usual file is installed, else
    ``DISCLOSURE_PDF_FONT`` (``reports.fonts``).
``DISCLOSURE_CATALOGUE_DIR``
    Where the public catalogue files are kept (``catalogue_files``), on each app server.
    Default ``catalogue-files`` beside ``MEDIA_ROOT``.
``DISCLOSURE_CACHE_ALIAS``
    The ``CACHES`` alias of the page cache and the cached figures (``caching``). Default
    ``"default"``. With several app servers it must be shared (Redis).
``DISCLOSURE_CACHE_SECONDS``
    How long figures that cost a pass over the catalogue (a column's years and count, the
    index's counts, the statistics) are kept at most; purged on every change anyway.
    Default 3600; 0 turns the figure cache off.
``DISCLOSURE_PUBLIC_BASE_URL``
    The public address of the default site, e.g. ``"https://www.example.gov.cn"``: the
    absolute links of the catalogue files and ``sitemap.xml`` start with it instead of the
    Site's hostname and port. A function registered with the Wagtail hook
    ``disclosure_public_base_url`` takes precedence (``public_urls``). Default None.
``DISCLOSURE_PAGE_CACHE_SECONDS``
    How long ``page_cache.PageCacheMiddleware`` keeps an anonymous page at most. Default
    600; 0 turns the page cache off.
``DISCLOSURE_WORKDAY_HORIZON_DAYS``
    How many days ahead the admin's home page looks for years without holiday data (their
    request deadlines are counted Monday–Friday, ``requests.workdays``). Default 120.
``DISCLOSURE_FEE_PAYMENT_WORKDAYS``
    How many working days after a 收费通知 the applicant has to pay the 信息处理费
    (``models.request_fees``); unpaid after that, the application ends as Table B （六）2.
    Default 20: the 办法's own deadline was not in the text read (domain.md §1.8 [U]).
``DISCLOSURE_PAGE_CACHE_VARIANT``
    Dotted path of a function ``(request) -> str`` whose result is part of the page cache
    key, for a site whose pages differ per visitor preference (the portal's 适老化 mode and
    font size, kept in cookies). It must return only normalised values (a few known
    choices), never a raw cookie. Default None: one entry per URL and language.
``DISCLOSURE_REQUEST_RETENTION_YEARS``
    How many years after a request closed its applicant's personal data is kept; then
    ``anonymise_requests`` (run daily by ``run_scheduler``) replaces it (``requests.retention``).
    Default 5. The register row and its Table B figures stay.
``DISCLOSURE_UNIT_REPORT_DEADLINE``, ``DISCLOSURE_DISTRICT_REPORT_DEADLINE``
    ``"MM-DD"`` of the year after the report year by which a unit (department, township,
    street) submits and publishes its annual report, and the district publishes its own
    (``reports.cycle``). Defaults ``"01-31"`` and ``"03-31"`` (《条例》第四十九条); a district
    with an earlier local timetable (domain.md §2.8) sets its own.
``DISCLOSURE_APPLY_RATES``
    django-ratelimit rates of the public application form (``requests.public.ratelimits``):
    ``ip`` submissions per client address, ``identity`` per 证件号码 or 统一社会信用代码,
    ``lookup`` status-page look-ups per address. Default ``{"ip": "10/h", "identity":
    "5/d", "lookup": "60/h"}``. The cache must be shared by the app servers (Redis).
``DISCLOSURE_APPLY_MIN_SECONDS``
    The least time a person takes to fill in the application form; a faster submission is
    taken for a robot and refused with an explanation. Default 5.
"""

from django.conf import settings

DEFAULTS = {
    "DISCLOSURE_INDEX_NUMBER_FORMAT": "{unit_code}/{year}-{serial:05d}",
    "DISCLOSURE_MAX_COLUMN_DEPTH": 3,
    "DISCLOSURE_DOCUMENTS_PER_PAGE": 20,
    "DISCLOSURE_IMPORT_TASK_BACKEND": "default",
    "DISCLOSURE_IMPORT_DIR": None,
    "DISCLOSURE_IMPORT_MAX_BYTES": 50 * 1024 * 1024,
    "DISCLOSURE_IMPORT_MAX_ROWS": 100_000,
    "DISCLOSURE_IMPORT_MAX_CELL_CHARS": 100_000,
    "DISCLOSURE_IMPORT_MAX_UNCOMPRESSED_BYTES": 512 * 1024 * 1024,
    "DISCLOSURE_STATISTICS_INCLUDE_RESTRICTED": False,
    "DISCLOSURE_PDF_FONT": None,
    "DISCLOSURE_PDF_FONTS": None,
    "DISCLOSURE_SEARCH_UPDATES_ON_COMMIT": True,
    "DISCLOSURE_SERVE_UNREFERENCED_DOCUMENTS": False,
    "DISCLOSURE_CATALOGUE_DIR": None,
    "DISCLOSURE_CACHE_ALIAS": "default",
    "DISCLOSURE_CACHE_SECONDS": 3600,
    "DISCLOSURE_PAGE_CACHE_SECONDS": 600,
    "DISCLOSURE_WORKDAY_HORIZON_DAYS": 120,
    "DISCLOSURE_FEE_PAYMENT_WORKDAYS": 20,
    "DISCLOSURE_PUBLIC_BASE_URL": None,
    "DISCLOSURE_PAGE_CACHE_VARIANT": None,
    "DISCLOSURE_REQUEST_RETENTION_YEARS": 5,
    "DISCLOSURE_UNIT_REPORT_DEADLINE": "01-31",
    "DISCLOSURE_DISTRICT_REPORT_DEADLINE": "03-31",
    "DISCLOSURE_APPLY_RATES": {"ip": "10/h", "identity": "5/d", "lookup": "60/h"},
    "DISCLOSURE_APPLY_MIN_SECONDS": 5,
}


def get_setting(name: str):
    return getattr(settings, name, DEFAULTS[name])
