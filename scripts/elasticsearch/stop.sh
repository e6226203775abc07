#!/usr/bin/env bash
# Stops the node started by start.sh (SIGTERM, clean shutdown; SIGKILL after 60s).
# See README.md; env vars: common.sh.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if ! pid="$(es_running_pid)"; then
    rm -f "$ES_PID_FILE"
    echo "elasticsearch: not running (no live node for $ES_PID_FILE)"
    exit 0
fi
kill -TERM "$pid"
for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
done
if kill -0 "$pid" 2>/dev/null; then
    echo "elasticsearch: pid $pid still alive after 60s, killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
fi
rm -f "$ES_PID_FILE"
echo "elasticsearch: stopped (pid $pid)"
