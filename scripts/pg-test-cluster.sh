#!/bin/sh
# Start or stop a throwaway PostgreSQL cluster for kbassist's portability tests.
#
#   scripts/pg-test-cluster.sh start [DIR]   # prints the SQLAlchemy URL
#   scripts/pg-test-cluster.sh stop  [DIR]   # stops the server and deletes DIR
#
# Installs nothing: it uses Debian's binaries under /usr/lib/postgresql/*/bin
# (apt-get install postgresql). The server listens on 127.0.0.1 at a free port
# and on a unix socket inside DIR (default /tmp/kbassist-pg); trust auth, so
# keep it for tests. initdb refuses root: as root the cluster runs as the
# `postgres` user. Use the URL as KBASSIST_TEST_DATABASE_URL (see
# docs/postgresql.md); `make test-postgres` starts, tests and stops one.
# DIR is deleted on start and stop, so it must be missing, empty or a
# cluster folder this script made.
set -eu

command="${1:-}"
dir="${2:-${KBASSIST_PG_DIR:-/tmp/kbassist-pg}}"

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "No PostgreSQL binaries under /usr/lib/postgresql/*/bin." >&2
    echo "Install them with: apt-get install postgresql" >&2
    exit 1
fi

# Run a command as the cluster's owner: ourselves, or `postgres` when root.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# Refuse to delete a folder that is neither empty nor one of our clusters.
check_dir() {
    if [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ] && [ ! -f "$dir/initdb.log" ] \
        && [ ! -f "$dir/port" ]; then
        echo "$dir is not empty and holds no test cluster; give another DIR." >&2
        exit 1
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

case "$command" in
start)
    check_dir
    if [ -f "$dir/port" ] && as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        port=$(cat "$dir/port")
    else
        rm -rf "$dir"
        mkdir -p "$dir"
        if [ "$(id -u)" -eq 0 ]; then
            chown postgres "$dir"
        fi
        as_owner "$bindir/initdb" -D "$dir/data" -U kbassist -A trust -E UTF8 \
            --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; exit 1; }
        port=$(free_port)
        as_owner sh -c "echo $port >'$dir/port'"
        as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null \
            || { cat "$dir/server.log" >&2; exit 1; }
        as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U kbassist kbassist_test
    fi
    echo "postgresql+psycopg://kbassist@127.0.0.1:$port/kbassist_test"
    ;;
stop)
    check_dir
    if [ -d "$dir/data" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    echo "stopped; removed $dir"
    ;;
*)
    echo "usage: $0 start|stop [DIR]" >&2
    exit 2
    ;;
esac
