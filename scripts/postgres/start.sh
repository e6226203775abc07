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
