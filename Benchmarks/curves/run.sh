#!/usr/bin/env bash
# Curve fitting and Z-spreads: innobond (in process) against QuantLib-Python
# (in process) on the same 50-point par curve and the same bonds. Prints both
# sides' lines and the ratio of their rates.
#
#   Benchmarks/curves/run.sh [BONDS]        (default: 100000)
set -euo pipefail
cd "$(dirname "$0")/../.."
bonds=${1:-100000}
work=Benchmarks/.work/curves-$bonds
venv=Benchmarks/.venv-quantlib

if [ ! -s "$work/bonds.csv" ]; then
    python3 Benchmarks/curves/generate.py "$work" --bonds "$bonds"
fi
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q QuantLib
fi

echo "== build (release)"
INNOBOND_BENCHMARKS=1 swift build -c release --product innobond-benchmarks 2>&1 | tail -n 1

echo "== innobond"
INNOBOND_BENCHMARKS=1 .build/release/innobond-benchmarks "$work" | tee "$work/innobond.txt"
echo "== QuantLib $("$venv/bin/python" -c 'import QuantLib; print(QuantLib.__version__)')"
"$venv/bin/python" Benchmarks/curves/quantlib_curves.py "$work" | tee "$work/quantlib.txt"

echo "== ratio (innobond rate / QuantLib rate)"
awk 'FNR == NR { if (NF == 4) mine[$1] = $4; next }
     NF == 4 { theirs[$1] = $4 }
     END {
         # One thread of QuantLib against both cores of innobond, whose
         # fits always start from the par yields.
         theirs["z_spreads_all_cores"] = theirs["z_spreads"]
         theirs["z_spreads_from_terms_all_cores"] = theirs["z_spreads_from_terms"]
         theirs["bootstrap_fit_all_cores"] = theirs["bootstrap_fit"]
         theirs["bootstrap_fit_from_inputs_all_cores"] = theirs["bootstrap_fit_from_inputs"]
         mine["bootstrap_fit_from_inputs"] = mine["bootstrap_fit"]
         mine["bootstrap_fit_from_inputs_all_cores"] = mine["bootstrap_fit_all_cores"]
         for (name in mine) if (name in theirs)
             printf "%-36s %12.1f /s vs %10.1f /s  %7.1fx\n", name, mine[name], theirs[name], mine[name] / theirs[name]
     }' "$work/innobond.txt" "$work/quantlib.txt" | sort
