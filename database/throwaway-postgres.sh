#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for benchmarks (as OneStop.Tests/Persistence/PostgresCluster.cs does for the
# tests): initdb into a temp folder, pg_ctl start on 127.0.0.1:PORT with durability off, a database "onestop".
# As root the server runs as the postgres user through runuser. Prints the connection string; stop it with
#
#   database/throwaway-postgres.sh stop FOLDER
#
# Usage: database/throwaway-postgres.sh [PORT]   (default 55432)
set -euo pipefail

bin="$(dirname "$(command -v pg_ctl || ls /usr/lib/postgresql/*/bin/pg_ctl | tail -1)")"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "${1:-}" = stop ]; then
    as_pg "$bin/pg_ctl" -D "$2/data" -m immediate -w stop || true
    rm -rf "$2"
    exit 0
fi

port="${1:-55432}"
root="$(mktemp -d /tmp/onestop-pg-bench-XXXXXX)"
if [ "$(id -u)" = 0 ]; then chown postgres: "$root"; fi
as_pg "$bin/initdb" -D "$root/data" -U postgres --auth=trust -E UTF8 --locale=C --no-sync >/dev/null
as_pg "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 60 \
    -o "-p $port -k $root -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
psql -h 127.0.0.1 -p "$port" -U postgres -qc 'CREATE DATABASE onestop' postgres
echo "folder: $root"
echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=onestop"
