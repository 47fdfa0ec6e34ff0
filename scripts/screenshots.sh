#!/usr/bin/env bash
# Headless Chromium screenshots of each page of the demo dashboard and of the
# demo briefing, into docs/screenshots/.
#
#   scripts/screenshots.sh            (installs Debian's chromium when missing;
#                                      builds innobond unless INNOBOND_BIN names
#                                      a binary, e.g. .build/debug/innobond)
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
work=$(mktemp -d)
mkdir -p "$out"
command -v chromium >/dev/null || apt-get install -y -qq chromium fonts-noto-cjk </dev/null >/dev/null

if [ -n "${INNOBOND_BIN:-}" ]; then
    innobond=$INNOBOND_BIN
    if [ ! -x "$innobond" ]; then
        echo "screenshots: no innobond binary at $innobond" >&2
        exit 2
    fi
    innobond=$(cd "$(dirname "$innobond")" && pwd)/$(basename "$innobond")
else
    swift build --product innobond 2>&1 | tail -n 1
    innobond=$PWD/.build/debug/innobond
fi
port=18093
"$innobond" serve --database "$work/demo.sqlite" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 120); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
    sleep 0.5
done
base=http://127.0.0.1:$port

shoot() { # PATH FILE HEIGHT [WIDTH]
    timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --screenshot="$out/$2" --window-size="${4:-1280},$3" "$base$1" </dev/null >/dev/null 2>&1
    echo "$out/$2"
}

quoted=$(curl -sf "$base/api/v1/bonds?limit=500&sort=amount" | python3 -c '
import json, sys, urllib.request
items = json.load(sys.stdin)["items"]
for item in items:
    quotes = json.load(urllib.request.urlopen("'"$base"'/api/v1/bonds/%s/quotes" % item["code"]))["items"]
    if quotes and item["sci_tech"] and item.get("put_date"):
        print(item["code"]); break
')
# A bond repaid before today: its last quote is history, with no live analytics.
matured=$(curl -sf "$base/api/v1/bonds?limit=500&sort=amount" | python3 -c '
import datetime, json, sys, urllib.request
today = datetime.date.today().isoformat()
for item in json.load(sys.stdin)["items"]:
    if item["maturity_date"] < today:
        quotes = json.load(urllib.request.urlopen("'"$base"'/api/v1/bonds/%s/quotes" % item["code"]))["items"]
        if quotes:
            print(item["code"]); break
')
shoot / overview.png 2800
shoot "/bonds?sci_tech=true" bonds.png 1700
# The screener: sci-tech AAA bonds yielding 2 % or more, widest G-spread first.
shoot "/bonds?sci_tech=true&rating=AAA&yield_min=2&sort=g_spread&order=desc" screener.png 1300 1920
shoot "/bonds?sci_tech=true&rating=AAA&yield_min=2&sort=g_spread&order=desc" phone-screener.png 1700 390
shoot /api/reference api-reference.png 2400
shoot "/bonds/$quoted" bond.png 2600
shoot "/bonds/$matured" bond-matured.png 1800
shoot "/bonds/$matured" phone-bond-matured.png 2600 390
shoot /issuers/91330400MA2DEM0011 issuer.png 1500
shoot /monitor monitor.png 3200
shoot "/curves?compare=2025-06-03" curves.png 1500
shoot "/curves?compare=2025-06-03" phone-curves.png 2600 390
shoot "/bonds/$quoted?yield=2.5" bond-priced.png 3400
shoot "/bonds/$quoted?yield=2.5" phone-bond-priced.png 5200 390
shoot "/reports?to=2024-03-31" reports.png 2400
# The integrity ranking, and the ledgers of the worst-scored bond and of a clean one.
scored=$(curl -sf "$base/api/v1/integrity?limit=100000" | python3 -c '
import json, sys
bonds = json.load(sys.stdin)["bond_scores"]
print(bonds[0]["code"], next(b["code"] for b in bonds if b["score"] == 0))')
read -r worst clean <<<"$scored"
shoot /integrity integrity-desktop.png 1900
shoot "/bonds/$worst" ledger-drifting-desktop.png 2700
shoot "/bonds/$clean" ledger-clean-desktop.png 2900
# A phone's width: tables scroll sideways, charts keep legible text.
shoot / phone-overview.png 2400 390
shoot "/bonds?sci_tech=true" phone-bonds.png 1400 390
shoot /integrity integrity-phone.png 2000 390
shoot "/bonds/$worst" ledger-drifting-phone.png 4200 390
# The legal shield: the issuers foreign measures reach today, the compliance
# cases with their clocks, the review queue, and an issuer reached through
# its owners rather than by name.
reached=$(curl -sf "$base/api/v1/shield" | python3 -c '
import json, sys
print(next(i["uscc"] for i in json.load(sys.stdin)["issuers"] if not i["named"]))')
shoot /shield shield.png 2000 1440
shoot /shield phone-shield.png 2100 390
shoot /shield/cases cases.png 1200 1440
shoot /shield/cases phone-cases.png 1500 390
shoot /shield/review review.png 2000 1440
shoot "/shield?party=Nexperia%20B.V.&as_of=2025-10-15" shield-party.png 1500 1440
shoot "/issuers/$reached" issuer-reached.png 2000
"$innobond" report --database "$work/demo.sqlite" --format html --output "$work/report.html" 2>/dev/null
timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$out/report.png" \
    --window-size=1200,5200 "file://$work/report.html" </dev/null >/dev/null 2>&1
echo "$out/report.png"
