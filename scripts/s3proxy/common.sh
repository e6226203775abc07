# Shared by run.sh, start.sh and stop.sh (sourced, not executed).
#
# Environment:
#   S3_PORT           HTTP port on 127.0.0.1 (default 9500; not 9300: Elasticsearch's transport port)
#   S3_DATA_DIR       buckets (one directory each), pid file, log (default: <repo root>/.s3-data)
#   S3_ACCESS_KEY     the one access key the server accepts (default: portal-dev)
#   S3_SECRET_KEY     its secret (default: portal-dev-secret)
#   S3_JAVA_OPTS      extra JVM options, appended (e.g. "-Xmx512m")
#   S3_START_TIMEOUT  seconds start.sh waits for the server (default 60)
#   JAVA_HOME         Java 17+ to use (default: java on PATH)

S3_SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
S3_REPO_ROOT="$(cd "$S3_SCRIPT_DIR/../.." && pwd)"
S3_VERSION=2.6.0

S3_PORT="${S3_PORT:-9500}"
S3_DATA_DIR="${S3_DATA_DIR:-$S3_REPO_ROOT/.s3-data}"
case "$S3_DATA_DIR" in /*) ;; *) S3_DATA_DIR="$PWD/$S3_DATA_DIR" ;; esac
S3_ACCESS_KEY="${S3_ACCESS_KEY:-portal-dev}"
S3_SECRET_KEY="${S3_SECRET_KEY:-portal-dev-secret}"
S3_URL="http://127.0.0.1:$S3_PORT"

S3_TARGET="$S3_SCRIPT_DIR/target"
S3_LIB="$S3_TARGET/lib"
S3_BUCKET_DIR="$S3_DATA_DIR/buckets"
S3_PROPERTIES="$S3_DATA_DIR/s3proxy.properties"
S3_PID_FILE="$S3_DATA_DIR/s3proxy.pid"
S3_LOG_FILE="$S3_DATA_DIR/s3proxy.log"

s3_die() { echo "s3proxy: $*" >&2; exit 1; }

s3_java() {
    local java
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
        java="$JAVA_HOME/bin/java"
    else
        java="$(command -v java)" || s3_die "java not found (install Java 17+ or set JAVA_HOME)"
    fi
    local major
    major="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
    [ "${major%%.*}" -ge 17 ] 2>/dev/null || s3_die "$java is Java '$major'; Java 17 or newer is needed"
    echo "$java"
}

# Copies S3Proxy and its dependencies into target/lib once (downloads ~45 MB from Maven
# Central into ~/.m2 on the first run); again only when pom.xml changed since the last
# successful build. Maven's output goes to target/build.log and is shown only on failure.
s3_build() {
    local stamp="$S3_TARGET/.built"
    if [ -f "$stamp" ] && [ -f "$S3_LIB/s3proxy-$S3_VERSION.jar" ] \
        && [ -z "$(find "$S3_SCRIPT_DIR/pom.xml" -newer "$stamp" -print -quit)" ]; then
        return 0
    fi
    command -v mvn >/dev/null || s3_die "mvn (Maven 3) not found"
    echo "s3proxy: building $S3_TARGET (the first build downloads ~45 MB from Maven Central into ~/.m2)" >&2
    rm -f "$stamp"
    rm -rf "$S3_LIB"   # no jars of an older version on the class path
    mkdir -p "$S3_TARGET"
    if ! mvn -B -f "$S3_SCRIPT_DIR/pom.xml" package >"$S3_TARGET/build.log" 2>&1; then
        grep -E "ERROR|BUILD" "$S3_TARGET/build.log" | tail -n 40 >&2
        s3_die "maven build failed (full log: $S3_TARGET/build.log)"
    fi
    touch "$stamp"
}

# Prints the pid of the server started by start.sh for this data dir, if it is alive.
s3_running_pid() {
    [ -f "$S3_PID_FILE" ] || return 1
    local pid cmd
    pid="$(cat "$S3_PID_FILE" 2>/dev/null)"
    case "$pid" in '' | *[!0-9]*) return 1 ;; esac
    kill -0 "$pid" 2>/dev/null || return 1
    if [ -r "/proc/$pid/cmdline" ]; then
        cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline")"
    else
        cmd="$(ps -p "$pid" -o args= 2>/dev/null)"
    fi
    case "$cmd" in *org.gaul.s3proxy.Main*) echo "$pid" ;; *) return 1 ;; esac
}

# Prints the response headers of an anonymous GET /; fails if nothing answers HTTP there.
# S3Proxy refuses the request (403 AccessDenied) with an x-amz-request-id header.
s3_http_headers() {
    if command -v curl >/dev/null; then
        local headers
        headers="$(curl -sS -m 10 -o /dev/null -D - "$S3_URL/" 2>/dev/null)" || return 1
        case "$headers" in HTTP/*) printf '%s\n' "$headers" ;; *) return 1 ;; esac
        return
    fi
    (
        exec 3<>"/dev/tcp/127.0.0.1/$S3_PORT" || exit 1
        printf 'GET / HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$S3_PORT" >&3
        resp="$(timeout 10 cat <&3)"
        case "$resp" in HTTP/*) printf '%s\n' "${resp%%$'\r\n\r\n'*}" ;; *) exit 1 ;; esac
    ) 2>/dev/null
}
