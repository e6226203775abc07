"""System checks: what the plugin needs from the server, said before anyone misses it.

Shown by ``manage.py check`` (and at every ``runserver``/``migrate``) and, for webmasters, on
the admin's home page (``wagtail_hooks.ServerProblemsPanel``).
"""

from __future__ import annotations

from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _


def missing_pdf_font() -> str | None:
    """Why PDF annual reports cannot be produced on this server, or None."""
    from .reports.documents import cjk_font_path

    try:
        cjk_font_path()
    except ImproperlyConfigured as problem:
        return str(problem)
    return None


def server_problems() -> list[str]:
    problems = []
    if reason := missing_pdf_font():
        problems.append(
            _("年报的 PDF 下载不可用（公众页面不显示 PDF 链接）：%(reason)s") % {"reason": reason}
        )
    return problems


@checks.register()
def check_pdf_font(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    if reason := missing_pdf_font():
        return [
            checks.Warning(
                reason,
                hint="apt-get install fonts-wqy-zenhei",
                id="disclosure.W001",
            )
        ]
    return []
