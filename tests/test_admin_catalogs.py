"""The Chinese catalogs of the admin: compiled and current, complete for Wagtail's apps and
the admin's JavaScript, the template overrides, Wagtail's initial rows, and the project's
own msgids (split from ``test_admin_locale``, which checks the pages)."""

import ast
import gettext
import re
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.template.loader import get_template
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation
from wagtail.models import Collection, Page, Task, Workflow

from disclosure import admin_locale

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_LOCALE = ROOT / "disclosure" / "locale"
CJK = re.compile(r"[\u4e00-\u9fff]")


# --- the catalogs ---------------------------------------------------------------------------


def _po_catalog(po: polib.POFile) -> dict:
    """The catalog gettext reads from the compiled file, as the .po says it should be."""
    catalog = {}
    for entry in po.translated_entries():
        if entry.fuzzy:
            continue
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            catalog.update({(key, int(n)): text for n, text in entry.msgstr_plural.items()})
        else:
            catalog[key] = entry.msgstr
    return catalog


@pytest.mark.parametrize("po_file", sorted(PLUGIN_LOCALE.glob("*/LC_MESSAGES/*.po")), ids=str)
def test_compiled_catalogs_are_current(po_file):
    po = polib.pofile(str(po_file))
    assert not [e.msgid for e in po if e.fuzzy or not e.translated()], "fuzzy or empty entries"
    assert po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"  # as Django's and Wagtail's
    mo_file = po_file.with_suffix(".mo")
    stale = "run `cd disclosure && django-admin compilemessages` and commit the .mo"
    assert mo_file.exists(), stale
    with mo_file.open("rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)._catalog
    catalog.pop("", None)  # the header
    assert catalog == _po_catalog(po), stale


def _source_catalogs(domain: str):
    """(app, entry) for every msgid of the installed Wagtail apps' English source catalogs."""
    for app in apps.get_app_configs():
        if not app.name.startswith("wagtail"):
            continue
        source = Path(app.path) / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if source.exists():
            for entry in polib.pofile(str(source)):
                if not entry.obsolete:
                    yield app.name, entry


def _missing(catalog, domain: str) -> list[str]:
    missing = []
    for app_name, entry in _source_catalogs(domain):
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            key = (key, 0)
        if key not in catalog:
            missing.append(f"{app_name}: {entry.msgid!r}")
    return missing


def test_every_string_of_the_installed_wagtail_apps_has_a_chinese_translation():
    with translation.override("zh-hans"):
        catalog = translation.trans_real.translation("zh-hans")._catalog
        assert _missing(catalog, "django") == []


def test_every_javascript_string_of_the_wagtail_admin_has_a_chinese_translation():
    wagtail_admin = Path(apps.get_app_config("wagtailadmin").path) / "locale"
    catalog = DjangoTranslation(
        "zh-hans", domain="djangojs", localedirs=[str(wagtail_admin), str(PLUGIN_LOCALE)]
    )._catalog
    assert _missing(catalog, "djangojs") == []


def test_the_admin_pages_carry_the_plugins_javascript_strings_for_the_users_language():
    with translation.override("zh-hans"):
        script = admin_locale.catalog_script()
    assert "自动保存" in script and script.startswith("<script>")
    assert "</script>" not in script[len("<script>") : -len("</script>")]
    with translation.override("en"):
        assert admin_locale.catalog_script() == ""  # English speakers keep Wagtail's strings


# Wagtail templates with English outside gettext, which the plugin overrides
# (disclosure/templates/wagtailadmin/): each override is Wagtail's own template with exactly
# these changes, so a Wagtail upgrade that changes one fails here until it is copied again.
OVERRIDE_NOTE = (
    "{# disclosure: Wagtail 8.0's template, its English made translatable"
    " (tests/test_admin_locale.py) #}\n"
)
SEARCH_BUTTON = (
    '<input type="submit" value="Search" class="button" />',
    '<input type="submit" value="{% translate "Search" %}" class="button" />',
)
TEMPLATE_OVERRIDES = {
    "wagtailadmin/home.html": [SEARCH_BUTTON],
    "wagtailadmin/shared/header.html": [SEARCH_BUTTON],
    "wagtailadmin/shared/headers/_actions.html": [
        ("{# Actions divider #}\n", "{% load i18n %}{# Actions divider #}\n"),
        ('aria-label="Actions"', 'aria-label="{% translate "Actions" %}"'),
    ],
    "wagtailadmin/tables/boolean_cell.html": [  # the icons' titles said True, False, None
        ("{% load wagtailadmin_tags %}", "{% load i18n wagtailadmin_tags %}"),
        *(
            (
                f"{{% icon title=value|stringformat:'s' name=\"{icon}\" ",
                f'{{% translate "{title}" as title %}}{{% icon title=title name="{icon}" ',
            )
            for icon, title in [("help", "Unknown"), ("check", "Yes"), ("cross", "No")]
        ),
    ],
    "wagtailadmin/shared/user_avatar.html": [
        ("{% load wagtailadmin_tags %}", "{% load i18n wagtailadmin_tags %}"),
        (  # a page published by the scheduler has no user: Wagtail shows "None"
            "{% if not username %}{{ user }}{% else %}{{ username }}{% endif %}",
            "{% if username %}{{ username }}{% elif user %}{{ user }}"
            '{% else %}{% translate "System" %}{% endif %}',
        ),
    ],
}


@pytest.mark.parametrize("name", list(TEMPLATE_OVERRIDES))
def test_overridden_wagtail_templates_differ_only_by_their_translations(name):
    original = (Path(apps.get_app_config("wagtailadmin").path) / "templates" / name).read_text()
    expected = original
    for old, new in TEMPLATE_OVERRIDES[name]:
        assert original.count(old) == 1, f"Wagtail changed {name}: copy it again"
        expected = expected.replace(old, new)
    assert (ROOT / "disclosure" / "templates" / name).read_text() == OVERRIDE_NOTE + expected
    assert get_template(name).origin.name == str(ROOT / "disclosure" / "templates" / name)


def test_wagtails_initial_rows_have_chinese_names(db):
    assert Page.get_first_root_node().title == "根目录"
    assert Collection.get_first_root_node().name == "根集合"
    assert set(Group.objects.values_list("name", flat=True)) >= {"审核员", "编辑"}
    assert Workflow.objects.filter(name="审核员审批").exists()
    assert Task.objects.filter(name="审核员审批").exists()


_GETTEXT_CALLS = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext"}
_TEMPLATE_MSGIDS = re.compile(
    r"{%\s*(?:trans|translate)\s+(['\"])(.*?)\1"
    r"|{%\s*(?:blocktrans|blocktranslate)\b[^%]*%}(.*?){%\s*(?:endblocktrans|endblocktranslate|plural)",
    re.S,
)


def _our_msgids():
    for folder in ("disclosure", "home", "search", "disclosure_portal"):
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and getattr(node.func, "id", getattr(node.func, "attr", None)) in _GETTEXT_CALLS
                    and node.args
                    and isinstance(
                        node.args[-1 if node.func.__dict__.get("id") == "pgettext" else 0],
                        ast.Constant,
                    )
                ):
                    yield path, node.args[0].value
        for path in (ROOT / folder).rglob("*.html"):
            if "wagtailadmin" in path.parts:  # overrides of Wagtail's templates, its msgids
                continue
            for match in _TEMPLATE_MSGIDS.finditer(path.read_text(encoding="utf-8")):
                yield path, match.group(2) or match.group(3)


def test_our_own_msgids_are_chinese():
    msgids = list(_our_msgids())
    assert len(msgids) > 300  # the scan finds the project's strings
    english = [
        f"{path.relative_to(ROOT)}: {msgid!r}"
        for path, msgid in msgids
        if isinstance(msgid, str) and msgid.strip() and not CJK.search(msgid)
    ]
    assert english == []
