#!/bin/sh
# Start or stop a throwaway Redis server for kbassist's several-servers tests.
#
#   scripts/redis-test-server.sh start [DIR]   # prints the redis:// URL
#   scripts/redis-test-server.sh stop  [DIR]   # stops the server and deletes DIR
#
# Installs nothing: it uses Debian's redis-server (apt-get install redis-server).
# The server listens on 127.0.0.1 at a free port, keeps nothing on disk and runs
# in the background with its pid file, log and port in DIR (default
# /tmp/kbassist-redis). `make test-servers` starts, tests and stops one.
set -eu

command="${1:-}"
dir="${2:-${KBASSIST_REDIS_DIR:-/tmp/kbassist-redis}}"

server=$(command -v redis-server || true)
if [ -z "$server" ]; then
    echo "No redis-server on PATH. Install it with: apt-get install redis-server" >&2
    exit 1
fi

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

case "$command" in
start)
    if [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ] && [ ! -f "$dir/port" ]; then
        echo "$dir is not empty and holds no test Redis; give another DIR." >&2
        exit 1
    fi
    if [ -f "$dir/redis.pid" ] && kill -0 "$(cat "$dir/redis.pid")" 2>/dev/null; then
        port=$(cat "$dir/port")
    else
        rm -rf "$dir"
        mkdir -p "$dir"
        port=$(free_port)
        echo "$port" >"$dir/port"
        "$server" --bind 127.0.0.1 --port "$port" --daemonize yes --save "" --appendonly no \
            --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null
        tries=0
        until [ -f "$dir/redis.pid" ] && redis-cli -p "$port" ping >/dev/null 2>&1; do
            tries=$((tries + 1))
            if [ "$tries" -gt 100 ]; then
                cat "$dir/redis.log" >&2
                exit 1
            fi
            sleep 0.1
        done
    fi
    echo "redis://127.0.0.1:$port/0"
    ;;
stop)
    if [ -f "$dir/redis.pid" ]; then
        kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
        sleep 0.2
    fi
    case "$dir" in /tmp/*) rm -rf "$dir" ;; esac
    echo "stopped; removed $dir"
    ;;
*)
    echo "usage: $0 start|stop [DIR]" >&2
    exit 2
    ;;
esac
