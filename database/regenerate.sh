#!/usr/bin/env bash
# Regenerates, from the current model, the one migration set per provider and the SQL scripts a DBA runs.
# Run it after every model change (OneStop.Domain entities or Persistence/Configurations), from anywhere:
#
#   database/regenerate.sh
#
# While the product is unreleased each provider keeps a single "Initial" migration: the old sets are deleted
# and generated again. Once a database exists in production, stop deleting and add named migrations instead
# (see database/README.md).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

ef() { dotnet tool run dotnet-ef "$@"; }

dotnet tool restore

migrations="OneStop.Domain/Persistence/Migrations"
rm -rf "$migrations" OneStop.Domain/OneStop

# No --namespace: dotnet-ef 10.0.14 then writes the model snapshot to OneStop.Domain/OneStop/Persistence/...
# (it does not strip the root namespace from the snapshot's path). Without it the namespace is derived from the
# root namespace (OneStop) and the output folder, which gives exactly OneStop.Persistence.Migrations.<Provider>;
# the check below keeps it that way.
add() { # context, folder
    ef migrations add Initial --no-build \
        --project OneStop.Domain --startup-project OneStop.Domain \
        --context "$1" \
        --output-dir "Persistence/Migrations/$2"
    local expected="namespace OneStop.Persistence.Migrations.$2"
    local file
    for file in "$migrations/$2"/*.cs; do
        if ! grep -qx "$expected" "$file"; then
            echo "error: $file is not in $expected" >&2
            exit 1
        fi
    done
}

# Build once without the old sets; the three `migrations add` then run with --no-build (each context only
# looks at its own migrations and snapshot, so adding one set does not affect the next).
dotnet build OneStop.Domain --nologo -v quiet
add SqliteOneStopDbContext Sqlite
add PostgresOneStopDbContext PostgreSql
add SqlServerOneStopDbContext SqlServer

# The scripts are generated from the compiled migrations.
dotnet build OneStop.Domain --nologo -v quiet
mkdir -p database/sqlserver database/postgresql
ef migrations script --idempotent --no-build \
    --project OneStop.Domain --startup-project OneStop.Domain \
    --context SqlServerOneStopDbContext -o database/sqlserver/onestop.sql
ef migrations script --idempotent --no-build \
    --project OneStop.Domain --startup-project OneStop.Domain \
    --context PostgresOneStopDbContext -o database/postgresql/onestop.sql

echo "Regenerated: $migrations/{Sqlite,PostgreSql,SqlServer}, database/sqlserver/onestop.sql, database/postgresql/onestop.sql"
