#!/usr/bin/env bash
# Load on innobond serve against Hummingbird's hello-world route and Datasette
# serving the same SQLite file: wrk, 64 connections, DURATION seconds each, on
# a registry of BONDS bonds. One URL repeated (answered from the response
# cache after its first request), then URLs never repeated (urls.py draws
# them: bond lists with random filters, sorts and pages; every bond's page;
# Datasette lists with random filters and sorts), then heavy pages over
# random periods with /health asked beside them. Prints requests a second,
# latency percentiles, errors and innobond's peak memory.
#
#   Benchmarks/server/run.sh [BONDS] [DURATION]      (defaults: 100000, 60)
#   INNOBOND_SKIP_BUILD=1 Benchmarks/server/run.sh ...  (the release binaries as built)
set -euo pipefail
cd "$(dirname "$0")/../.."
bonds=${1:-100000}
duration=${2:-60}
work=Benchmarks/.work/server-$bonds
venv=Benchmarks/.venv-datasette
mkdir -p "$work"
command -v wrk >/dev/null || apt-get install -y -qq wrk </dev/null >/dev/null
if [ ! -x "$venv/bin/datasette" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q datasette
fi

# INNOBOND_SKIP_BUILD=1 uses the release binaries already built.
if [ -z "${INNOBOND_SKIP_BUILD:-}" ]; then
    echo "== build (release)"
    swift build -c release --product innobond 2>&1 | tail -n 1
    INNOBOND_BENCHMARKS=1 swift build -c release --product innobond-hello 2>&1 | tail -n 1
fi
innobond=$PWD/.build/release/innobond
hello=$PWD/.build/release/innobond-hello
database=$work/registry.sqlite
if [ ! -s "$database" ]; then
    python3 Benchmarks/insights/generate.py "$bonds" "$work/input" --quotes 300
    for kind in issuers bonds curves quotes macro; do
        "$innobond" import "$kind" "$work/input/$kind.csv" --database "$database" 2>&1 | tail -n 1
    done
fi
python3 Benchmarks/server/urls.py "$database" "$work" >/dev/null
bond=$(sqlite3 "$database" "SELECT bond_code FROM quotes GROUP BY bond_code ORDER BY bond_code LIMIT 1")
# Datasette's URLs tilde-encode every character but letters, digits, _ and -.
tilde=$(python3 -c 'import sys; print("".join(c if c.isalnum() or c in "_-" else "~%02X" % ord(c) for c in sys.argv[1]))' "$bond")

started=$(date +%s.%N)
"$innobond" serve --no-demo --database "$database" --port 18080 --log-level warning >"$work/serve.log" 2>&1 &
server=$!
until curl -sf -o /dev/null "http://127.0.0.1:18080/"; do sleep 0.05; done
first_overview=$(echo "$(date +%s.%N) - $started" | bc)
"$hello" 18081 >/dev/null 2>&1 &
hello_pid=$!
"$venv/bin/datasette" serve "$database" --port 18082 --setting sql_time_limit_ms 60000 \
    --setting facet_time_limit_ms 60000 >"$work/datasette.log" 2>&1 &
datasette=$!
trap 'kill $server $hello_pid $datasette 2>/dev/null; wait 2>/dev/null' EXIT
for port in 18080 18081 18082; do
    for _ in $(seq 240); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.5; done
done

# wrk on one URL, or on the paths of a file (urls.lua) when a third argument
# names one: requests/s, p50, p99, errors (non-2xx and socket errors)
load() {
    local url=$1
    local report
    if [ -n "${3:-}" ]; then
        report=$(wrk -t2 -c"${connections:-64}" -d"${duration}s" --timeout "${timeout:-2}s" --latency \
            -s Benchmarks/server/urls.lua "$url" -- "$3" 2 2>&1)
    else
        report=$(wrk -t2 -c"${connections:-64}" -d"${duration}s" --latency "$url" 2>&1)
    fi
    local rps p50 p99 non2xx socket
    rps=$(echo "$report" | awk '/Requests\/sec/ { print $2 }')
    p50=$(echo "$report" | awk '$1 == "50%" { print $2 }')
    p99=$(echo "$report" | awk '$1 == "99%" { print $2 }')
    non2xx=$(echo "$report" | awk '/Non-2xx/ { print $5 }')
    socket=$(echo "$report" | awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }')
    printf "%-44s %10s %9s %9s %6s\n" "$2" "$rps" "$p50" "$p99" "$(( ${non2xx:-0} + ${socket:-0} ))"
}

list="market=IB&sci_tech=true&sort=issue_date&order=desc"
printf "%-44s %10s %9s %9s %6s\n" "target ($bonds bonds, 64 connections, ${duration}s)" "req/s" "p50" "p99" "errors"
load "http://127.0.0.1:18081/" "Hummingbird hello world"
load "http://127.0.0.1:18080/bonds?$list" "innobond bond list (HTML, 50 rows)"
load "http://127.0.0.1:18080/bonds/$bond" "innobond bond page (HTML)"
load "http://127.0.0.1:18080/" "innobond overview (HTML)"
load "http://127.0.0.1:18080/api/v1/bonds?$list" "innobond bond list (JSON API)"
load "http://127.0.0.1:18082/registry/bonds?code__endswith=.IB&sci_tech=1&_sort_desc=issue_date" \
    "Datasette bond list (HTML, 100 rows)"
load "http://127.0.0.1:18082/registry/bonds/$tilde" "Datasette one bond (HTML)"
echo
printf "%-44s %10s %9s %9s %6s\n" "never repeated ($bonds bonds)" "req/s" "p50" "p99" "errors"
load "http://127.0.0.1:18080" "innobond bond lists (HTML and API)" "$work/lists.txt"
load "http://127.0.0.1:18080" "innobond bond pages (HTML)" "$work/bonds.txt"
# Datasette gets 30 s an answer: its uncached lists take seconds.
timeout=30 load "http://127.0.0.1:18082" "Datasette bond lists (HTML)" "$work/datasette.txt"
echo
printf "%-44s %10s %9s %9s %6s\n" "heavy pages with /health beside them" "req/s" "p50" "p99" "errors"
connections=8 timeout=30 load "http://127.0.0.1:18080" "innobond heavy pages, never repeated" "$work/heavy.txt" &
heavy=$!
sleep 1
connections=8 load "http://127.0.0.1:18080/health" "innobond /health meanwhile"
wait $heavy
echo
# A write of 100 quotes by another process: the server's CPU over the poll
# that reloads it, less its CPU over as long a time without a write.
cpu() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
ticks=$(getconf CLK_TCK)
day=$(sqlite3 "$database" "SELECT max(date) FROM quotes")
sqlite3 -csv "$database" "SELECT bond_code FROM quotes WHERE date = '$day' GROUP BY bond_code LIMIT 100" |
    awk -v day="$day" 'BEGIN { print "bond_code,date,clean_price,yield,source" } { print $1 "," day ",100.5,,bench" }' \
    >"$work/quotes-100.csv"
# Heavy renders whose clients left may still be running: wait for quiet.
for _ in $(seq 120); do
    before=$(cpu); sleep 1
    [ $(( $(cpu) - before )) -le 1 ] && break
done
idle_start=$(cpu); sleep 3; idle=$(( $(cpu) - idle_start ))
write_start=$(cpu)
"$innobond" import quotes "$work/quotes-100.csv" --database "$database" >/dev/null
sleep 3
reload=$(( $(cpu) - write_start - idle ))
echo "start to first overview: ${first_overview} s"
echo "reload after a write of 100 quotes: $(echo "scale=3; $reload / $ticks" | bc) CPU-s"
echo "innobond peak memory: $(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' /proc/$server/status)"
