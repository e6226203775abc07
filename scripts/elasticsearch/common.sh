# Shared by run.sh, start.sh and stop.sh (sourced, not executed).
#
# Environment:
#   ES_PORT          HTTP port on 127.0.0.1 (default 9200); transport uses ES_PORT+100..+199
#   ES_TRANSPORT_PORT  exact transport port instead of that range (a cluster's seed hosts name it)
#   ES_CLUSTER_NAME  cluster name (default dev-es); ES_NODE_NAME: node name (default dev-node)
#   ES_SEED_HOSTS    transport host:port list, comma separated, of the cluster's master-eligible
#                    nodes; unset = a single-node cluster (the default)
#   ES_INITIAL_MASTERS  node names that elect the first master of a new cluster (comma separated)
#   ES_NODE_ROLES    e.g. "master" for a master-only node (default: every role)
#   ES_DATA_DIR      data/log/pid directory (default: <repo root>/.es-data)
#   ES_JAVA_OPTS     extra JVM options, appended (e.g. "-Xmx2g" to override the heap)
#   ES_START_TIMEOUT seconds start.sh waits for the node (default 180)
#   JAVA_HOME        Java 17+ to use (default: java on PATH)

ES_SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ES_REPO_ROOT="$(cd "$ES_SCRIPT_DIR/../.." && pwd)"
ES_VERSION=8.14.3

ES_PORT="${ES_PORT:-9200}"
ES_DATA_DIR="${ES_DATA_DIR:-$ES_REPO_ROOT/.es-data}"
case "$ES_DATA_DIR" in /*) ;; *) ES_DATA_DIR="$PWD/$ES_DATA_DIR" ;; esac
ES_URL="http://127.0.0.1:$ES_PORT"

ES_TARGET="$ES_SCRIPT_DIR/target"
ES_DIST="$ES_TARGET/elasticsearch-$ES_VERSION"
ES_PLUGIN_DIR="$ES_DIST/plugins/dev-extras"
ES_LAUNCHER_JAR="$ES_TARGET/dev-extras-launcher.jar"
ES_PID_FILE="$ES_DATA_DIR/es.pid"
ES_LOG_FILE="$ES_DATA_DIR/es.log"

es_die() { echo "elasticsearch: $*" >&2; exit 1; }

es_java() {
    local java
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
        java="$JAVA_HOME/bin/java"
    else
        java="$(command -v java)" || es_die "java not found (install Java 17+ or set JAVA_HOME)"
    fi
    local major
    major="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
    [ "${major%%.*}" -ge 17 ] 2>/dev/null || es_die "$java is Java '$major'; Java 17 or newer is needed"
    echo "$java"
}

# Builds target/ once (downloads from Maven Central on the first run); rebuilds only when
# pom.xml or src/ changed since the last successful build. Maven's output goes to
# target/build.log and is shown only if the build fails.
es_build() {
    local stamp="$ES_TARGET/.built"
    if [ -f "$stamp" ] && [ -f "$ES_LAUNCHER_JAR" ] && [ -f "$ES_PLUGIN_DIR/dev-extras.jar" ] \
        && [ -f "$ES_DIST/lib/elasticsearch-$ES_VERSION.jar" ] \
        && [ -z "$(find "$ES_SCRIPT_DIR/pom.xml" "$ES_SCRIPT_DIR/src" -newer "$stamp" -print -quit)" ]; then
        return 0
    fi
    command -v mvn >/dev/null || es_die "mvn (Maven 3) not found"
    echo "elasticsearch: building $ES_TARGET (the first build downloads ~165 MB from Maven Central into ~/.m2)" >&2
    rm -f "$stamp"
    rm -rf "$ES_PLUGIN_DIR"   # no stale jars in the plugin directory
    # the unpack marker alone must not stop a missing distribution from being unpacked again
    [ -f "$ES_DIST/lib/elasticsearch-$ES_VERSION.jar" ] || rm -rf "$ES_TARGET/dependency-maven-plugin-markers"
    mkdir -p "$ES_TARGET"
    if ! mvn -B -f "$ES_SCRIPT_DIR/pom.xml" package >"$ES_TARGET/build.log" 2>&1; then
        grep -E "ERROR|BUILD" "$ES_TARGET/build.log" | tail -n 40 >&2
        es_die "maven build failed (full log: $ES_TARGET/build.log)"
    fi
    touch "$stamp"
}

# Prints the pid of the node started by start.sh for this data dir, if it is alive.
es_running_pid() {
    [ -f "$ES_PID_FILE" ] || return 1
    local pid cmd
    pid="$(cat "$ES_PID_FILE" 2>/dev/null)"
    case "$pid" in '' | *[!0-9]*) return 1 ;; esac
    kill -0 "$pid" 2>/dev/null || return 1
    if [ -r "/proc/$pid/cmdline" ]; then
        cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline")"
    else
        cmd="$(ps -p "$pid" -o args= 2>/dev/null)"
    fi
    case "$cmd" in *devsearch.EsNode*) echo "$pid" ;; *) return 1 ;; esac
}

# es_http_get PATH: prints the body and succeeds only on HTTP 200. Uses curl when present,
# bash's /dev/tcp otherwise.
es_http_get() {
    if command -v curl >/dev/null; then
        curl -fsS -m 30 "$ES_URL$1" 2>/dev/null
        return
    fi
    (
        exec 3<>"/dev/tcp/127.0.0.1/$ES_PORT" || exit 1
        printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$1" "$ES_PORT" >&3
        resp="$(timeout 30 cat <&3)"
        case "$resp" in
            "HTTP/1.1 200"*) printf '%s\n' "${resp#*$'\r\n\r\n'}" ;;
            *) exit 1 ;;
        esac
    ) 2>/dev/null
}
