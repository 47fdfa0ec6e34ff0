#!/usr/bin/env python3
"""A real-browser test of the bond screener and the legal shield, as a user would drive them.

Run it with the wrapper, which installs what is missing (Debian's chromium,
playwright from PyPI into .build/browser-test-venv), starts `innobond serve`
on a fresh demo database and a free port, and runs this file against it:

    scripts/browser-test.sh            (INNOBOND_BIN=... for another binary)

Directly, against a server already running on DATABASE:

    python3 scripts/browser-test.py --base http://127.0.0.1:PORT \
        --innobond .build/debug/innobond --database DATABASE --work SCRATCH_DIR

In headless Chromium (the system's, with --no-sandbox) it opens /bonds, picks
Sci-tech = sci-tech, Rating = AAA and Yield from 2 in the filter form, submits
it, sorts by G-spread with the column header, reads the codes and yields of
the table, downloads "Download CSV" and pages the JSON API (the page's own
API link, limit=500 and again limit=7, following next_cursor). It checks that:

  - the form kept the screen (the selects, yield_min = 2, the screen link);
  - every API item is sci-tech, rated AAA, yields at least 2, and the items
    run in the G-spread order the URL names (items without one last);
  - the page's table agrees with the API (codes and yields, in order);
  - the CSV holds exactly the API's bonds, one data line for each bond of
    the API's total, in the registry's key order (by code, as `innobond
    export` writes it), and the list is not empty; the "as shown" CSV holds
    them in the screen's order;
  - the CSV re-imports: into a new empty database (after the server's
    issuers, exported with the CLI), `innobond export bonds` gives back the
    downloaded file byte for byte.

The legal shield (docs/shield.md), in a second browser session: the
overview's card leads to /shield; its cards and its "Issuers reached" table
agree with /api/v1/shield (issuers, bonds), its "Foreign measures in force"
card with the Measures table's badges; a search for wingtech on 2025-10-15
finds the Wingtech party of US-BIS-2024-28267; the first reached issuer's
page has a "Legal shield" section naming its measures; /shield/cases shows
as many overdue rows (each with an "overdue" badge) as /api/v1/cases's
overdue_count, and only those with "overdue only"; /shield/review shows an
anonymous visitor no forms, and an analyst signed in with a new token
rejects the first candidate with a note: the candidate leaves the queue,
shows under Decisions with the note, /api/v1/shield/review agrees and
`innobond audit --kind match_reviews` has one entry by that token. At 390 px
/shield and /shield/cases do not scroll sideways (tables scroll inside
.table-wrap). It saves docs/screenshots/review-signed-in.png (1440 wide).

It prints a short summary and exits 0, or prints each check that failed and
exits 1.
"""

import argparse
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request

from playwright.sync_api import sync_playwright

FILTERS = {"sci_tech": "true", "rating": "AAA", "yield_min": "2"}
MIN_YIELD = 2.0

failures = []


def check(ok, message):
    """Record a failed check (and go on, so that one run shows them all)."""
    if not ok:
        failures.append(message)
    return ok


def with_params(url, **changes):
    """`url` with query parameters replaced (a value of None removes one)."""
    parts = urllib.parse.urlsplit(url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True) if k not in changes]
    query += [(k, v) for k, v in changes.items() if v is not None]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def params(url):
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))


def first_difference(a, b):
    """A readable account of where two lists first differ."""
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"at index {i}: {x!r} != {y!r}"
    return f"lengths {len(a)} and {len(b)} (common prefix equal)"


def read_table(page):
    """The codes and the Yield (%) cells of the table's rows, in order."""
    headers = page.locator("table thead th")
    yield_column = next(
        i for i in range(headers.count()) if headers.nth(i).locator('a[data-sort="yield"]').count()
    )
    rows = page.locator("tbody tr[data-code]")
    codes = rows.evaluate_all("rows => rows.map(r => r.getAttribute('data-code'))")
    yields = rows.evaluate_all(
        "(rows, i) => rows.map(r => r.cells[i].textContent.trim())", yield_column
    )
    return codes, yields


def api_list(base, href, limit=500):
    """Every item of the API list behind `href`, following next_cursor."""
    url = with_params(urllib.parse.urljoin(base, href), cursor=None, limit=str(limit))
    items, total, pages = [], None, 0
    cursor = None
    while True:
        page_url = url if cursor is None else url + "&cursor=" + urllib.parse.quote(cursor)
        with urllib.request.urlopen(page_url, timeout=60) as response:
            body = json.load(response)
        pages += 1
        items += body["items"]
        total = body.get("total", total)
        cursor = body.get("next_cursor")
        if not cursor or pages > 100:
            return url, items, total


def cli(innobond, *args, output=None):
    """Run the innobond CLI; stdout to `output` when given."""
    with open(output, "wb") if output else open(os.devnull, "wb") as sink:
        done = subprocess.run([innobond, *args], stdout=sink, stderr=subprocess.PIPE, timeout=300)
    check(done.returncode == 0, f"innobond {' '.join(args)} exited {done.returncode}: {done.stderr.decode()[-2000:]}")
    return done.returncode == 0


def browse(base, work):
    """Drive the screener in Chromium; what the page, the URL and the CSV showed."""
    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("browser-test: no chromium on PATH (apt-get install chromium)")
    seen = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_context(accept_downloads=True).new_page()
            page.set_default_timeout(60_000)

            # 1-2. The filter form, filled and submitted as a user would.
            page.goto(base + "/bonds")
            form = page.locator("form.filters")
            form.locator("select[name=sci_tech]").select_option(value=FILTERS["sci_tech"])
            form.locator("select[name=rating]").select_option(value=FILTERS["rating"])
            form.locator("input[name=yield_min]").fill(FILTERS["yield_min"])
            with page.expect_navigation():
                page.click("form.filters button[type=submit]")
            submitted = params(page.url)
            for name, value in FILTERS.items():
                check(submitted.get(name) == value, f"after submitting, the URL has {name}={submitted.get(name)!r}, not {value!r}: {page.url}")
            kept = form.locator("input[name=yield_min]").input_value()
            check(kept == FILTERS["yield_min"], f"after submitting, the yield_min input holds {kept!r}")

            # 3. Sort by G-spread with the column header.
            with page.expect_navigation():
                page.click('th a[data-sort="g_spread"]')
            sorted_url = page.url
            sorting = params(sorted_url)
            check(sorting.get("sort") == "g_spread", f"the G-spread header led to sort={sorting.get('sort')!r}: {sorted_url}")
            order = sorting.get("order", "")
            check(order in ("asc", "desc"), f"the sorted URL's order is {order!r}: {sorted_url}")
            aria = page.get_attribute('th a[data-sort="g_spread"]', "aria-sort")
            expected_aria = {"asc": "ascending", "desc": "descending"}.get(order)
            check(aria == expected_aria, f"the G-spread header's aria-sort is {aria!r}, the URL says order={order!r}")
            seen["order"] = order
            seen["sorted_url"] = sorted_url

            # 8. The form kept the screen.
            for name, value in FILTERS.items():
                field = form.locator(f"[name={name}]")
                shown = field.input_value()
                check(shown == value, f"after sorting, the form's {name} holds {shown!r}, not {value!r}")
            screen_link = page.get_attribute("a#screen-link", "href") or ""
            for part in ("yield_min=2", "sort=g_spread"):
                check(part in screen_link, f"a#screen-link does not hold {part}: {screen_link!r}")
            seen["screen_link"] = screen_link

            # 5. Download CSV, from the screen as sorted.
            with page.expect_download() as download_info:
                page.click("a#download-csv")
            download = download_info.value
            seen["csv_path"] = os.path.join(work, "downloaded-bonds.csv")
            download.save_as(seen["csv_path"])
            seen["csv_href"] = page.get_attribute("a#download-csv", "href")
            with page.expect_download() as download_info:
                page.click("a#download-shown")
            seen["shown_path"] = os.path.join(work, "downloaded-bonds-shown.csv")
            download_info.value.save_as(seen["shown_path"])
            seen["api_href"] = page.get_attribute("a#api-json", "href")

            # 4. The table, every row on one page.
            seen["first_page_codes"], _ = read_table(page)
            page.goto(with_params(sorted_url, per_page="500", page=None))
            seen["codes"], seen["yields"] = read_table(page)
            seen["pager"] = page.locator(".pager strong").first.text_content()
        finally:
            browser.close()
    return seen


def get_json(url):
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.load(response)


def number(text):
    """The first whole number of a card or cell ("1,067", "15 bonds, ..."), or None."""
    digits = ""
    for char in (text or "").strip():
        if char.isdigit():
            digits += char
        elif char == "," and digits:
            continue
        elif digits:
            break
    return int(digits) if digits else None


def cards(page):
    """The page's cards, label -> value text."""
    return dict(
        page.locator(".cards .card").evaluate_all(
            "cards => cards.map(c => [c.querySelector('.label').textContent.trim(), c.querySelector('.value').textContent.trim()])"
        )
    )


def section(page, heading):
    """The <section> whose h2 starts with `heading`."""
    return page.locator("section").filter(has=page.locator(f"h2:text-matches('^{heading}')"))


def new_token(innobond, database, role):
    """A token made with the CLI: (secret, id)."""
    done = subprocess.run(
        [innobond, "token", "create", "--role", role, "--name", "browser-test", "--database", database],
        capture_output=True, text=True, timeout=120,
    )
    check(done.returncode == 0, f"innobond token create exited {done.returncode}: {done.stderr[-500:]}")
    secret = (done.stdout.splitlines() or [""])[0].strip()
    words = done.stderr.split()
    token_id = int(words[1]) if len(words) > 1 and words[0] == "token" and words[1].isdigit() else None
    check(secret.startswith("ib_"), f"innobond token create printed {done.stdout[:80]!r} first, not a secret")
    check(token_id is not None, f"innobond token create said {done.stderr[:120]!r}, without the token's id")
    return secret, token_id


def legal_shield(base, innobond, database):
    """Drive the legal shield pages in Chromium: overview card, /shield, a
    search, a reached issuer, /shield/cases, a review decision signed in, and
    the pages at a phone's width. What it saw, for the summary."""
    screenshots = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "screenshots")
    seen = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_context(viewport={"width": 1440, "height": 1200}).new_page()
            page.set_default_timeout(60_000)

            # S1. The overview's card leads to /shield, and agrees with it.
            page.goto(base + "/")
            card = page.locator(".cards .card").filter(has=page.locator('a[href="/shield"]'))
            if check(card.count() == 1, f"the overview has {card.count()} cards linking to /shield, not 1"):
                card_value = card.locator(".value").text_content()
                with page.expect_navigation():
                    card.locator('a[href="/shield"]').click()
            else:
                card_value = None
                page.goto(base + "/shield")
            check(urllib.parse.urlsplit(page.url).path == "/shield", f"the overview's card led to {page.url}, not /shield")

            # S2. /shield's cards and reached table against /api/v1/shield on the same day.
            as_of = page.locator("form.filters input[name=as_of]").input_value()
            api = get_json(f"{base}/api/v1/shield?as_of={as_of}")
            shown = cards(page)
            issuers_card = number(shown.get("Registry issuers they reach"))
            bonds_card = number(shown.get("Their sci-tech bonds outstanding"))
            check(issuers_card == api["issuer_count"], f"/shield shows {issuers_card} issuers reached, /api/v1/shield?as_of={as_of} {api['issuer_count']}")
            check(bonds_card == api["bond_count"], f"/shield shows {bonds_card} bonds, /api/v1/shield?as_of={as_of} {api['bond_count']}")
            check(number(card_value) == api["bond_count"], f"the overview's card says {card_value!r}, /api/v1/shield has {api['bond_count']} bonds")
            check(api["issuer_count"] > 0, f"/api/v1/shield?as_of={as_of} reaches no issuer: the demo shows nothing")
            reached = section(page, "Issuers reached on")
            rows = reached.locator("tbody tr")
            codes = rows.evaluate_all("rows => rows.map(r => r.querySelector('a[href^=\"/issuers/\"]').getAttribute('href').split('/').pop())")
            # The column by its heading, wherever the table puts it.
            bonds_index = reached.locator("thead th").evaluate_all(
                "ths => ths.findIndex(th => th.textContent.includes('Sci-tech bonds outstanding'))")
            check(bonds_index >= 0, "/shield's reached table has no 'Sci-tech bonds outstanding' column")
            bonds_column = rows.evaluate_all("(rows, i) => rows.map(r => r.cells[i].textContent.trim())", bonds_index)
            api_codes = [item["uscc"] for item in api["issuers"]]
            check(len(codes) == api["issuer_count"] == len(api_codes), f"/shield's reached table has {len(codes)} rows, the API {api['issuer_count']} issuers ({len(api_codes)} items)")
            check(sorted(codes) == sorted(api_codes), f"/shield's reached issuers != the API's: {first_difference(sorted(codes), sorted(api_codes))}")
            bond_sum = sum(number(cell) or 0 for cell in bonds_column)
            check(bond_sum == api["bond_count"], f"/shield's reached table counts {bond_sum} bonds, the API {api['bond_count']}")
            api_bonds = {item["uscc"]: item["bond_count"] for item in api["issuers"]}
            for code, cell in zip(codes, bonds_column):
                check(number(cell) == api_bonds.get(code), f"/shield: {code} shows {cell!r} bonds, the API {api_bonds.get(code)}")
            # The card of measures in force against the Measures table's badges.
            measures = section(page, "Measures").locator("tbody tr")
            in_force = measures.evaluate_all(
                "rows => rows.filter(r => r.cells[1].textContent.trim() === 'foreign'"
                " && r.cells[6].textContent.trim() === 'in force').length"
            )
            badges = measures.locator(".badge").count()
            check(badges == measures.count() > 0, f"/shield's Measures table has {measures.count()} rows but {badges} standing badges")
            in_force_card = number(shown.get("Foreign measures in force"))
            check(in_force_card == in_force, f"/shield's card says {in_force_card} foreign measures in force, its Measures table {in_force}")
            seen["as_of"], seen["issuers"], seen["bonds"] = as_of, len(codes), bond_sum

            # S3. A search on a past day finds the Wingtech party of the Entity List rule.
            form = page.locator("form.filters")
            form.locator("input[name=as_of]").fill("2025-10-15")
            form.locator("input[name=q]").fill("wingtech")
            with page.expect_navigation():
                form.locator("button[type=submit]").click()
            query = params(page.url)
            check(query.get("as_of") == "2025-10-15" and query.get("q") == "wingtech", f"the search led to {page.url}")
            parties = section(page, "Named parties").locator("tbody tr")
            found = parties.evaluate_all("rows => rows.map(r => [r.cells[0].textContent.trim(), r.cells[1].textContent.trim()])")
            check(
                any(m == "US-BIS-2024-28267" and "Wingtech" in n for m, n in found),
                f"/shield?as_of=2025-10-15&q=wingtech names no Wingtech party of US-BIS-2024-28267: {found}",
            )

            # S4. A reached issuer's page has a Legal shield section naming its measure.
            page.goto(f"{base}/shield?as_of={as_of}")
            link = section(page, "Issuers reached on").locator('tbody tr a[href^="/issuers/"]').first
            with page.expect_navigation():
                link.click()
            code = urllib.parse.urlsplit(page.url).path.rsplit("/", 1)[-1]
            check(code in api_codes, f"the first reached issuer's link led to {page.url}, not a reached issuer")
            issuer_shield = page.locator("section#shield")
            if check(issuer_shield.count() == 1, f"{page.url} has no Legal shield section"):
                heading = issuer_shield.locator("h2").text_content()
                check(heading == "Legal shield", f"{page.url}: the shield section's heading is {heading!r}")
                text = issuer_shield.text_content()
                citations = [e["citation"] for i in api["issuers"] if i["uscc"] == code for e in i["exposures"]]
                check(citations and all(c in text for c in citations), f"{page.url}'s Legal shield section does not name {citations}: {text[:300]!r}")
            seen["issuer"] = code

            # S5. Compliance cases: the overdue rows against /api/v1/cases.
            page.goto(base + "/shield/cases")
            cases_as_of = page.locator("form.filters input[name=as_of]").input_value()
            cases = get_json(f"{base}/api/v1/cases?as_of={cases_as_of}")
            overdue_rows = page.locator("tbody tr.overdue")
            overdue = overdue_rows.count()
            check(overdue >= 1, f"{page.url} shows no overdue row")
            check(overdue == cases["overdue_count"], f"{page.url} shows {overdue} overdue rows, /api/v1/cases overdue_count is {cases['overdue_count']}")
            check(page.locator("tbody tr").count() == len(cases["items"]), f"{page.url} shows {page.locator('tbody tr').count()} cases, the API {len(cases['items'])}")
            badged = overdue_rows.filter(has=page.locator(".badge", has_text="overdue")).count()
            check(badged == overdue, f"{page.url}: {overdue} overdue rows, {badged} with an 'overdue' badge")
            page.locator("form.filters input[name=overdue]").check()
            with page.expect_navigation():
                page.locator("form.filters button[type=submit]").click()
            check(params(page.url).get("overdue") == "true", f"ticking 'overdue only' led to {page.url}")
            all_rows, only = page.locator("tbody tr").count(), page.locator("tbody tr.overdue").count()
            check(all_rows == only == cases["overdue_count"], f"{page.url} shows {all_rows} rows, {only} overdue; overdue_count is {cases['overdue_count']}")
            seen["overdue"] = overdue

            # S6. The review queue: anonymous, no forms; signed in as an analyst, reject the first candidate.
            page.goto(base + "/shield/review")
            anonymous_forms = page.locator('form[action="/shield/review"]').count()
            check(anonymous_forms == 0, f"/shield/review shows an anonymous visitor {anonymous_forms} decision forms")
            secret, token_id = new_token(innobond, database, "analyst")
            page.goto(base + "/sign-in")
            page.locator('form[action="/sign-in"] input[name=token]').fill(secret)
            with page.expect_navigation():
                page.locator('form[action="/sign-in"] button[type=submit]').click()
            check(urllib.parse.urlsplit(page.url).path != "/sign-in", f"signing in as an analyst stayed on {page.url}")
            page.goto(base + "/shield/review")
            pending_before = get_json(f"{base}/api/v1/shield/review")["pending"]
            first = page.locator('tbody tr:has(button[name=decision][value=rejected])').first
            # A pending row's form has Confirm and Reject buttons; a decision's form (under Decisions) one to change it.
            forms = page.locator('tbody tr:has(button[name=decision][value=rejected])').count()
            check(forms == len(pending_before) > 0, f"/shield/review signed in shows {forms} rows with a Reject button, the API {len(pending_before)} pending")
            csrf = first.locator("input[name=csrf]").get_attribute("value") if forms else None
            check(bool(csrf), "the first decision form carries no csrf field")
            if forms:
                key = {name: first.locator(f"input[name={name}]").get_attribute("value") for name in ("uscc", "measure_id", "target_id")}
                note = f"browser-test: not the issuer ({time.strftime('%H:%M:%S')})"
                first.locator("input[name=note]").fill(note)
                os.makedirs(screenshots, exist_ok=True)
                page.screenshot(path=os.path.join(screenshots, "review-signed-in.png"))
                with page.expect_navigation() as navigation:
                    first.locator('button[name=decision][value="rejected"]').click()
                response = navigation.value
                redirect = response.request.redirected_from if response else None
                redirect_status = redirect.response().status if redirect and redirect.response() else None
                check(redirect_status == 303, f"Reject answered {redirect_status}, not a 303 (then {response.status if response else None} at {page.url})")
                check(urllib.parse.urlsplit(page.url).path == "/shield/review", f"Reject led to {page.url}, not /shield/review")
                same = " && ".join(f"r.querySelector('input[name={n}]')?.value === {json.dumps(v)}" for n, v in key.items())
                still = page.locator('tbody tr:has(button[name=decision][value=rejected])').evaluate_all(f"rows => rows.filter(r => {same}).length")
                check(still == 0, f"after Reject, {key} is still pending on /shield/review")
                decisions = section(page, "Decisions").locator("tbody tr").evaluate_all(
                    "rows => rows.map(r => ({href: r.querySelector('a')?.getAttribute('href'), measure: r.cells[2].textContent.trim(),"
                    " decision: r.cells[3].textContent.trim(), note: r.cells[5].textContent.trim()}))"
                )
                check(
                    any(d["href"] == f"/issuers/{key['uscc']}" and d["measure"] == key["measure_id"] and d["decision"] == "rejected" and d["note"] == note for d in decisions),
                    f"after Reject, /shield/review's Decisions have no rejected {key} with the note {note!r}: {decisions[:3]}",
                )
                review = get_json(f"{base}/api/v1/shield/review")
                matches = lambda item: all(item.get(n) == v for n, v in key.items())
                check(not any(matches(i) for i in review["pending"]), f"after Reject, /api/v1/shield/review still has {key} pending")
                check(len(review["pending"]) == len(pending_before) - 1, f"/api/v1/shield/review: {len(pending_before)} pending before Reject, {len(review['pending'])} after")
                decided = [i for i in review["decided"] if matches(i)]
                check(
                    len(decided) == 1 and decided[0].get("decision") == "rejected" and decided[0].get("note") == note,
                    f"/api/v1/shield/review's decided for {key}: {decided}",
                )
                done = subprocess.run(
                    [innobond, "audit", "--kind", "match_reviews", "--json", "--database", database],
                    capture_output=True, text=True, timeout=120,
                )
                entries = json.loads(done.stdout) if done.returncode == 0 and done.stdout.strip() else []
                check(done.returncode == 0, f"innobond audit --kind match_reviews exited {done.returncode}: {done.stderr[-500:]}")
                mine = [e for e in entries if e.get("token_id") == token_id and e.get("kind") == "match_reviews"]
                check(
                    len(mine) == 1 and mine[0].get("inserted") == 1,
                    f"innobond audit --kind match_reviews: entries by token {token_id}: {mine}",
                )
                seen["rejected"] = key

            # S7. At a phone's width the document does not scroll sideways; wide tables scroll in .table-wrap.
            phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True).new_page()
            phone.set_default_timeout(60_000)
            for path in ("/shield", "/shield?as_of=2025-10-15&q=wingtech", "/shield/cases"):
                phone.goto(base + path)
                width = phone.evaluate("document.documentElement.scrollWidth")
                check(width <= 391, f"{path} at 390 px: the document is {width} px wide")
                loose = phone.locator("table").evaluate_all("tables => tables.filter(t => !t.closest('.table-wrap')).length")
                check(loose == 0, f"{path} at 390 px: {loose} tables outside a .table-wrap")
        finally:
            browser.close()
    return seen


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the server, e.g. http://127.0.0.1:8080")
    parser.add_argument("--innobond", required=True, help="the innobond binary")
    parser.add_argument("--database", required=True, help="the server's SQLite database")
    parser.add_argument("--work", required=True, help="a scratch directory")
    args = parser.parse_args()
    started = time.monotonic()
    base = args.base.rstrip("/")

    seen = browse(base, args.work)
    order = seen["order"]
    shield = legal_shield(base, args.innobond, args.database)

    # 6. The same list from the JSON API, and each item against the filters.
    api_url, items, total = api_list(base, seen["api_href"])
    api_codes = [item["code"] for item in items]
    for item in items:
        code = item.get("code")
        check(item.get("sci_tech") is True, f"API item {code} has sci_tech={item.get('sci_tech')!r}")
        check(item.get("rating") == "AAA", f"API item {code} has rating={item.get('rating')!r}")
        check(
            isinstance(item.get("yield"), (int, float)) and item["yield"] >= MIN_YIELD,
            f"API item {code} has yield={item.get('yield')!r}, below {MIN_YIELD}",
        )
    spreads = [item.get("g_spread_bp") for item in items]
    with_spread = [s for s in spreads if s is not None]
    check(
        spreads[: len(with_spread)] == with_spread,
        "API items without g_spread_bp come before some with one",
    )
    check(
        with_spread == sorted(with_spread, reverse=order == "desc"),
        f"API g_spread_bp values are not in {order} order: {with_spread}",
    )
    check(len(set(api_codes)) == len(api_codes), "the API list repeats a code")
    # The same list in small pages, so that next_cursor is followed for real.
    _, small_pages, _ = api_list(base, seen["api_href"], limit=7)
    paged_codes = [item["code"] for item in small_pages]
    check(paged_codes == api_codes, f"API codes by 7s != by 500: {first_difference(paged_codes, api_codes)}")

    # 5/7. The downloaded CSV against the API.
    with open(seen["csv_path"], "rb") as file:
        csv_bytes = file.read()
    rows = list(csv.reader(io.StringIO(csv_bytes.decode("utf-8"), newline="")))
    header, data = (rows[0], rows[1:]) if rows else ([], [])
    check(header[:1] == ["code"], f"the CSV's header does not start with code: {header}")
    csv_codes = [row[0] for row in data]
    check(len(api_codes) > 0, f"the screen is empty: the API gave no bonds for {api_url}")
    check(csv_codes == sorted(api_codes), f"CSV codes != API codes by code: {first_difference(csv_codes, sorted(api_codes))}")
    with open(seen["shown_path"], encoding="utf-8", newline="") as file:
        shown_rows = list(csv.reader(file))
    shown_codes = [row[0] for row in shown_rows[1:]]
    check(shown_codes == api_codes, f"as-shown CSV codes != API codes: {first_difference(shown_codes, api_codes)}")
    check(len(data) == total, f"the CSV has {len(data)} data lines, the API's total is {total}")
    check(len(api_codes) == total, f"the API gave {len(api_codes)} items but a total of {total}")

    # 4/7. The page's table against the API.
    page_codes, page_yields = seen["codes"], seen["yields"]
    check(len(page_codes) > 0, "the page shows no rows")
    check(
        page_codes == api_codes[: len(page_codes)],
        f"page codes are not the first of the API's: {first_difference(page_codes, api_codes)}",
    )
    first = seen["first_page_codes"]
    check(first == api_codes[: len(first)], f"the first page's codes are not the first of the API's: {first_difference(first, api_codes)}")
    if total is not None and total <= 500:
        check(len(page_codes) == total, f"with per_page=500 the page shows {len(page_codes)} rows, the total is {total}")
    for code, shown, item in zip(page_codes, page_yields, items):
        expected = f"{item['yield']:.4f}" if item.get("yield") is not None else ""
        check(shown == expected, f"{code}: the page shows yield {shown!r}, the API {expected!r}")
    check(
        (seen["pager"] or "").replace(",", "").startswith(f"{total} bond"),
        f"the page counts {seen['pager']!r}, the API's total is {total}",
    )

    # 9. The download re-imports into an empty registry and exports unchanged.
    new_db = os.path.join(args.work, "reimport.sqlite")
    issuers = os.path.join(args.work, "issuers.csv")
    exported = os.path.join(args.work, "reexported-bonds.csv")
    reimported = (
        cli(args.innobond, "export", "issuers", "--database", args.database, output=issuers)
        and cli(args.innobond, "import", "issuers", issuers, "--database", new_db)
        and cli(args.innobond, "import", "bonds", seen["csv_path"], "--database", new_db)
        and cli(args.innobond, "export", "bonds", "--database", new_db, output=exported)
    )
    if reimported:
        with open(exported, "rb") as file:
            again = file.read()
        if not check(again == csv_bytes, "re-exported bonds differ from the download"):
            old, new = csv_bytes.decode().split("\n"), again.decode().split("\n")
            failures.append(f"  download vs re-export lines: {first_difference(old, new)}")

    seconds = time.monotonic() - started
    print(f"sorted URL:  {seen['sorted_url']}")
    print(f"API list:    {api_url}")
    print(f"CSV link:    {seen['csv_href']}")
    print(
        f"shield:      {shield.get('issuers')} issuers, {shield.get('bonds')} bonds reached on {shield.get('as_of')}; "
        f"issuer page {shield.get('issuer')}; {shield.get('overdue')} overdue case(s); rejected {shield.get('rejected')}"
    )
    if failures:
        print(f"browser-test: FAILED, {len(failures)} check(s), {seconds:.1f} s:")
        for failure in failures[:25]:
            print("  " + failure)
        if len(failures) > 25:
            print(f"  ... and {len(failures) - 25} more")
        return 1
    print(
        f"browser-test: ok: {len(api_codes)} bonds (sci-tech, AAA, yield >= 2, by G-spread {order}); "
        f"page {len(page_codes)} rows, CSV {len(csv_codes)} rows, API {len(api_codes)} items agree; "
        f"re-export byte-identical ({len(csv_bytes)} bytes); legal shield: pages, API, review and audit agree; {seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
