#!/usr/bin/env bash
# Schemathesis (from PyPI, in its own virtualenv) against the OpenAPI
# document of a demo server: every operation, generated requests, all checks.
#
#   scripts/schemathesis.sh [EXAMPLES]      (default 100 an operation)
#
# Requests valid by the schema but contradicting themselves (from after to, a
# cursor the API never gave, a code whose check character is wrong, a bond
# priced outside its life) are 400s by design; schemathesis lists them as
# ST202. Every other check is expected to pass, and no request to fail with 5xx.
set -euo pipefail
cd "$(dirname "$0")/.."
examples=${1:-100}
venv=Benchmarks/.venv-schemathesis
[ -x "$venv/bin/schemathesis" ] || { python3 -m venv "$venv"; "$venv/bin/pip" install -q schemathesis; }
swift build --product innobond 2>&1 | tail -n 1
work=$(mktemp -d)
.build/debug/innobond serve --database "$work/demo.sqlite" --port 18089 --log-level warning >"$work/log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 240); do curl -sf -o /dev/null http://127.0.0.1:18089/health && break; sleep 0.5; done
"$venv/bin/schemathesis" run http://127.0.0.1:18089/api/openapi.json --checks all --max-examples "$examples"
