#!/usr/bin/env bash
# Start a throw-away PostgreSQL cluster for the AACT reader's tests (tests/test_aact*.py), and
# print the connection URL the tests read from TRIAL_AUDIT_TEST_PG_URL. Debian's package; run as root.
# Usage: export TRIAL_AUDIT_TEST_PG_URL="$(bash .ci/postgres.sh)"
set -euo pipefail
PORT="${TRIAL_AUDIT_PG_PORT:-55432}"
DATA="${TRIAL_AUDIT_PG_DIR:-/tmp/trial-audit-pg}"
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# A cluster that is not running (left by an earlier session or CI run, perhaps stopped uncleanly: it
# runs with fsync off) is made anew; a running one (this session's) is reused.
if ! { [ -f "$DATA/PG_VERSION" ] && as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }; then
  rm -rf "$DATA"
  mkdir -p "$DATA"
  if [ "$(id -u)" = 0 ]; then chown postgres "$DATA"; fi
  as_pg "$BIN/initdb" -D "$DATA" -A trust -U postgres >/dev/null
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k /tmp -c fsync=off" start >/dev/null
fi
as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='aact_test'" | grep -q 1 \
  || as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres aact_test
echo "postgresql://postgres@127.0.0.1:$PORT/aact_test"
