#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, on 127.0.0.1 only.
#
#   scripts/test-postgres.sh start   # installs PostgreSQL if missing, starts a new cluster, prints its URL
#   scripts/test-postgres.sh stop
#   scripts/test-postgres.sh crash    # stops it at once, as a crash would (pg_ctl -m immediate)
#   scripts/test-postgres.sh resume   # starts the crashed or stopped cluster again, its data kept
#
# The cluster lives in $INNOBOND_TEST_POSTGRES_DIR (default /tmp/innobond-test-postgres)
# on port $INNOBOND_TEST_POSTGRES_PORT (default 55432), runs as the postgres user
# (PostgreSQL refuses root), with fsync off: its data is disposable.
set -euo pipefail
dir=${INNOBOND_TEST_POSTGRES_DIR:-/tmp/innobond-test-postgres}
port=${INNOBOND_TEST_POSTGRES_PORT:-55432}

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

stop() {
    local bin
    bin=$(find_bin)
    if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
        (cd / && runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1) || true
    fi
}

launch() {
    # The server keeps every descriptor it inherits; a caller that waits for
    # one of its own to close (a pipe, a process monitor) would wait for ever.
    local fd
    for fd in $(ls /proc/$$/fd); do
        [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null
    done
    # A loaded machine (the whole test suite on two cores) can take more than
    # pg_ctl's default minute to start a cluster.
    (cd / && runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 300 -o \
        "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null)
}

case "${1:-start}" in
start)
    bin=$(find_bin)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq </dev/null >/dev/null
        apt-get install -y -qq --no-install-recommends postgresql </dev/null >/dev/null
        bin=$(find_bin)
    fi
    stop
    rm -rf "$dir"
    mkdir -p "$dir"
    printf 'innobond\n' > "$dir/password"
    chown -R postgres:postgres "$dir"
    chmod 700 "$dir"
    (cd / && runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U innobond --pwfile="$dir/password" \
        --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C >/dev/null)
    launch
    echo "postgres://innobond:innobond@127.0.0.1:$port/postgres"
    ;;
stop)
    stop
    ;;
crash)
    bin=$(find_bin)
    (cd / && runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null)
    ;;
resume)
    bin=$(find_bin)
    launch
    ;;
*)
    echo "usage: $0 start|stop|crash|resume" >&2
    exit 2
    ;;
esac
