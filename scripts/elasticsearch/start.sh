#!/usr/bin/env bash
# Starts the development Elasticsearch node in the background and waits until it is usable
# (cluster health yellow). Idempotent: does nothing if it is already running.
# pid file: $ES_DATA_DIR/es.pid, log: $ES_DATA_DIR/es.log. See README.md; env vars: common.sh.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

timeout_s="${ES_START_TIMEOUT:-180}"
health="/_cluster/health?wait_for_status=yellow&timeout=5s"

mkdir -p "$ES_DATA_DIR"
if command -v flock >/dev/null; then   # two concurrent start.sh: the second waits, then finds it running
    exec 9>"$ES_DATA_DIR/.start.lock"
    flock 9
fi

if pid="$(es_running_pid)"; then
    echo "elasticsearch: already running (pid $pid), $ES_URL"
elif body="$(es_http_get /)"; then
    case "$body" in
        *'"cluster_name"'*)
            echo "elasticsearch: an Elasticsearch not started by this script already answers on $ES_URL; using it"
            exit 0 ;;
        *) es_die "port $ES_PORT is taken by something that is not Elasticsearch" ;;
    esac
else
    es_build   # in the foreground: the first build downloads from Maven Central
    es_java >/dev/null
    rm -f "$ES_PID_FILE"
    launcher=()
    command -v setsid >/dev/null && launcher=(setsid)   # own session: a Ctrl-C elsewhere does not hit it
    nohup ${launcher[@]+"${launcher[@]}"} "$ES_SCRIPT_DIR/run.sh" >"$ES_LOG_FILE" 2>&1 </dev/null 9>&- &
    pid=$!
    echo "$pid" >"$ES_PID_FILE"
    echo "elasticsearch: starting (pid $pid, port $ES_PORT, data $ES_DATA_DIR, log $ES_LOG_FILE)"
fi

start=$SECONDS
until es_http_get "$health" >/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "elasticsearch: the node exited during startup; last lines of $ES_LOG_FILE:" >&2
        tail -n 40 "$ES_LOG_FILE" >&2 || true
        rm -f "$ES_PID_FILE"
        exit 1
    fi
    if [ $((SECONDS - start)) -ge "$timeout_s" ]; then
        echo "elasticsearch: not healthy after ${timeout_s}s; stopping it. Last lines of $ES_LOG_FILE:" >&2
        tail -n 40 "$ES_LOG_FILE" >&2 || true
        "$ES_SCRIPT_DIR/stop.sh" >&2 || true
        exit 1
    fi
    sleep 1
done
echo "elasticsearch: ready at $ES_URL after $((SECONDS - start))s"
