"""``manage.py disclosure_statistics --year Y [--unit CODE] [--quarter Q] [--format json|csv]``.

``disclosure_report`` is the same command with the document formats (xlsx, docx, pdf) too.
"""

import csv
import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from disclosure.models import DisclosureUnit
from disclosure.statistics import report, report_data, report_rows
from disclosure.text import spreadsheet_text
from disclosure.validators import normalize_unit_code

TEXT_FORMATS = ["json", "csv"]
DOCUMENT_FORMATS = ["xlsx", "docx", "pdf"]


class Command(BaseCommand):
    help = _("输出某年度（或季度）的政府信息公开统计：总体情况、三张表和核对结果。")
    formats = TEXT_FORMATS

    def add_arguments(self, parser) -> None:
        parser.add_argument("--year", type=int, required=True, help=_("年度，如 2024"))
        parser.add_argument("--unit", help=_("单位代码；留空为全区汇总"))
        parser.add_argument("--quarter", type=int, choices=[1, 2, 3, 4], help=_("季度 1–4"))
        parser.add_argument("--format", choices=self.formats, default="json")
        parser.add_argument("--output", help=_("输出文件；留空输出到标准输出"))

    def handle(self, *args, **options) -> None:
        unit = None
        if options["unit"]:
            code = normalize_unit_code(options["unit"])
            unit = DisclosureUnit.objects.filter(code=code).first()
            if unit is None:
                raise CommandError(
                    _("没有代码为 %(code)s 的公开单位。") % {"code": options["unit"]}
                )
        try:
            rep = report(options["year"], unit, quarter=options["quarter"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        fmt = options["format"]
        if fmt in DOCUMENT_FORMATS:
            from disclosure.reports.exports import EXPORTERS

            title = _("%(period)s政府信息公开工作年度报告") % {"period": rep.period.label}
            if unit is not None:
                title = f"{unit.name}{title}"
            from disclosure.reports.layout import DISTRICT_NAME

            meta = {"author": unit.name if unit is not None else DISTRICT_NAME}
            content = EXPORTERS[fmt](report_data(rep), title, None, meta)
            if options["output"]:
                with open(options["output"], "wb") as stream:
                    stream.write(content)
            else:
                sys.stdout.buffer.write(content)
                sys.stdout.flush()
        elif options["output"]:
            with open(options["output"], "w", encoding="utf-8", newline="") as stream:
                self._write(rep, fmt, stream)
        else:
            self._write(rep, fmt, self.stdout)
        if rep.hard_failures:
            codes = "、".join(r.code for r in rep.hard_failures)
            self.stderr.write(_("警告：硬性核对规则 %(codes)s 未通过。") % {"codes": codes})

    def _write(self, rep, fmt: str, stream) -> None:
        if fmt == "json":
            stream.write(json.dumps(report_data(rep), ensure_ascii=False, indent=2) + "\n")
            return
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["部分", "项目", "栏目", "数值"])
        writer.writerows([spreadsheet_text(v) for v in row] for row in report_rows(rep))
