"""What can go wrong in an import: a whole file that cannot be read, or single rows."""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from ..text import spreadsheet_text


class UnreadableFile(Exception):
    """The file cannot be read as a catalogue at all (exit status 2)."""


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        if not self.row:
            return f"[{self.column}] {self.message}"
        value = f"“{self.value}”" if self.value else _("（空）")
        return _("第 %(row)d 行 [%(column)s] %(value)s：%(message)s") % {
            "row": self.row,
            "column": self.column,
            "value": value,
            "message": self.message,
        }


def report_headers() -> list[str]:
    return [_("行号"), _("列"), _("值"), _("说明")]


def write_error_report(errors: list[RowError], path: str | Path) -> None:
    """Write every row error as CSV (UTF-8 with BOM, so that Excel opens it correctly)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(report_headers())
        for error in errors:
            row = [error.row, error.column, error.value, error.message]
            writer.writerow([spreadsheet_text(value) for value in row])
