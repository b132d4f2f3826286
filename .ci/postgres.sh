#!/usr/bin/env bash
# Install PostgreSQL from Debian, start it on localhost and export WRES_TEST_PG_URL.
#
# Why a sourceable script: .ci/run sources it so that the database tests see the URL and
# run against PostgreSQL as well as SQLite. It is idempotent: a second run finds the
# package installed, the server up and the role and database already there.
# Executed directly, it prints the export line instead.

_wres_pg_setup() {
    local user="${WRES_PG_USER:-wres}" password="${WRES_PG_PASSWORD:-wres}"
    local database="${WRES_PG_DB:-wres_test}" port="${WRES_PG_PORT:-5432}"
    local sudo_pg="runuser -u postgres --"
    [ "$(id -u)" = 0 ] || sudo_pg="sudo -u postgres"

    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq postgresql >/dev/null || {
            echo "postgres.sh: apt-get install postgresql failed" >&2; return 1; }
    fi
    local version
    version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    if ! pg_lsclusters -h | grep -q "^${version} main"; then
        pg_createcluster "$version" main --port "$port" >/dev/null || return 1
    fi
    if ! pg_lsclusters -h | grep -q "^${version} main .* online"; then
        pg_ctlcluster "$version" main start || {
            echo "postgres.sh: cannot start PostgreSQL $version" >&2; return 1; }
    fi
    port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')"
    local i
    for i in $(seq 1 30); do
        pg_isready -q -h localhost -p "$port" && break
        sleep 1
    done
    $sudo_pg psql -q -p "$port" -v ON_ERROR_STOP=1 -d postgres <<SQL || return 1
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${user}') THEN
    CREATE ROLE ${user} LOGIN PASSWORD '${password}';
  END IF;
END \$\$;
SQL
    if ! $sudo_pg psql -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname='${database}'" \
            -d postgres | grep -q 1; then
        $sudo_pg createdb -p "$port" -O "$user" "$database" || return 1
    fi
    export WRES_TEST_PG_URL="postgresql+psycopg://${user}:${password}@localhost:${port}/${database}"
    echo "export WRES_TEST_PG_URL=${WRES_TEST_PG_URL}"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    _wres_pg_setup || exit 1
else
    _wres_pg_setup
fi
