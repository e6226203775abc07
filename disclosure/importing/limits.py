"""Bounds on what an import reads, so that one file cannot exhaust the server.

A 0.4 MB XLSX holding one huge shared string peaked at 2.4 GB of memory, and a 15 MB file of
3 million rows ran for minutes. Before a byte is parsed, the file's size and (for XLSX, a
ZIP archive) the declared uncompressed size and compression ratio of every member are
checked; while reading, rows are counted; while validating, cells are measured. Each refusal
names the bound and how to proceed. Settings (``disclosure.conf``):
``DISCLOSURE_IMPORT_MAX_BYTES``, ``DISCLOSURE_IMPORT_MAX_ROWS``,
``DISCLOSURE_IMPORT_MAX_CELL_CHARS``, ``DISCLOSURE_IMPORT_MAX_UNCOMPRESSED_BYTES``.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from ..conf import get_setting
from .errors import UnreadableFile

# Spreadsheet XML compresses about 5–20 times; far more is a crafted file.
MAX_COMPRESSION_RATIO = 100
RATIO_CHECKED_FROM = 16 * 1024 * 1024  # small members may compress well legitimately


def max_rows() -> int:
    return get_setting("DISCLOSURE_IMPORT_MAX_ROWS")


def max_cell_chars() -> int:
    return get_setting("DISCLOSURE_IMPORT_MAX_CELL_CHARS")


def check_size(size: int) -> None:
    limit = get_setting("DISCLOSURE_IMPORT_MAX_BYTES")
    if size > limit:
        raise UnreadableFile(
            _("文件过大（%(size)s），上限为 %(limit)s。请把目录分成几个文件分批导入。")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )


def check_xlsx_archive(path: Path) -> None:
    """Refuse an XLSX whose contents would unpack far beyond its size (a "zip bomb")."""
    limit = get_setting("DISCLOSURE_IMPORT_MAX_UNCOMPRESSED_BYTES")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        return  # not a ZIP archive at all: openpyxl says so in its own words
    total = sum(member.file_size for member in members)
    suspicious = any(
        member.file_size > RATIO_CHECKED_FROM
        and member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1)
        for member in members
    )
    if total > limit or suspicious:
        raise UnreadableFile(
            _(
                "Excel 文件解压后过大或压缩比异常（解压后 %(size)s，上限 %(limit)s），"
                "可能含有异常内容。请在 Excel 中另存为新文件，或分批导入。"
            )
            % {"size": filesizeformat(total), "limit": filesizeformat(limit)}
        )


def too_many_rows() -> UnreadableFile:
    return UnreadableFile(
        _("文件超过 %(limit)s 行信息，未导入任何内容。请把目录分成几个文件分批导入。")
        % {"limit": f"{max_rows():,}"}
    )


def check_cell(text: str) -> None:
    """Raise ValueError (a row error) when a cell is longer than any catalogue field needs."""
    if len(text) > max_cell_chars():
        raise ValueError(
            _("内容过长（%(length)s 字），上限为 %(limit)s 字。")
            % {"length": f"{len(text):,}", "limit": f"{max_cell_chars():,}"}
        )
