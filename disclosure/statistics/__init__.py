"""Statistics of the disclosure section: plain functions, querysets in, plain data out.

Every figure shown on a page, exported or printed by the command comes from here:

- ``overview(year, unit=None)``: 一、总体情况 (published, cumulative, full-text rate, by
  category / unit / first-level column / month);
- ``table_a`` / ``table_b`` / ``table_c``: the tables of sections 二, 三 and 四;
- ``checks``: the consistency rules (hard rules block publication, soft rules warn);
- ``report``: all of the above for one year (or quarter) and unit, ``report_data`` /
  ``report_rows`` its JSON and CSV forms.

See ``documents.py`` for what counts as a published document.
"""

from .checks import CheckResult, Figures, checks, hard_failures
from .documents import counted_documents
from .overview import Overview, Share, overview
from .periods import REPORT_TIMEZONE, Period, percent
from .report import Report, figures, figures_from_data, report, report_data, report_rows
from .tables import TableA, TableB, TableC, table_a, table_b, table_c

__all__ = [
    "REPORT_TIMEZONE",
    "CheckResult",
    "Figures",
    "Overview",
    "Period",
    "Report",
    "Share",
    "TableA",
    "TableB",
    "TableC",
    "checks",
    "counted_documents",
    "figures",
    "figures_from_data",
    "hard_failures",
    "overview",
    "percent",
    "report",
    "report_data",
    "report_rows",
    "table_a",
    "table_b",
    "table_c",
]
