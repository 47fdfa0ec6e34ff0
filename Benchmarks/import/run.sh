#!/usr/bin/env bash
# innobond import against the floors of merely loading the same file: the
# sqlite3 shell's .import into a bare table (SQLite store) and PostgreSQL's
# COPY into a bare table (PostgreSQL store). Whole processes, best of RUNS.
#
#   Benchmarks/import/run.sh [ROWS] [RUNS]      (defaults: 1000000, 3)
#
# Needs the sqlite3 shell and PostgreSQL (scripts/test-postgres.sh installs and
# starts a throwaway server); installs the sqlite3 shell when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
runs=${2:-3}
work=Benchmarks/.work/import-$rows
mkdir -p "$work"
command -v sqlite3 >/dev/null || apt-get install -y -qq sqlite3 </dev/null >/dev/null
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time </dev/null >/dev/null

echo "== build (release)"
swift build -c release --product innobond 2>&1 | tail -n 1
innobond=$PWD/.build/release/innobond
[ -s "$work/bonds.csv" ] || python3 Benchmarks/import/generate.py "$rows" "$work"
bytes=$(stat -c %s "$work/bonds.csv")

url=$(scripts/test-postgres.sh start </dev/null)
trap 'scripts/test-postgres.sh stop' EXIT
psql_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql

# best wall time (s) and peak memory (KB) of a command over $runs runs, each
# after `prepare` (untimed)
measure() {
    local prepare=$1
    shift
    local best="" memory=0 line wall kb
    for _ in $(seq "$runs"); do
        eval "$prepare"
        /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
            cat "$work/stderr.txt" >&2
            exit 1
        }
        line=$(tail -n 1 "$work/time.txt")
        wall=${line% *}
        kb=${line#* }
        if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; fi
        [ "$kb" -gt "$memory" ] && memory=$kb
    done
    echo "$best $memory"
}

echo "== SQLite: $rows bonds, $bytes bytes, best of $runs"
prepare_sqlite="rm -f $work/store.sqlite*; $innobond import issuers $work/issuers.csv --database $work/store.sqlite 2>/dev/null"
read -r sqlite_s sqlite_kb < <(measure "$prepare_sqlite" "$innobond" import bonds "$work/bonds.csv" --database "$work/store.sqlite")
prepare_floor="rm -f $work/floor.sqlite*"
read -r floor_s floor_kb < <(measure "$prepare_floor" sqlite3 "$work/floor.sqlite" ".mode csv" ".import $work/bonds.csv bonds")

echo "== PostgreSQL"
prepare_pg="$psql_bin -q '$url' -c 'DROP SCHEMA IF EXISTS bench CASCADE' >/dev/null 2>&1; $innobond import issuers $work/issuers.csv --database '$url?schema=bench' 2>/dev/null"
read -r pg_s pg_kb < <(measure "$prepare_pg" "$innobond" import bonds "$work/bonds.csv" --database "$url?schema=bench")
columns="code text, uscc text, name text, type text, sci_tech text, regime text, issue_date text, maturity_date text, amount_cny text, coupon_rate text, frequency text, day_count text, rating text, put_date text, coupon_reset_date text, approval_days text"
prepare_copy="$psql_bin -q '$url' -c 'DROP TABLE IF EXISTS bare_bonds; CREATE TABLE bare_bonds ($columns)' >/dev/null"
read -r copy_s copy_kb < <(measure "$prepare_copy" "$psql_bin" -q "$url" -c "\\copy bare_bonds FROM '$work/bonds.csv' CSV HEADER")

python3 - "$rows" "$sqlite_s" "$sqlite_kb" "$floor_s" "$pg_s" "$pg_kb" "$copy_s" <<'PY'
import sys
rows, sqlite_s, sqlite_kb, floor_s, pg_s, pg_kb, copy_s = sys.argv[1:]
rows = int(rows)
print()
print("| run | wall (s) | rows/s | peak memory (MB) |")
print("|---|---|---|---|")
print("| innobond import bonds, SQLite | %s | %.0f | %.1f |" % (sqlite_s, rows / float(sqlite_s), int(sqlite_kb) / 1024))
print("| sqlite3 .import into a bare table | %s | %.0f | |" % (floor_s, rows / float(floor_s)))
print("| innobond import bonds, PostgreSQL | %s | %.0f | %.1f |" % (pg_s, rows / float(pg_s), int(pg_kb) / 1024))
print("| psql \\copy into a bare table | %s | %.0f | |" % (copy_s, rows / float(copy_s)))
print()
print("SQLite: %.2fx the floor; PostgreSQL: %.2fx the floor" % (float(sqlite_s) / float(floor_s), float(pg_s) / float(copy_s)))
PY
