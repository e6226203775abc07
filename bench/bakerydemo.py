"""Baseline: Wagtail's own demo site (bakerydemo) under gunicorn, DEBUG off, on SQLite.

Not part of ``make bench``. Usage (from the repository root)::

    .venv/bin/python bench/bakerydemo.py [--dir /work/bakerydemo] [--seconds 15] [--clients 8]

The bakerydemo checkout (``--dir``, else ``$BAKERYDEMO_DIR``, else /work/bakerydemo) is built
once and reused: its own virtualenv ``.venv`` (its requirements/base.txt, whitenoise as pinned
in its requirements/production.txt, gunicorn 23 as ``make bench`` uses), ``migrate``,
``load_initial_data`` into its default SQLite file ``bakerydemodb``, ``collectstatic``. It is
served by its own ``bakerydemo.settings.production`` (DEBUG off, whitenoise) with 2 sync
workers; prints JSON with the latency and throughput of the blog index and of one blog post.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from httpload import free_port, measure_latency, measure_throughput, minimal_env, start_gunicorn

DEFAULT_DIR = "/work/bakerydemo"
SETTINGS = "bakerydemo.settings.production"
DATABASE = "bakerydemodb"
INSTALLED = ".venv/.bench-installed"
EXTRA_REQUIREMENTS = ["gunicorn>=23,<24"]
# Bakerydemo's production settings, made to run over plain HTTP on 127.0.0.1. Without
# DATABASE_URL they use the SQLite file bakerydemodb; without REDIS_URL a local-memory cache.
SERVER_ENV = {
    "DJANGO_SETTINGS_MODULE": SETTINGS,
    "DJANGO_SECRET_KEY": "bakerydemo-benchmark-only-not-secret",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
    "PRIMARY_HOST": "127.0.0.1",
    "DJANGO_LOG_LEVEL": "WARNING",
}
HOW_TO_GET = (
    "{directory} is not a bakerydemo checkout (no manage.py). Get it with the fetch tool "
    "(source github:wagtail/bakerydemo, which gives a bare git directory under /work/.mirror/) "
    "and `git clone /work/.mirror/wagtail+bakerydemo/repo {directory}`, or pass --dir / set "
    "BAKERYDEMO_DIR to an existing checkout."
)


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run ``command``; return its stdout, or raise with its output if it fails."""
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout[-2000:]}{done.stderr}")
    return done.stdout


def requirements(directory: Path, python: str) -> list[str]:
    """Bakerydemo's base requirements (Django relaxed to 5.2 below Python 3.12) plus extras."""
    lines = (directory / "requirements" / "base.txt").read_text().splitlines()
    version = run([python, "-c", "import sys; print(sys.version_info[:2] >= (3, 12))"], directory)
    wanted = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    if version.strip() == "False":  # Django 6 needs Python 3.12
        wanted = [re.sub(r"^Django>=6.*", "Django>=5.2,<5.3", line) for line in wanted]
    production = (directory / "requirements" / "production.txt").read_text().splitlines()
    return (
        wanted + [line for line in production if line.startswith("whitenoise")] + EXTRA_REQUIREMENTS
    )


def setup(directory: str = DEFAULT_DIR) -> dict:
    """Build (or reuse) the virtualenv, database and static files of the checkout at ``directory``.

    Returns ``{"directory", "commit", "python", "settings", "blog_index_path", "blog_post_path"}``.
    """
    root = Path(directory).resolve()
    if not (root / "manage.py").is_file():
        raise SystemExit(HOW_TO_GET.format(directory=root))
    commit = run(["git", "rev-parse", "HEAD"], root).strip()
    python = str(root / ".venv" / "bin" / "python")
    if not (root / INSTALLED).is_file():
        # The interpreter behind this virtualenv (not a pyenv shim), so both sites share it.
        base = getattr(sys, "_base_executable", sys.executable)
        run([base, "-m", "venv", str(root / ".venv")], root)
        pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        wanted = requirements(root, python)
        run(pip + wanted, root)
        (root / INSTALLED).write_text("\n".join(wanted) + "\n")
    env = minimal_env(**SERVER_ENV)
    manage = [python, "manage.py"]
    if not (root / DATABASE).is_file():
        # Load into a side file, renamed when complete: a failed load is never reused.
        partial = f"{DATABASE}.partial"
        (root / partial).unlink(missing_ok=True)
        load_env = {**env, "DATABASE_NAME": partial}
        run(manage + ["migrate", "--noinput", "-v0"], root, load_env)
        run(manage + ["load_initial_data"], root, load_env)
        (root / partial).rename(root / DATABASE)
    if not (root / "bakerydemo" / "collect_static" / "staticfiles.json").is_file():
        run(manage + ["collectstatic", "--noinput", "-v0"], root, env)
    query = (
        "import json; from bakerydemo.blog.models import BlogIndexPage, BlogPage; "
        "pages = [m.objects.live().public().order_by('path').first() "
        "for m in (BlogIndexPage, BlogPage)]; print(json.dumps([p.get_url() for p in pages]))"
    )
    out = run(manage + ["shell", "-v0", "-c", query], root, env)
    index_path, post_path = json.loads(out.strip().splitlines()[-1])
    return {
        "directory": str(root),
        "commit": commit,
        "python": python,
        "settings": SETTINGS,
        "blog_index_path": index_path,
        "blog_post_path": post_path,
    }


@contextmanager
def serve(info: dict, port: int) -> Iterator[str]:
    """Serve the checkout described by ``info`` (from ``setup``) with gunicorn, 2 workers."""
    env = minimal_env(**SERVER_ENV)
    with start_gunicorn(info["python"], info["directory"], "bakerydemo.wsgi", port, env) as url:
        yield url


def versions(info: dict) -> dict:
    """Python, Django, Wagtail and gunicorn versions of the bakerydemo virtualenv."""
    code = (
        "import json, platform, django, gunicorn, wagtail; print(json.dumps({'python': "
        "platform.python_version(), 'django': django.__version__, 'wagtail': "
        "wagtail.__version__, 'gunicorn': gunicorn.__version__}))"
    )
    return json.loads(run([info["python"], "-c", code], Path(tempfile.gettempdir())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default=os.environ.get("BAKERYDEMO_DIR", DEFAULT_DIR))
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    info = setup(args.dir)
    load_before = [round(x, 2) for x in os.getloadavg()]  # other work on the machine skews it
    paths = [info["blog_index_path"], info["blog_post_path"]]
    with serve(info, free_port()) as url:
        latency = [measure_latency(url, path, args.requests) for path in paths]
        throughput = [measure_throughput(url, path, args.seconds, args.clients) for path in paths]
    result = {
        "commit": info["commit"],
        "settings": info["settings"],
        "server": "gunicorn, 2 sync workers x 1 thread, 127.0.0.1",
        "cpus": os.cpu_count(),
        "load_average_before": load_before,
        "versions": versions(info),
        "latency": latency,
        "throughput": throughput,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
