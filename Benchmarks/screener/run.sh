#!/usr/bin/env bash
# The screener uncached: innobond serve on a registry of BONDS bonds, every
# outstanding bond quoted, each URL asked once (never a cache hit). Prints
# the server's time to its first answer, each screen's time, the whole-set
# downloads' times and the peak memory.
#
#   Benchmarks/screener/run.sh [BONDS]      (default: 100000)
set -euo pipefail
cd "$(dirname "$0")/../.."
bonds=${1:-100000}
work=Benchmarks/.work/screener-$bonds
mkdir -p "$work"

echo "== build (release)"
swift build -c release --product innobond 2>&1 | tail -n 1
innobond=$PWD/.build/release/innobond
database=$work/registry.sqlite
if [ ! -s "$database" ]; then
    python3 Benchmarks/insights/generate.py "$bonds" "$work/input" --quotes 300
    for kind in issuers bonds curves quotes macro; do
        "$innobond" import "$kind" "$work/input/$kind.csv" --database "$database" 2>&1 | tail -n 1
    done
    # Every bond outstanding on the curves' last date gets a quote that day
    # (yield: coupon ± 1 %), as a screened market has; the generator quotes 300.
    last=$(sqlite3 "$database" "SELECT max(date) FROM curve_points")
    sqlite3 "$database" "SELECT code, '$last', '', round(coupon_rate + (abs(random()) % 200) / 100.0 - 1.0, 4), 'bench'
        FROM bonds WHERE issue_date < '$last' AND maturity_date > '$last'" |
        awk -F'|' 'BEGIN { print "bond_code,date,clean_price,yield,source" } { print $1 "," $2 "," $3 "," $4 "," $5 }' \
            >"$work/input/screened-quotes.csv"
    "$innobond" import quotes "$work/input/screened-quotes.csv" --database "$database" 2>&1 | tail -n 1
fi

port=18095
start=$(date +%s.%N)
"$innobond" serve --no-demo --database "$database" --port $port --log-level warning >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait 2>/dev/null' EXIT
for _ in $(seq 3000); do curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.02; done
printf "%-64s %8.3f s\n" "server start to its first answer" "$(echo "$(date +%s.%N) - $start" | bc)"

ask() { # PATH: the time of one request, never asked before
    curl -sf -o /dev/null -w "%{time_total}" "http://127.0.0.1:$port$1" |
        awk -v path="$1" '{ printf "%-64s %8.3f s\n", substr(path, 1, 64), $1 }'
}
for screen in "" "sci_tech=true&rating=AAA&yield_min=2&sort=g_spread" "sort=yield&order=desc" \
    "status=outstanding&tenor=3-5Y&g_spread_min=50" "quote_age_max=5&sort=z_spread" "sort=name" \
    "market=SH&sector=semiconductors" "q=128&sort=duration"; do
    ask "/bonds?$screen"
    ask "/api/v1/bonds?$screen&limit=100"
done
peak() { awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' /proc/$server/status; }
echo "innobond peak memory before the downloads: $(peak)"
ask "/bonds.csv"
ask "/bonds.csv?form=shown"
echo "innobond peak memory after them: $(peak)"
