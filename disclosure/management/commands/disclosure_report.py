"""``manage.py disclosure_report --year Y [--unit CODE] [--quarter Q]
--format json|csv|xlsx|pdf|docx [--output FILE]``: live figures, as the statistics command."""

from django.utils.translation import gettext as _

from .disclosure_statistics import DOCUMENT_FORMATS, TEXT_FORMATS
from .disclosure_statistics import Command as StatisticsCommand


class Command(StatisticsCommand):
    help = _("导出某年度（或季度）的年报数据（实时数据），格式 json、csv、xlsx、pdf 或 docx。")
    formats = TEXT_FORMATS + DOCUMENT_FORMATS
