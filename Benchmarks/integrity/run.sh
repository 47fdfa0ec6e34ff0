#!/usr/bin/env bash
# innobond integrity against DuckDB computing the same scores from the
# registry's exported CSV files: a registry of 100,000 bonds (40 % sci-tech)
# with about ALLOCATIONS allocation entries, balances, changes of use,
# titles and financials. Whole processes, wall time, best of RUNS; every
# score, finding, date and figure must agree.
#
#   Benchmarks/integrity/run.sh [ALLOCATIONS] [RUNS]      (defaults: 1000000, 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
allocations=${1:-1000000}
runs=${2:-5}
work=Benchmarks/.work/integrity-$allocations
venv=Benchmarks/.venv-duckdb
kinds=(issuers issuer_financials bonds use_of_proceeds allocations unallocated_balances use_changes eligibility_evidence)
mkdir -p "$work/input" "$work/export"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q duckdb
fi

echo "== build (release)"
swift build -c release --product innobond 2>&1 | tail -n 1
innobond=$PWD/.build/release/innobond
database=$work/registry.sqlite
if [ ! -s "$database" ]; then
    python3 Benchmarks/insights/generate.py 100000 "$work/input" >/dev/null
    python3 Benchmarks/integrity/generate.py "$work/input" --allocations "$allocations"
    for kind in "${kinds[@]}"; do
        "$innobond" import "$kind" "$work/input/$kind.csv" --database "$database" >/dev/null
    done
fi
for kind in "${kinds[@]}"; do
    "$innobond" export "$kind" --database "$database" --output "$work/export/$kind.csv"
done
asOf=2026-11-20

source Benchmarks/measure.sh

echo "== 100000 bonds, $(($(wc -l <"$work/export/allocations.csv") - 1)) allocations, as of $asOf, best of $runs"
read -r ranking ranking_kb < <(measure "$work/innobond.txt" "$innobond" integrity --database "$database" \
    --as-of "$asOf" --known-now)
read -r mine mine_kb < <(measure "$work/innobond.json" "$innobond" integrity --database "$database" \
    --as-of "$asOf" --known-now --json)
read -r theirs theirs_kb < <(measure "$work/duckdb.csv" "$venv/bin/python" Benchmarks/integrity/integrity_duckdb.py \
    "$work/export" "$asOf")
printf "%-44s %8s s %8d KB\n" "innobond integrity, ranking (SQLite)" "$ranking" "$ranking_kb"
printf "%-44s %8s s %8d KB\n" "innobond integrity --json, every bond" "$mine" "$mine_kb"
printf "%-44s %8s s %8d KB\n" "DuckDB $("$venv/bin/python" -c 'import duckdb; print(duckdb.__version__)') (exported CSV)" \
    "$theirs" "$theirs_kb"
awk "BEGIN { printf \"ratio: innobond %.1fx faster (ranking), %.1fx (every bond as JSON)\\n\", $theirs / $ranking, $theirs / $mine }"
python3 Benchmarks/integrity/compare.py "$work/innobond.json" "$work/duckdb.csv"
