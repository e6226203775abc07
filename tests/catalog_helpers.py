"""Helpers for the catalogue import/export tests: write files, run the commands."""

import csv
import io
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError

HEADERS = [
    "标题",
    "栏目",
    "发布机构",
    "索引号",
    "文号",
    "成文日期",
    "发布日期",
    "主题分类",
    "统计类别",
    "有效性",
    "正文",
]


def row(**values) -> dict:
    base = {
        "标题": "关于印发 Alpha 办法的通知",
        "栏目": "法定主动公开内容",
        "发布机构": "区人民政府办公室",
        "发布日期": "2024-03-05",
    }
    base.update(values)
    return base


def write_csv(path: Path, rows: list[dict], headers=None, encoding="utf-8") -> Path:
    headers = headers or HEADERS
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for values in rows:
            writer.writerow([values.get(h, "") for h in headers])
    return path


def run(*args) -> tuple[int, str, str]:
    """Run ``import_catalog`` (or another command); return (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
    except CommandError as exc:
        return exc.returncode, out.getvalue(), err.getvalue() + str(exc)
    return 0, out.getvalue(), err.getvalue()


def import_rows(tmp_path: Path, rows: list[dict], *options, headers=None) -> tuple[int, str, str]:
    path = write_csv(tmp_path / "catalogue.csv", rows, headers)
    return run("import_catalog", str(path), *options)
