"""The admin's JavaScript strings that Wagtail's zh_Hans catalog lacks.

The plugin ships them in ``disclosure/locale/<lang>/LC_MESSAGES/djangojs.po``. Wagtail's own
catalog view (``/admin/jsi18n/``) reads ``wagtail.admin``'s catalogs only, so the admin pages get
ours as a second, inline catalog right after Wagtail's scripts (``insert_global_admin_js``): it is
merged into ``django.catalog`` before any admin controller asks for a string. Inline, because the
hook's output is also on the login page, where an admin URL would answer with a redirect.
"""

import functools
import json
from pathlib import Path

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation.trans_real import DjangoTranslation
from django.views.i18n import JavaScriptCatalog

LOCALE_DIR = Path(__file__).resolve().parent / "locale"

# as django.utils.html.json_script: nothing in the JSON can close the <script> element
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@functools.lru_cache(maxsize=16)
def javascript_catalog(language: str) -> dict:
    """The plugin's djangojs catalog for ``language``, as Django's JavaScriptCatalog shapes it."""
    view = JavaScriptCatalog()
    view.translation = DjangoTranslation(language, domain="djangojs", localedirs=[str(LOCALE_DIR)])
    return view.get_catalog()


def catalog_script() -> str:
    """A script that adds the plugin's strings for the active language to ``django.catalog``."""
    catalog = javascript_catalog(get_language() or "en")
    if not catalog:
        return ""
    data = json.dumps(catalog, ensure_ascii=False, sort_keys=True).translate(_JSON_ESCAPES)
    return format_html(
        "<script>(function (catalog) {{"
        " window.django = window.django || {{}};"
        " django.catalog = Object.assign(django.catalog || {{}}, catalog);"
        " }})({});</script>",
        mark_safe(data),  # JSON with <, > and & escaped: it cannot leave the script
    )
