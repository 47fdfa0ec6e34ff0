#!/usr/bin/env bash
# innobond analytics against QuantLib-Python and the awk reprint floor, on the
# same generated input. Whole processes, wall time, best of RUNS runs; peak
# resident memory from GNU time. Writes a summary to standard output.
#
#   Benchmarks/analytics/run.sh [ROWS] [RUNS]       (defaults: 1000000, 3)
#
# Set QUANTLIB_ROWS to price fewer rows with QuantLib (it needs two to four
# minutes a million rows, twice); its rows a second are measured on what it
# prices.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
runs=${2:-3}
work=Benchmarks/.work
mkdir -p "$work"
input="$work/bonds-$rows.csv"

command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time </dev/null >/dev/null; }

echo "== build (release)"
swift build -c release --product innobond 2>&1 | tail -n 1
innobond=.build/release/innobond

if [ ! -s "$input" ]; then
    echo "== generate $rows rows"
    python3 Benchmarks/analytics/generate.py "$rows" > "$input"
fi
bytes=$(stat -c %s "$input")

source Benchmarks/measure.sh

echo "== innobond analytics ($(nproc) threads), awk reprint: $rows rows, $bytes bytes, best of $runs"
read -r innobond_s innobond_kb < <(measure /dev/null "$innobond" analytics --input "$input" --output "$work/innobond-out.csv")
read -r single_s single_kb < <(measure /dev/null "$innobond" analytics --threads 1 --input "$input" --output "$work/innobond-out.csv")
# awk writes to its own file so that both pay for writing their output
read -r awk_s awk_kb < <(measure /dev/null sh -c "awk -F, '{print \$1\",\"\$2\",\"\$3\",\"\$4\",\"\$5\",\"\$6\",\"\$7\",\"\$8\",\"\$9}' '$input' > '$work/awk-out.csv'")

echo "== QuantLib-Python 1.44, as the oracle sets it up"
venv=Benchmarks/.venv-quantlib
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import QuantLib" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q QuantLib==1.44
fi
ql_rows=${QUANTLIB_ROWS:-$rows}
ql_input=$input
if [ "$ql_rows" -lt "$rows" ]; then
    ql_input="$work/bonds-$rows-first-$ql_rows.csv"
    head -n $((ql_rows + 1)) "$input" > "$ql_input"
fi
# QuantLib twice: as the specification's oracle sets it up (one day counter
# per convention, settlement dates passed to BondFunctions), and written the
# plain way (the evaluation date set and a day counter made for each row).
quantlib() {
    if ! "$venv/bin/python" "Benchmarks/analytics/$1.py" "$ql_input" "$work/$1-out.csv" 2> "$work/$1.log"; then
        echo "$1.py failed: see $work/$1.log" >&2
        exit 1
    fi
    tail -n 1 "$work/$1.log" | sed -E 's/.*rows_per_second=([0-9.]+).*/\1/'
}
ql_rate=$(quantlib quantlib_analytics)
echo "== QuantLib-Python 1.44, written the plain way"
ql_plain_rate=$(quantlib quantlib_plain)

if [ -f ../shared/spec/oracle/compare.py ] && [ "$ql_rows" -eq "$rows" ]; then
    echo "== innobond against QuantLib on the same rows (oracle set-up, plain)"
    python3 ../shared/spec/oracle/compare.py "$work/quantlib_analytics-out.csv" "$work/innobond-out.csv" | tail -n 1
    python3 ../shared/spec/oracle/compare.py "$work/quantlib_plain-out.csv" "$work/innobond-out.csv" | tail -n 1
fi

python3 - "$rows" "$innobond_s" "$innobond_kb" "$single_s" "$awk_s" "$awk_kb" "$ql_rate" "$ql_plain_rate" <<'PY'
import sys
rows, t, kb, t1, awk, awk_kb, ql, ql_plain = sys.argv[1:]
rows, t, t1, awk, ql, ql_plain = int(rows), float(t), float(t1), float(awk), float(ql), float(ql_plain)
rate = rows / t
print()
print("| run | wall (s) | rows/s | peak memory (MB) |")
print("|---|---|---|---|")
print("| innobond analytics, all cores | %.2f | %.0f | %.1f |" % (t, rate, int(kb) / 1024))
print("| innobond analytics, 1 thread | %.2f | %.0f | |" % (t1, rows / t1))
print("| awk reprint of the nine fields | %.2f | %.0f | %.1f |" % (awk, rows / awk, int(awk_kb) / 1024))
print("| QuantLib-Python 1.44, oracle set-up | %.1f | %.0f | |" % (rows / ql, ql))
print("| QuantLib-Python 1.44, plain | %.1f | %.0f | |" % (rows / ql_plain, ql_plain))
print()
print("innobond / QuantLib rows per second: %.0fx (oracle set-up), %.0fx (plain)" % (rate / ql, rate / ql_plain))
print("innobond time / awk time: %.2f" % (t / awk))
PY
