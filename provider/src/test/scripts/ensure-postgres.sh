#!/usr/bin/env bash
# Makes sure a local PostgreSQL answers on 127.0.0.1:5432 and (re)creates an empty database owned
# by the role kcpat/kcpat. Installs Debian's postgresql when it is missing (CI runs as root).
#   ensure-postgres.sh <database>
set -euo pipefail
DB="${1:?database name}"
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
VER=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -x "$VER main" >/dev/null; then
  pg_createcluster "$VER" main >/dev/null
fi
pg_ctlcluster "$VER" main start 2>/dev/null || true
for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kcpat') THEN
    CREATE ROLE kcpat LOGIN PASSWORD 'kcpat';
  END IF;
END \$\$;
DROP DATABASE IF EXISTS $DB WITH (FORCE);
CREATE DATABASE $DB OWNER kcpat;
SQL
