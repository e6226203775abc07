"""The reports package stays out of the models' import graph (no circles, no eager exports)."""

import os
import subprocess
import sys

SCRIPT = """
import sys
import django
django.setup()
import disclosure.models
print(" ".join(sorted(m for m in sys.modules if m.startswith("disclosure."))))
"""


def test_models_import_only_the_report_panel():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "disclosure_portal.settings.test"}
    loaded = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert "disclosure.models.annual_report" in loaded
    reports = {m for m in loaded if m.startswith("disclosure.reports.")}
    # The admin panel of the annual report page is a leaf (wagtail and gettext only).
    assert reports == {"disclosure.reports.panels"}
    assert not any(m.startswith("disclosure.statistics") for m in loaded)


def test_every_report_module_imports_on_its_own():
    names = ["layout", "documents", "exports", "panels", "admin_views", "listing", "charts"]
    names += ["statistics_page", "statistics_downloads"]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "disclosure_portal.settings.test"}
    for name in names:
        # A fresh interpreter per module: an import cycle would fail here whatever the order.
        script = f"import django; django.setup(); import disclosure.reports.{name}"
        subprocess.run([sys.executable, "-c", script], env=env, check=True)
