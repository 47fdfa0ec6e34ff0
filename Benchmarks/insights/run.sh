#!/usr/bin/env bash
# innobond insights against pandas computing the same figures from the
# registry's exported CSV files: issuance statistics, financing advantage and
# the monetary monitor, for a registry of BONDS bonds and two years of daily
# curves. Whole processes, wall time, best of RUNS; the figures must agree.
#
#   Benchmarks/insights/run.sh [BONDS] [RUNS]      (defaults: 100000, 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
bonds=${1:-100000}
runs=${2:-5}
work=Benchmarks/.work/insights-$bonds
venv=Benchmarks/.venv-pandas
mkdir -p "$work/export"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q pandas scipy
fi

echo "== build (release)"
swift build -c release --product innobond 2>&1 | tail -n 1
innobond=$PWD/.build/release/innobond
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

echo "== $bonds bonds, $(wc -l <"$work/export/curves.csv") curve points, best of $runs"
read -r mine mine_kb < <(measure "$work/innobond.json" "$innobond" insights --database "$database" "${period[@]}" --json)
read -r theirs theirs_kb < <(measure "$work/pandas.json" "$venv/bin/python" Benchmarks/insights/insights_pandas.py \
    "$work/export" "${period[@]}")
printf "%-40s %8s s %8d KB\n" "innobond insights (SQLite registry)" "$mine" "$mine_kb"
printf "%-40s %8s s %8d KB\n" "pandas $("$venv/bin/python" -c 'import pandas; print(pandas.__version__)') (exported CSV)" "$theirs" "$theirs_kb"
awk "BEGIN { printf \"ratio: innobond %.1fx faster\\n\", $theirs / $mine }"
python3 Benchmarks/insights/compare.py "$work/innobond.json" "$work/pandas.json"
