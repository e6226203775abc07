#!/usr/bin/env bash
# Stops the server started by start.sh (SIGTERM; SIGKILL after 30s). Objects stay in
# $S3_DATA_DIR/buckets. See README.md; env vars: common.sh.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if ! pid="$(s3_running_pid)"; then
    rm -f "$S3_PID_FILE"
    echo "s3proxy: not running (no live server for $S3_PID_FILE)"
    exit 0
fi
kill -TERM "$pid"
for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
done
if kill -0 "$pid" 2>/dev/null; then
    echo "s3proxy: pid $pid still alive after 30s, killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
fi
rm -f "$S3_PID_FILE" "$S3_DATA_DIR/s3proxy.port"
echo "s3proxy: stopped (pid $pid)"
