"""``import_catalog FILE``: move an existing disclosure catalogue (CSV or XLSX) into the portal.

Exit status: 0 imported (or, with --dry-run, valid); 1 row errors, nothing written;
2 unreadable file.
"""

import sys
import time
from argparse import ArgumentParser

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from disclosure import search_updates
from disclosure.importing import UnreadableFile, import_catalog, write_error_report
from disclosure.models import DisclosureIndexPage, DisclosureUnit
from disclosure.validators import normalize_unit_code


class Progress:
    """A plain progress bar on a terminal; silent otherwise."""

    LABELS = {"validate": "校验", "write": "写入"}

    def __init__(self, stream, enabled: bool):
        self.stream = stream
        self.enabled = enabled
        self.last = 0.0
        self.finished: set[str] = set()

    def __call__(self, phase: str, done: int, total: int | None) -> None:
        now = time.monotonic()
        if not self.enabled or phase in self.finished or (now - self.last < 0.2 and done != total):
            return
        self.last = now
        if done == total:
            self.finished.add(phase)
        label = self.LABELS.get(phase, phase)
        if total:
            filled = int(30 * done / total)
            bar = "#" * filled + "-" * (30 - filled)
            line = f"\r{label} [{bar}] {done}/{total} ({100 * done // total}%)"
        else:
            line = f"\r{label} {done} 行…"
        self.stream.write(line)
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


class Command(BaseCommand):
    help = _("导入政府信息公开目录（CSV 或 XLSX）。全部校验通过才写入，任何一行有误则不写入。")

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help=_("CSV（UTF-8 或 GB18030）或 XLSX 文件"))
        parser.add_argument(
            "--create-units",
            action="store_true",
            help=_("自动创建找不到的发布机构（临时代码，需网站管理员改为正确代码）"),
        )
        parser.add_argument("--dry-run", action="store_true", help=_("只校验，不写入"))
        parser.add_argument("--unit", metavar="CODE", help=_("只导入此单位（代码）的信息"))
        parser.add_argument("--report", metavar="OUT.csv", help=_("把错误清单写入 CSV 文件"))
        parser.add_argument("--index", type=int, metavar="PAGE_ID", help=_("政府信息公开页面 ID"))

    def handle(self, *args, **options) -> None:
        unit = self._unit(options["unit"])
        index = None
        if options["index"]:
            index = DisclosureIndexPage.objects.filter(pk=options["index"]).first()
            if index is None:
                raise CommandError(
                    _("找不到 ID 为 %(id)s 的政府信息公开页面。") % {"id": options["index"]}
                )
        progress = Progress(sys.stderr, sys.stderr.isatty() and options["verbosity"] > 0)
        try:
            result = import_catalog(
                options["file"],
                index=index,
                create_units=options["create_units"],
                unit=unit,
                dry_run=options["dry_run"],
                progress=progress,
            )
        except UnreadableFile as exc:
            raise CommandError(_("无法读取文件：%(error)s") % {"error": exc}, returncode=2) from exc
        if options["report"]:
            write_error_report(result.errors, options["report"])
        for name in result.ignored_headers:
            self.stderr.write(_("提示：忽略无法识别的列“%(name)s”。") % {"name": name})
        if result.errors:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(
                _("共 %(rows)d 行，%(count)d 处错误，未写入任何内容。")
                % {"rows": result.rows, "count": len(result.errors)},
                returncode=1,
            )
        self._summary(result)

    def _unit(self, code):
        if not code:
            return None
        unit = DisclosureUnit.objects.filter(code=normalize_unit_code(code)).first()
        if unit is None:
            raise CommandError(
                _("找不到代码为 %(code)s 的公开单位。") % {"code": code}, returncode=2
            )
        return unit

    def _summary(self, result) -> None:
        write = self.stdout.write
        if result.dry_run:
            write(
                self.style.SUCCESS(
                    _("校验通过（试运行，未写入）：%(rows)d 行。") % {"rows": result.rows}
                )
            )
        else:
            write(
                self.style.SUCCESS(
                    _("导入完成：%(rows)d 条信息（保留原索引号 %(kept)d 条，新分配 %(new)d 条）。")
                    % {
                        "rows": result.written,
                        "kept": result.index_numbers_kept,
                        "new": result.index_numbers_allocated,
                    }
                )
            )
        verb = _("将新建") if result.dry_run else _("新建")
        write(_("%(verb)s栏目 %(count)d 个") % {"verb": verb, "count": len(result.columns_created)})
        for path in result.columns_created:
            write(f"  {path}")
        write(_("%(verb)s单位 %(count)d 个") % {"verb": verb, "count": len(result.units_created)})
        for name, code in result.units_created:
            note = _("临时代码 %(code)s，请改为正确代码") % {"code": code} if code else ""
            write(f"  {name} {note}".rstrip())
        if result.skipped_notes:
            write(_("跳过说明行 %(n)d 行") % {"n": result.skipped_notes})
        if not result.dry_run and (pending := search_updates.pending_count()):
            write(self.style.WARNING(search_updates.pending_message(pending)))
        write(
            _("用时 %(elapsed).1f 秒，%(rate).0f 行/秒。")
            % {"elapsed": result.elapsed, "rate": result.rows_per_second}
        )
