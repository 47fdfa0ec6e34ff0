#!/usr/bin/env bash
# The server's resident memory after each kind of page, on a registry.
#
#   Benchmarks/server/memory.sh [BINARY] [REGISTRY] [PORT]
#
# Starts `BINARY serve` (default .build/release/innobond) on REGISTRY
# (default the 1,000,000-bond registry of Benchmarks/server/run.sh), then
# asks, in turn: /health, the overview, a list in a new sort (the sort
# orders are built in the background: 25 s), a search (the text index),
# and the heavy pages. After each step it prints VmRSS and VmHWM (the
# peak) from /proc, then the time spent giving freed memory back.
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${1:-.build/release/innobond}
registry=${2:-Benchmarks/.work/server-1000000/registry.sqlite}
port=${3:-8411}
url="http://127.0.0.1:$port"

"$binary" serve --no-demo --database "$registry" --port "$port" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
started=$(date +%s.%N)
until curl -sf "$url/health" >/dev/null; do sleep 0.05; done
memory() { awk '/VmRSS|VmHWM/ { printf "%s %d MB  ", $1, $2 / 1024 }' "/proc/$pid/status"; echo; }
step() {
    local name=$1
    shift
    for path in "$@"; do curl -sf -o /dev/null "$url$path"; done
}
printf '%-34s %s\n' "/health ($(echo "$(date +%s.%N) - $started" | bc) s)" "$(memory)"
step overview /
printf '%-34s %s\n' "first overview" "$(memory)"
step sorted "/bonds?sort=yield&order=desc"
sleep 25
printf '%-34s %s\n' "sort orders built" "$(memory)"
step search "/api/v1/bonds?q=tech"
printf '%-34s %s\n' "first search" "$(memory)"
step heavy /api/v1/statistics /api/v1/advantage /reports/briefing.md /integrity /shield /monitor
sleep 2
printf '%-34s %s\n' "heavy pages" "$(memory)"
curl -s "$url/metrics" | grep -E '^innobond_memory_release_seconds_(sum|count)' || true
