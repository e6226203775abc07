"""Settings: Chinese first, DATABASE_URL, and production settings that refuse unsafe defaults."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k3y-" + "x9Qz7Lm2Vb8Nc4Rt6Yp1Ws5Ed0Fg3Hj" * 2


def run_manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_chinese_first_and_shanghai_time():
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"
    assert settings.USE_TZ is True


def test_production_settings_pass_check_deploy_with_the_documented_environment():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="disclosure_portal.settings.production",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="xxgk.example.gov.cn",
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_production_settings_refuse_to_start_without_a_real_secret_key():
    for key in ("", "django-insecure-development-key-do-not-use-in-production", "short"):
        result = run_manage(
            "check",
            DJANGO_SETTINGS_MODULE="disclosure_portal.settings.production",
            SECRET_KEY=key,
            ALLOWED_HOSTS="xxgk.example.gov.cn",
        )
        assert result.returncode != 0
        assert "SECRET_KEY" in result.stderr


def test_database_url_selects_the_database():
    result = run_manage(
        "shell",
        "-c",
        "from django.db import connection; print(connection.vendor, connection.settings_dict['NAME'])",
        DATABASE_URL="postgres://someone:pw@127.0.0.1:5999/elsewhere",
    )
    assert result.returncode == 0, result.stderr
    assert "postgresql elsewhere" in result.stdout


def test_the_plugin_never_imports_the_host_project():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "disclosure").rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.lstrip().startswith(
            (
                "from disclosure_portal",
                "import disclosure_portal",
                "from home",
                "import home",
                "from search",
                "import search",
            )
        )
    ]
    assert offenders == []
