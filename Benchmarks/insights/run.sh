#!/usr/bin/env bash
# innobond insights against pandas and DuckDB computing the same figures from
# the registry's exported CSV files: issuance statistics, financing advantage
# and the monetary monitor, for a registry of BONDS bonds and two years of
# daily curves. Whole processes, wall time, best of RUNS; the figures must
# agree.
#
#   Benchmarks/insights/run.sh [BONDS] [RUNS]      (defaults: 100000, 5)
#   INNOBOND_SKIP_BUILD=1 Benchmarks/insights/run.sh ...  (the release binary as built)
#   INNOBOND_BIN=PATH Benchmarks/insights/run.sh ...      (another innobond binary)
#   INNOBOND_PEERS=duckdb Benchmarks/insights/run.sh ...  (peers to run: pandas, duckdb or both)
#
# At 1,000,000 bonds pandas runs out of memory (its pairing merge has some
# 430 million rows, over 19 GB); run DuckDB alone there.
set -euo pipefail
started_in=$PWD
cd "$(dirname "$0")/../.."
# A relative INNOBOND_BIN is taken from where the script was started.
innobond=${INNOBOND_BIN:-$PWD/.build/release/innobond}
[[ $innobond == /* ]] || innobond=$started_in/$innobond
bonds=${1:-100000}
runs=${2:-5}
peers=${INNOBOND_PEERS:-pandas duckdb}
work=Benchmarks/.work/insights-$bonds
pandas_venv=Benchmarks/.venv-pandas
duckdb_venv=Benchmarks/.venv-duckdb
for peer in $peers; do
    case $peer in
        pandas | duckdb) ;;
        *) echo "unknown peer in INNOBOND_PEERS: $peer (pandas, duckdb)" >&2; exit 2 ;;
    esac
done
mkdir -p "$work/export"
if [[ " $peers " == *" pandas "* ]] && [ ! -x "$pandas_venv/bin/python" ]; then
    python3 -m venv "$pandas_venv"
    "$pandas_venv/bin/pip" install -q pandas scipy
fi
if [[ " $peers " == *" duckdb "* ]] && [ ! -x "$duckdb_venv/bin/python" ]; then
    python3 -m venv "$duckdb_venv"
    "$duckdb_venv/bin/pip" install -q duckdb
fi

# INNOBOND_SKIP_BUILD=1 uses the release binary already built.
if [ -z "${INNOBOND_SKIP_BUILD:-}" ]; then
    echo "== build (release)"
    swift build -c release --product innobond 2>&1 | tail -n 1
fi
database=$work/registry.sqlite
if [ ! -s "$database" ]; then
    python3 Benchmarks/insights/generate.py "$bonds" "$work/input"
    for kind in issuers bonds curves macro; do
        "$innobond" import "$kind" "$work/input/$kind.csv" --database "$database" >/dev/null
    done
fi
for kind in issuers bonds curves macro; do
    "$innobond" export "$kind" --database "$database" --output "$work/export/$kind.csv"
done
period=(--from 2024-11-20 --to 2026-11-20)

source Benchmarks/measure.sh
# ratio MINE THEIRS PEER: how many times faster (or slower) innobond is than PEER.
ratio() {
    awk -v mine="$1" -v theirs="$2" -v peer="$3" 'BEGIN {
        if (theirs >= mine) printf "ratio: innobond %.1fx faster than %s (time innobond / %s %.3f)\n", theirs / mine, peer, peer, mine / theirs
        else printf "ratio: innobond %.1fx slower than %s (time innobond / %s %.3f)\n", mine / theirs, peer, peer, mine / theirs
    }'
}

echo "== $bonds bonds, $(wc -l <"$work/export/curves.csv") curve points, best of $runs"
read -r mine mine_kb < <(measure "$work/innobond.json" "$innobond" insights --database "$database" "${period[@]}" --json)
printf "%-40s %8s s %8d KB\n" "innobond insights (SQLite registry)" "$mine" "$mine_kb"
ratios=""
for peer in $peers; do
    case $peer in
        pandas) python=$pandas_venv/bin/python; label="pandas $("$python" -c 'import pandas; print(pandas.__version__)')" ;;
        duckdb) python=$duckdb_venv/bin/python; label="DuckDB $("$python" -c 'import duckdb; print(duckdb.__version__)')" ;;
    esac
    read -r theirs theirs_kb < <(measure "$work/$peer.json" "$python" "Benchmarks/insights/insights_$peer.py" \
        "$work/export" "${period[@]}")
    printf "%-40s %8s s %8d KB\n" "$label (exported CSV)" "$theirs" "$theirs_kb"
    ratios+=$(ratio "$mine" "$theirs" "${label%% *}")$'\n'
done
printf "%s" "$ratios"
status=0
for peer in $peers; do
    echo "== compare.py innobond $peer"
    python3 Benchmarks/insights/compare.py "$work/innobond.json" "$work/$peer.json" || status=1
done
exit $status
