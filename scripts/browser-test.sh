#!/usr/bin/env bash
# A real-browser test of the bond screener: headless Chromium (playwright)
# filters, sorts and downloads the list, and compares page, CSV and JSON API,
# then re-imports the CSV with the CLI; then walks the legal shield pages
# (cards against the API, cases, a review decision signed in, a phone's
# width). See scripts/browser-test.py.
#
#   scripts/browser-test.sh     (installs Debian's chromium and, in
#                                .build/browser-test-venv, PyPI's playwright
#                                when missing; builds nothing: INNOBOND_BIN
#                                names the binary, default .build/debug/innobond)
set -euo pipefail
cd "$(dirname "$0")/.."
innobond=${INNOBOND_BIN:-.build/debug/innobond}
if [ ! -x "$innobond" ]; then
    echo "browser-test: no innobond binary at $innobond; build it with: swift build --product innobond" >&2
    exit 2
fi
innobond=$(cd "$(dirname "$innobond")" && pwd)/$(basename "$innobond")
command -v chromium >/dev/null || apt-get install -y -qq chromium fonts-noto-cjk </dev/null >/dev/null

python=python3
if ! python3 -c 'import playwright' 2>/dev/null; then
    venv=.build/browser-test-venv
    if ! "$venv/bin/python" -c 'import playwright' 2>/dev/null; then
        python3 -m venv "$venv"
        "$venv/bin/pip" install -q playwright
    fi
    python=$venv/bin/python
fi

work=$(mktemp -d)
# Port 0: the server takes a free port and says which.
"$innobond" serve --database "$work/demo.sqlite" --port 0 >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
base=
for _ in $(seq 240); do
    base=$(grep -o 'at http://[0-9.:]*' "$work/serve.log" | head -n 1 | cut -c 4-) || true
    [ -n "$base" ] && curl -sf "$base/health" >/dev/null && break
    kill -0 $server 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.5
done
curl -sf "$base/health" >/dev/null || { echo "browser-test: the server did not start" >&2; cat "$work/serve.log" >&2; exit 1; }

status=0
"$python" scripts/browser-test.py --base "$base" --innobond "$innobond" \
    --database "$work/demo.sqlite" --work "$work" || status=$?
echo "browser-test: ${SECONDS} s in all (server start included), exit $status"
exit $status
