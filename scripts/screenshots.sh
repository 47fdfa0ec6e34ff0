#!/usr/bin/env bash
# Headless Chromium screenshots of the demo briefing (and, with a running
# server, of each dashboard page), into docs/screenshots/.
#
#   scripts/screenshots.sh            (installs Debian's chromium when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
command -v chromium >/dev/null || apt-get install -y -qq chromium fonts-noto-cjk </dev/null >/dev/null

swift build --product innobond 2>&1 | tail -n 1
innobond=.build/debug/innobond
"$innobond" demo --database "$work/demo.sqlite" >/dev/null 2>&1

shoot() { # URL FILE WIDTH HEIGHT
    timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --screenshot="$2" --window-size="$3,$4" "$1" </dev/null >/dev/null 2>&1
    echo "$2"
}

"$innobond" report --database "$work/demo.sqlite" --format html --output "$work/report.html"
"$innobond" report --database "$work/demo.sqlite" --to 2024-03-31 --format html --output "$work/report-2024Q1.html"
shoot "file://$work/report.html" "$out/report.png" 1200 5200
shoot "file://$work/report-2024Q1.html" "$out/report-2024Q1.png" 1200 2400
