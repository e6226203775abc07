#!/usr/bin/env bash
# Starts the development S3Proxy in the background and waits until it answers.
# Idempotent: does nothing if it is already running.
# pid file: $S3_DATA_DIR/s3proxy.pid, log: $S3_DATA_DIR/s3proxy.log. See README.md; env vars: common.sh.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

timeout_s="${S3_START_TIMEOUT:-60}"

mkdir -p "$S3_DATA_DIR"
if command -v flock >/dev/null; then   # two concurrent start.sh: the second waits, then finds it running
    exec 9>"$S3_DATA_DIR/.start.lock"
    flock 9
fi

if pid="$(s3_running_pid)"; then
    running_port="$(cat "$S3_DATA_DIR/s3proxy.port" 2>/dev/null || true)"
    [ "$running_port" = "$S3_PORT" ] \
        || s3_die "already running for $S3_DATA_DIR on port ${running_port:-?}, not $S3_PORT (stop.sh it, or set S3_DATA_DIR)"
    echo "s3proxy: already running (pid $pid), $S3_URL"
    exit 0
elif headers="$(s3_http_headers)"; then
    case "$headers" in
        *x-amz-request-id*)
            echo "s3proxy: an S3 server not started by this script already answers on $S3_URL; using it"
            exit 0 ;;
        *) s3_die "port $S3_PORT is taken by something that is not an S3 server" ;;
    esac
elif (exec 3<>"/dev/tcp/127.0.0.1/$S3_PORT") 2>/dev/null; then
    s3_die "port $S3_PORT is taken by something that does not speak HTTP (set S3_PORT)"
fi

s3_build   # in the foreground: the first build downloads from Maven Central
s3_java >/dev/null
rm -f "$S3_PID_FILE"
launcher=()
command -v setsid >/dev/null && launcher=(setsid)   # own session: a Ctrl-C elsewhere does not hit it
nohup ${launcher[@]+"${launcher[@]}"} "$S3_SCRIPT_DIR/run.sh" >"$S3_LOG_FILE" 2>&1 </dev/null 9>&- &
pid=$!
echo "$pid" >"$S3_PID_FILE"
echo "$S3_PORT" >"$S3_DATA_DIR/s3proxy.port"
echo "s3proxy: starting (pid $pid, port $S3_PORT, data $S3_DATA_DIR, log $S3_LOG_FILE)"

start=$SECONDS
until s3_http_headers | grep -qi x-amz-request-id; do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "s3proxy: the server exited during startup; last lines of $S3_LOG_FILE:" >&2
        tail -n 40 "$S3_LOG_FILE" >&2 || true
        rm -f "$S3_PID_FILE"
        exit 1
    fi
    if [ $((SECONDS - start)) -ge "$timeout_s" ]; then
        echo "s3proxy: no answer after ${timeout_s}s; stopping it. Last lines of $S3_LOG_FILE:" >&2
        tail -n 40 "$S3_LOG_FILE" >&2 || true
        "$S3_SCRIPT_DIR/stop.sh" >&2 || true
        exit 1
    fi
    sleep 0.5
done
echo "s3proxy: ready at $S3_URL after $((SECONDS - start))s (access key $S3_ACCESS_KEY)"
