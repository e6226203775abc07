"""``export_catalog --format csv|xlsx``: the live catalogue in the import's columns."""

import sys
from argparse import ArgumentParser

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from disclosure.exporting import catalog_rows, live_documents, write_csv, write_xlsx
from disclosure.models import DisclosureUnit
from disclosure.validators import normalize_unit_code


class Command(BaseCommand):
    help = _("导出政府信息公开目录（已发布的信息），列与 import_catalog 相同，可重新导入。")

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--format", choices=["csv", "xlsx"], required=True)
        parser.add_argument("--unit", metavar="CODE", help=_("只导出此单位（代码）的信息"))
        parser.add_argument("--year", type=int, metavar="YYYY", help=_("只导出此年份发布的信息"))
        parser.add_argument("--output", metavar="FILE", help=_("输出文件（默认输出到标准输出）"))

    def handle(
        self, *args, format: str, unit: str | None, year: int | None, output: str | None, **options
    ) -> None:
        unit_obj = None
        if unit:
            unit_obj = DisclosureUnit.objects.filter(code=normalize_unit_code(unit)).first()
            if unit_obj is None:
                raise CommandError(_("找不到代码为 %(code)s 的公开单位。") % {"code": unit})
        rows = catalog_rows(live_documents(unit_obj, year))
        if format == "xlsx":
            count = write_xlsx(rows, output or sys.stdout.buffer)
        elif output:
            # UTF-8 with BOM, so that Excel opens the file correctly.
            with open(output, "w", encoding="utf-8-sig", newline="") as handle:
                count = write_csv(rows, handle)
        else:
            count = write_csv(rows, self.stdout)
        if output:
            self.stderr.write(
                _("已导出 %(count)d 条信息到 %(file)s。") % {"count": count, "file": output}
            )
