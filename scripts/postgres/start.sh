#!/usr/bin/env bash
# Start the Debian PostgreSQL cluster and create the portal's role and database.
# Idempotent. Needs root (as on the development and CI machines).
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null; then
    echo "PostgreSQL is not installed: apt-get install postgresql" >&2
    exit 1
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
    pg_createcluster "$version" main >/dev/null
fi
# Settings for a server whose data fits in memory, as production's should (docs/performance.md):
# - shared_buffers: Debian's default, 128 MB, holds less than the search index of 100,000
#   documents, so every broad search rereads it from the OS cache. Production sizes it to
#   about a quarter of the server's memory.
# - random_page_cost: the default, 4, prices a random read as a disk seek; on SSD or cached
#   data 1.1 is the usual value, and PostgreSQL then looks up a few thousand search matches
#   by primary key instead of scanning every page.
changed=""
for setting in "shared_buffers=${PORTAL_PG_SHARED_BUFFERS:-1GB}" "random_page_cost=1.1"; do
    name=${setting%%=*} value=${setting#*=}
    if [ "$(pg_conftool -s "$version" main show "$name" 2>/dev/null)" != "$value" ]; then
        pg_conftool "$version" main set "$name" "$value"
        changed=1
    fi
done
if [ -n "$changed" ]; then  # shared_buffers needs a restart
    pg_ctlcluster "$version" main stop 2>/dev/null || true
fi
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 1
done
pg_isready -h 127.0.0.1 -p 5432
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal') THEN
        CREATE ROLE portal LOGIN PASSWORD 'portal' CREATEDB;
    END IF;
END $$;
SQL
su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='portal'\"" | grep -q 1 \
    || su postgres -c "createdb -O portal portal"
echo "PostgreSQL ready: postgres://portal:portal@127.0.0.1:5432/portal"
