#!/usr/bin/env bash
# The Debian packages `make demo` and `make test` need beyond Python, checked before anything
# else runs: installed at once when run as root (or with password-less sudo), otherwise the
# script stops with the exact command to run. Usage: scripts/system-packages.sh demo|test
#
#   demo: fonts-wqy-zenhei (the CJK font embedded in PDF annual reports)
#   test: that, plus chromium and chromium-driver (browser tests), maven and
#         openjdk-17-jdk-headless (the Elasticsearch 8.14 node the search tests build from
#         Maven Central, and S3Proxy, the S3 storage of the media tests), redis-server (the tests of several app servers start their own),
#         and postgresql when DATABASE_URL selects PostgreSQL
#
# PORTAL_SKIP_SYSTEM_PACKAGES=1 skips the check (e.g. a non-Debian machine set up by hand).
set -euo pipefail

purpose="${1:-test}"
if [ -n "${PORTAL_SKIP_SYSTEM_PACKAGES:-}" ]; then
    exit 0
fi

packages=(fonts-wqy-zenhei)
if [ "$purpose" = "test" ]; then
    packages+=(chromium chromium-driver maven openjdk-17-jdk-headless redis-server)
    case "${DATABASE_URL:-}" in postgres*) packages+=(postgresql) ;; esac
fi

if ! command -v dpkg-query >/dev/null; then
    echo "系统软件包检查：这不是 Debian/Ubuntu 系统，请自行安装：${packages[*]}" >&2
    echo "（已安装后可设置 PORTAL_SKIP_SYSTEM_PACKAGES=1 跳过此检查）" >&2
    exit 1
fi

missing=()
for package in "${packages[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
    [ "$status" = "install ok installed" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

command=(apt-get install -y --no-install-recommends "${missing[@]}")
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo=(sudo)
else
    echo "缺少系统软件包：${missing[*]}" >&2
    echo "请先运行：sudo apt-get update && sudo ${command[*]}" >&2
    exit 1
fi
echo "安装系统软件包：${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
${sudo[@]+"${sudo[@]}"} apt-get update -qq
${sudo[@]+"${sudo[@]}"} "${command[@]}" >/dev/null
