"""Read a catalogue file row by row: CSV (UTF-8 with or without BOM, or GB18030) or XLSX.

Rows are streamed, never loaded whole: ``iter_rows`` yields ``(row_number, {key: value})``
where ``row_number`` is the row as a spreadsheet program shows it (the header is row 1 when
it is the first row) and ``key`` is a field key of ``fields.FIELDS``. Blank rows are skipped.
"""

import codecs
import csv
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import iterparse

from django.utils.translation import gettext as _

from ..text import clean_text, undo_defused_formula
from . import limits
from .errors import UnreadableFile
from .fields import FIELDS, UNREADABLE_HINT, header_label, match_header

Row = dict[str, object]
CHUNK = 1 << 16


def detect_encoding(path: Path) -> str:
    """``utf-8-sig`` when the whole file decodes as UTF-8 (BOM or not), else ``gb18030``."""
    with open(path, "rb") as handle:
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := handle.read(CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
            return "utf-8-sig"
        except UnicodeDecodeError:
            pass
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("gb18030")()
        try:
            while chunk := handle.read(CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            raise UnreadableFile(
                _("文件既不是 UTF-8 也不是 GB18030 编码。") + str(UNREADABLE_HINT)
            ) from exc
    return "gb18030"


def _cell_text(value: str) -> str:
    """A text cell without control or invisible characters (a NUL from a broken export
    would break every XLSX made from the catalogue later), and without the apostrophe our
    own exports put before a formula-like value (``'=…``)."""
    return undo_defused_formula(clean_text(value).strip())


def _is_blank(values) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


class CatalogReader:
    """A catalogue file; iterate ``iter_rows()`` as often as needed (each pass re-reads)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if not self.path.is_file():
            raise UnreadableFile(_("找不到文件：%(path)s") % {"path": self.path})
        suffix = self.path.suffix.lower()
        if suffix not in (".csv", ".xlsx"):
            raise UnreadableFile(
                _("不支持的文件类型“%(suffix)s”。") % {"suffix": suffix} + str(UNREADABLE_HINT)
            )
        self.kind = suffix[1:]
        limits.check_size(self.path.stat().st_size)
        if self.kind == "xlsx":
            limits.check_xlsx_archive(self.path)
        self.encoding = detect_encoding(self.path) if self.kind == "csv" else None
        self.ignored_headers: list[str] = []
        self.columns: list[str | None] = []
        self.skipped_notes = 0
        self._merges = None
        # Validate the header once, up front, so that a bad file fails before any work.
        for _row in self.iter_rows():
            break

    # --- header --------------------------------------------------------------------------

    def _read_header(self, cells) -> list[str | None]:
        columns: list[str | None] = []
        ignored = []
        for cell in cells:
            key = match_header(cell)
            if key is None and cell not in (None, "") and str(cell).strip():
                ignored.append(str(cell).strip())
            if key is not None and key in columns:
                raise UnreadableFile(
                    _("表头中“%(name)s”出现了两次。") % {"name": header_label(key)}
                )
            columns.append(key)
        missing = [f.header for f in FIELDS if f.required and f.key not in columns]
        # 发布机构 may be left out when the command names the unit (--unit).
        if missing and missing != [header_label("unit")]:
            raise UnreadableFile(
                _(
                    "表头缺少必填列：%(names)s。表头应为第一行，例如：标题, 栏目, 发布机构, 发布日期。"
                )
                % {"names": "、".join(missing)}
            )
        self.ignored_headers = ignored
        self.has_unit_column = "unit" in columns
        return columns

    def _to_row(self, columns, values) -> Row:
        row: Row = {}
        for key, value in zip(columns, values, strict=False):
            if key is not None:
                row[key] = _cell_text(value) if isinstance(value, str) else value
        return row

    # --- rows ----------------------------------------------------------------------------

    def iter_rows(self) -> Iterator[tuple[int, Row]]:
        rows = self._iter_csv() if self.kind == "csv" else self._iter_xlsx()
        most = limits.max_rows()
        for count, numbered_row in enumerate(rows, start=1):
            if count > most:
                raise limits.too_many_rows()
            yield numbered_row

    def _iter_csv(self) -> Iterator[tuple[int, Row]]:
        csv.field_size_limit(limits.max_cell_chars() + 1)  # larger fields: a csv.Error
        number = 0
        try:
            with open(self.path, encoding=self.encoding, newline="") as handle:
                columns = None
                for number, values in enumerate(csv.reader(handle), start=1):
                    if _is_blank(values):
                        continue
                    if columns is None:
                        columns = self.columns = self._read_header(values)
                        continue
                    yield number, self._to_row(columns, values)
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise UnreadableFile(
                    _("第 %(row)d 行附近有单元格超过 %(limit)s 字，未导入任何内容。")
                    % {"row": number + 1, "limit": f"{limits.max_cell_chars():,}"}
                ) from exc
            raise UnreadableFile(_("CSV 文件格式错误：%(error)s") % {"error": exc}) from exc
        if columns is None:
            raise UnreadableFile(_("文件是空的，没有表头。"))

    def _iter_xlsx(self) -> Iterator[tuple[int, Row]]:
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(self.path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
            raise UnreadableFile(_("无法打开 Excel 文件。") + str(UNREADABLE_HINT)) from exc
        try:
            sheet = workbook.worksheets[0]
            if self._merges is None:  # parsed once, reused by every pass
                self._merges = _merged_ranges(workbook, sheet)
            vertical, notes = self._merges
            active: dict[int, tuple[object, int]] = {}  # column -> (value, last row)
            self.skipped_notes = 0
            columns = None
            for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                values = list(cells)
                active = {c: v for c, v in active.items() if v[1] >= number}
                for col, last_row in vertical.get(number, ()):
                    if col < len(values):
                        active[col] = (values[col], last_row)
                for col, (value, _last) in active.items():
                    if col < len(values) and values[col] is None:
                        values[col] = value
                if (number, _first_filled(values)) in notes:
                    self.skipped_notes += 1
                    continue
                if _is_blank(values):
                    continue
                if columns is None:
                    columns = self.columns = self._read_header(values)
                    continue
                yield number, self._to_row(columns, values)
        finally:
            workbook.close()
        if columns is None:
            raise UnreadableFile(_("工作表是空的，没有表头。"))


def _first_filled(values) -> int | None:
    for index, value in enumerate(values):
        if value is not None and str(value).strip():
            return index
    return None


def _merged_ranges(workbook, sheet) -> tuple[dict[int, list[tuple[int, int]]], set]:
    """The sheet's merged cells: vertical merges to fill down, and one-row notes to skip.

    openpyxl's read-only mode does not report merged cells, so the ``<mergeCell>`` elements
    are read from the sheet's XML with a streaming parser. Returns
    ``({anchor row: [(column, last row), ...]}, {(row, first column), ...})``: a value merged
    over several rows applies to each of them (e.g. one 发布机构 for a block of rows); a merge
    across several columns of a single row is a remark such as “注：……” and is skipped.
    """
    from openpyxl.utils.cell import range_boundaries

    archive = getattr(workbook, "_archive", None)
    path = getattr(sheet, "_worksheet_path", None)
    vertical: dict[int, list[tuple[int, int]]] = {}
    notes: set[tuple[int, int]] = set()
    if archive is None or path is None:
        return vertical, notes
    with archive.open(path) as stream:
        for _event, element in iterparse(stream):
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "mergeCell":
                min_col, min_row, max_col, max_row = range_boundaries(element.get("ref"))
                if min_row == max_row and max_col > min_col:
                    notes.add((min_row, min_col - 1))
                elif max_row > min_row:
                    for col in range(min_col - 1, max_col):
                        vertical.setdefault(min_row, []).append((col, max_row))
            elif tag == "row":
                element.clear()
    return vertical, notes
