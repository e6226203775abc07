#!/usr/bin/env bash
# Runs the development S3Proxy in the foreground; Ctrl-C or SIGTERM stops it.
# Builds scripts/s3proxy/target/ first if needed. See README.md; env vars: common.sh.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

s3_build
JAVA="$(s3_java)"
mkdir -p "$S3_BUCKET_DIR" "$S3_DATA_DIR/tmp"

# Written on every start, so that S3_PORT and the keys always hold; the secret stays
# readable by this user only. The filesystem-nio2 backend keeps each bucket as a directory
# and each object as a file (S3Proxy 2.6 calls the older "filesystem" backend deprecated);
# jclouds requires an identity for it, which nothing checks.
umask 077
cat >"$S3_PROPERTIES" <<PROPERTIES
s3proxy.endpoint=$S3_URL
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_ACCESS_KEY
s3proxy.credential=$S3_SECRET_KEY
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$S3_BUCKET_DIR
jclouds.identity=unused
jclouds.credential=unused
PROPERTIES

# shellcheck disable=SC2206
extra_opts=(${S3_JAVA_OPTS:-})
exec "$JAVA" -Xmx256m -Djava.io.tmpdir="$S3_DATA_DIR/tmp" \
    -Dlogback.configurationFile="$S3_SCRIPT_DIR/logback.xml" \
    ${extra_opts[@]+"${extra_opts[@]}"} \
    -cp "$S3_LIB/*" org.gaul.s3proxy.Main --properties "$S3_PROPERTIES"
