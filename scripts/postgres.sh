#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the test suites and prints its URL on stdout.
# Installs Debian's postgresql package when the machine has no server binaries.
#   url=$(bash scripts/postgres.sh start)   ...   bash scripts/postgres.sh stop
#   bash scripts/postgres.sh running        exits 0 when that server is already up
set -euo pipefail

PORT="${OFFERKIT_PG_PORT:-54329}"
ROOT="${OFFERKIT_PG_DIR:-/tmp/offerkit-pg-$PORT}"

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

as_pg() {
  if [ "$(id -u)" = "0" ]; then
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

start() {
  local bin
  if ! bin=$(find_bin); then
    echo "Installing PostgreSQL from Debian's packages..." >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    bin=$(find_bin)
  fi
  if [ -f "$ROOT/data/postmaster.pid" ] && as_pg "'$bin/pg_ctl' -D '$ROOT/data' status" >/dev/null 2>&1; then
    echo "postgres://offerkit@127.0.0.1:$PORT/offerkit_test"
    return 0
  fi
  rm -rf "$ROOT"
  mkdir -p "$ROOT/sock"
  [ "$(id -u)" = "0" ] && chown -R postgres:postgres "$ROOT"
  as_pg "'$bin/initdb' -D '$ROOT/data' -U postgres --auth=trust -E UTF8 --no-locale" >"$ROOT.init.log" 2>&1 \
    || { cat "$ROOT.init.log" >&2; exit 1; }
  as_pg "'$bin/pg_ctl' -D '$ROOT/data' -l '$ROOT/server.log' -w -t 30 \
    -o \"-c listen_addresses=127.0.0.1 -p $PORT -k $ROOT/sock -c fsync=off -c max_connections=200\" start" >&2
  as_pg "'$bin/psql' -h 127.0.0.1 -p $PORT -U postgres -qc \"CREATE ROLE offerkit LOGIN SUPERUSER\"" >&2
  as_pg "'$bin/psql' -h 127.0.0.1 -p $PORT -U postgres -qc \"CREATE DATABASE offerkit_test OWNER offerkit\"" >&2
  echo "postgres://offerkit@127.0.0.1:$PORT/offerkit_test"
}

running() {
  local bin
  bin=$(find_bin) || return 1
  [ -f "$ROOT/data/postmaster.pid" ] && as_pg "'$bin/pg_ctl' -D '$ROOT/data' status" >/dev/null 2>&1
}

stop() {
  local bin
  bin=$(find_bin) || return 0
  [ -d "$ROOT/data" ] && as_pg "'$bin/pg_ctl' -D '$ROOT/data' -m fast stop" >&2 || true
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  running) running ;;
  *) echo "usage: $0 start|stop|running" >&2; exit 2 ;;
esac
