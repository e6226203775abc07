#!/usr/bin/env bash
# Runs the development Elasticsearch node in the foreground; Ctrl-C or SIGTERM stops it cleanly.
# Builds scripts/elasticsearch/target/ first if needed. See README.md; env vars: common.sh.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

es_build
JAVA="$(es_java)"
mkdir -p "$ES_DATA_DIR/tmp"

case "$(uname -s)-$(uname -m)" in
    Linux-x86_64 | Linux-amd64) platform=linux-x64 ;;
    Linux-aarch64 | Linux-arm64) platform=linux-aarch64 ;;
    Darwin-x86_64) platform=darwin-x64 ;;
    Darwin-arm64) platform=darwin-aarch64 ;;
    *) platform=unknown ;;
esac

# The system JVM options of the official launcher (server-cli SystemJvmOptions), a small heap,
# then ES_JAVA_OPTS (later options win, so it can override the heap).
jvm_opts=(
    -Xms512m -Xmx1g -XX:+UseG1GC -Xss1m
    -XX:+ExitOnOutOfMemoryError
    -Djava.io.tmpdir="$ES_DATA_DIR/tmp"
    -Des.networkaddress.cache.ttl=60 -Des.networkaddress.cache.negative.ttl=10
    -Djava.awt.headless=true -Dfile.encoding=UTF-8 -Djna.nosys=true -XX:-OmitStackTraceInFastThrow
    -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true -Dio.netty.recycler.maxCapacityPerThread=0
    -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true -Dlog4j2.formatMsgNoLookups=true
    -Djava.locale.providers=SPI,COMPAT
    --add-opens=java.base/java.io=org.elasticsearch.preallocate
    --add-opens=org.apache.lucene.core/org.apache.lucene.store=org.elasticsearch.vec
    -Djava.library.path="$ES_DIST/lib/platform/$platform"
)
# shellcheck disable=SC2206
extra_opts=(${ES_JAVA_OPTS:-})

exec "$JAVA" "${jvm_opts[@]}" ${extra_opts[@]+"${extra_opts[@]}"} \
    --module-path "$ES_DIST/lib" --add-modules=jdk.net --add-modules=ALL-MODULE-PATH \
    -cp "$ES_LAUNCHER_JAR" devsearch.EsNode \
    --home "$ES_DIST" --conf "$ES_SCRIPT_DIR/config" --data "$ES_DATA_DIR" --port "$ES_PORT"
