#!/usr/bin/env python3
"""A real-browser test of the bond screener, as a user would drive it.

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
        f"re-export byte-identical ({len(csv_bytes)} bytes); {seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
