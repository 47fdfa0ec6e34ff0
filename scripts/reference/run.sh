#!/usr/bin/env bash
# Regenerates the QuantLib reference fixtures in Tests/Fixtures/curves, with
# QuantLib-Python 1.44 installed in a virtualenv of its own.
set -euo pipefail
cd "$(dirname "$0")"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -c "import QuantLib" 2>/dev/null || .venv/bin/pip install -q QuantLib==1.44
.venv/bin/python quantlib_curves.py
