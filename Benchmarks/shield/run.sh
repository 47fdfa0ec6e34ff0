#!/usr/bin/env bash
# Screening speed: a US Consolidated Screening List of ENTRIES synthetic
# parties (Benchmarks/shield/generate.py, in the published JSON and CSV
# forms) imported with innobond import-csl into the screener benchmark's
# registry (100,000 bonds; Benchmarks/screener/run.sh makes it), then every
# issuer of the registry, by its Chinese and its English name, screened
# against it with innobond screen. Prints each step's wall time and peak
# memory.
#
#   Benchmarks/shield/run.sh [ENTRIES]      (default: 20000)
set -euo pipefail
cd "$(dirname "$0")/../.."
entries=${1:-20000}
registry=Benchmarks/.work/screener-100000/registry.sqlite
[ -s "$registry" ] || Benchmarks/screener/run.sh 100000 >/dev/null
work=Benchmarks/.work/shield-$entries
rm -rf "$work"
mkdir -p "$work"
swift build -c release --product innobond 2>&1 | tail -n 1
innobond=$PWD/.build/release/innobond
cp "$registry" "$work/registry.sqlite"
cp "$registry" "$work/registry-csv.sqlite"
python3 Benchmarks/shield/generate.py "$entries" "$work/input"

timed() { # LABEL COMMAND...: wall seconds and peak memory of one run
    local label=$1
    shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    read -r seconds kilobytes <"$work/time"
    printf "%-52s %7s s %6d MB\n" "$label" "$seconds" $((kilobytes / 1024))
}
ls -l "$work/input/consolidated.json" "$work/input/consolidated.csv" | awk '{ printf "%s %d MB\n", $9, $5 / 1048576 }'
timed "import-csl consolidated.json ($entries entries)" \
    "$innobond" import-csl "$work/input/consolidated.json" --published 2026-12-01 --database "$work/registry.sqlite"
timed "import-csl consolidated.csv ($entries entries)" \
    "$innobond" import-csl "$work/input/consolidated.csv" --published 2026-12-01 --database "$work/registry-csv.sqlite"
timed "import-csl consolidated.json again (nothing changed)" \
    "$innobond" import-csl "$work/input/consolidated.json" --published 2026-12-02 --database "$work/registry.sqlite"
# Every issuer twice: its Chinese and its English name, with its code.
sqlite3 -csv "$work/registry.sqlite" "SELECT name, uscc FROM issuers UNION ALL SELECT name_en, uscc FROM issuers
    WHERE name_en IS NOT NULL" | awk 'BEGIN { print "name,uscc" } { print }' >"$work/names.csv"
names=$(($(wc -l <"$work/names.csv") - 1))
timed "screen $names issuer names" "$innobond" screen "$work/names.csv" --database "$work/registry.sqlite"
echo "candidates printed: $(python3 -c 'import csv, sys; print(sum(1 for r in list(csv.reader(open(sys.argv[1])))[1:] if r[2]))' "$work/out")"
# The list's own names, screened back: every one must find itself.
python3 -c 'import csv, sys; rows = list(csv.reader(open(sys.argv[1])))[1:5001]; print("\n".join(r[2] for r in rows))' \
    "$work/input/measure_targets.csv" >"$work/own.txt"
timed "screen 5000 of the list's own names" "$innobond" screen "$work/own.txt" --database "$work/registry.sqlite"
echo "own names without a candidate: $(python3 -c 'import csv, sys; print(sum(1 for r in list(csv.reader(open(sys.argv[1])))[1:] if not r[2]))' "$work/out")"
