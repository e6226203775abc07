"""scripts/system-packages.sh: `make demo` and `make test` check the Debian packages they need
and, when they cannot install them, stop at once with the exact command."""

import os
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "system-packages.sh"


def run(purpose: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        ["bash", str(SCRIPT), purpose], env=env, capture_output=True, text=True, timeout=60
    )


def test_this_machine_has_every_package_the_tests_need():
    env = {k: v for k, v in os.environ.items() if k != "PORTAL_SKIP_SYSTEM_PACKAGES"}
    result = run("test", env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""  # nothing to install


def test_without_root_a_missing_package_stops_with_the_command(tmp_path):
    # A machine without Chromium, where the user is not root and has no password-less sudo:
    # dpkg-query, id and sudo are the machine's, as a fresh user account would see them.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "dpkg-query").write_text(
        '#!/bin/sh\nfor a; do last="$a"; done\n'
        '[ "$last" = chromium ] && exit 1\nprintf "install ok installed"\n'
    )
    (bin_dir / "id").write_text("#!/bin/sh\necho 1000\n")
    (bin_dir / "sudo").write_text("#!/bin/sh\nexit 1\n")
    for tool in bin_dir.iterdir():
        tool.chmod(0o755)
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "DATABASE_URL": ""}
    result = run("test", env)
    assert result.returncode == 1
    assert "缺少系统软件包：chromium" in result.stderr
    assert (
        "请先运行：sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium"
        in result.stderr
    )
    assert run("demo", env).returncode == 0  # the demo does not need Chromium
