"""Catalogue import: parse (``reader``) → validate (``validation``) → write (``writer``).

``import_catalog(path, ...)`` reads the file twice: a first pass validates every row and
collects every error; only when there is none does a second pass, inside one transaction,
write the rows in batches. Nothing is kept per row between the passes except the 索引号 given
in the file, so memory stays flat however long the file is.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError, reset_queries, transaction
from django.utils.translation import gettext as _
from wagtail.models import Page

from .. import cache_purge
from ..models import DisclosureIndexPage, DisclosureUnit
from .errors import RowError, UnreadableFile, write_error_report
from .reader import CatalogReader
from .validation import CatalogValidator
from .writer import IMPORT_ACTION, CatalogWriter

__all__ = [
    "IMPORT_ACTION",
    "ImportResult",
    "RowError",
    "UnreadableFile",
    "import_catalog",
    "write_error_report",
]

BATCH_SIZE = 500
Progress = Callable[[str, int, int | None], None]


@dataclass
class ImportResult:
    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    written: int = 0
    index_numbers_kept: int = 0
    index_numbers_allocated: int = 0
    columns_created: list[str] = field(default_factory=list)
    units_created: list[tuple[str, str]] = field(default_factory=list)
    ignored_headers: list[str] = field(default_factory=list)
    skipped_notes: int = 0
    dry_run: bool = False
    elapsed: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.elapsed if self.elapsed else 0.0


def default_index() -> Page:
    index = DisclosureIndexPage.objects.order_by("path").first()
    if index is None:
        raise UnreadableFile(_("门户中还没有“政府信息公开”页面，请先创建后再导入目录。"))
    return index


def import_catalog(
    path: str | Path,
    *,
    index: Page | None = None,
    create_units: bool = False,
    unit: DisclosureUnit | None = None,
    dry_run: bool = False,
    user=None,
    progress: Progress | None = None,
    source: str | None = None,
    scope=None,
) -> ImportResult:
    """Validate the whole file, then (unless there are errors or ``dry_run``) write it.

    ``source`` names the file in the audit log (default: the file's name); ``scope`` limits
    the rows to a unit person's (``permissions.importing.ImportScope``).
    Raises ``UnreadableFile`` when the file cannot be read as a catalogue at all.
    """
    started = time.monotonic()
    reader = CatalogReader(path)
    index = index or default_index()
    validator = CatalogValidator(index, create_units=create_units, unit=unit, scope=scope)
    if not reader.has_unit_column and unit is None:
        raise UnreadableFile(_("表头缺少必填列：发布机构。"))
    result = ImportResult(dry_run=dry_run, ignored_headers=reader.ignored_headers)
    for number, row in reader.iter_rows():
        result.errors.extend(validator.check_row(number, row))
        if progress and validator.rows % 200 == 0:
            progress("validate", validator.rows, None)
    result.rows = validator.rows
    if not result.rows:
        raise UnreadableFile(_("文件只有表头，没有任何信息行：未导入任何内容。"))
    result.skipped_notes = reader.skipped_notes
    if progress:
        progress("validate", result.rows, result.rows)
    result.columns_created = ["/".join(p) for p in sorted(validator.new_columns, key=len)]
    result.units_created = [(name, "") for name in validator.new_units]
    if result.errors or dry_run:
        result.elapsed = time.monotonic() - started
        return result
    try:
        source = source or Path(path).name
        writer = _write(reader, validator, index, user, source, result.rows, progress)
    except IntegrityError:
        # Someone published at the same moment and took a number or path: nothing was written.
        message = _(
            "写入时与同时发布的信息发生冲突（索引号或页面重复），未写入任何内容，请重新导入。"
        )
        result.errors.append(RowError(0, _("索引号"), "", message))
        result.elapsed = time.monotonic() - started
        return result
    if progress:
        progress("write", writer.written, result.rows)
    result.written = writer.written
    result.index_numbers_kept = writer.kept
    result.index_numbers_allocated = writer.allocated
    result.columns_created = writer.created_columns
    result.units_created = [(u.name, u.code) for u in writer.created_units]
    result.elapsed = time.monotonic() - started
    return result


def _write(reader, validator, index, user, source, total, progress) -> CatalogWriter:
    with transaction.atomic():
        writer = CatalogWriter(index, user=user, source=source)
        writer.prepare(validator)
        batch = []
        for number, row in reader.iter_rows():
            batch.append(validator.plan_row(number, row))
            if len(batch) >= BATCH_SIZE:
                writer.write_batch(batch)
                batch = []
                # With DEBUG on, Django keeps the last 9,000 SQL statements, bulk INSERTs
                # included: forget them, or memory grows with the file.
                reset_queries()
                if progress:
                    progress("write", writer.written, total)
        if batch:
            writer.write_batch(batch)
        writer.finish()
        # The batches bypass the pages' save signals: purge what a new document purges,
        # for the whole index (every column's listing, the catalogue views).
        cache_purge.purge(cache_purge.tags_for_page(index) | {"site"})
    return writer
