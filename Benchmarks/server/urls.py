#!/usr/bin/env python3
"""URLs a benchmark asks once each: never-repeated bond lists (random
filters, sorts and pages), never-repeated bond pages, heavy pages over random
periods, and Datasette lists with random filters and sorts.

    urls.py REGISTRY.sqlite OUTDIR [COUNT]

Writes OUTDIR/lists.txt, bonds.txt, heavy.txt and datasette.txt, one path a
line, shuffled with a fixed seed, each line distinct.
"""
import random
import sqlite3
import sys

database, out = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 200_000
rng = random.Random(20261207)
db = sqlite3.connect(database)
codes = [row[0] for row in db.execute("SELECT code FROM bonds")]
ratings = [row[0] for row in db.execute("SELECT DISTINCT rating FROM bonds WHERE rating IS NOT NULL")]
provinces = [row[0] for row in db.execute("SELECT DISTINCT province FROM issuers")]

markets = ["IB", "SH", "SZ"]
regimes = ["nafmii_note", "exchange_2022", "tech_board_2025", "legacy_double_innovation"]
sectors = ["semiconductors", "ai_software", "advanced_manufacturing", "nev_batteries", "quantum_communications",
           "biotech_health", "aerospace", "new_materials", "new_energy", "financial", "pe_vc", "other"]
ownerships = ["central_soe", "local_soe", "private", "foreign", "mixed"]
sorts = ["code", "name", "issuer", "issue_date", "maturity_date", "amount", "coupon", "rating", "quote_date",
         "clean_price", "yield", "g_spread", "z_spread", "duration", "remaining_years", "outstanding"]


def pick(values, chance):
    if rng.random() >= chance:
        return None
    return ",".join(sorted(rng.sample(values, rng.randint(1, min(2, len(values))))))


def list_url():
    items = []
    for name, values, chance in [("market", markets, 0.4), ("regime", regimes, 0.15), ("sector", sectors, 0.3),
                                 ("rating", ratings, 0.3), ("ownership", ownerships, 0.15),
                                 ("province", provinces, 0.1)]:
        value = pick(values, chance)
        if value:
            items.append((name, value))
    if rng.random() < 0.4:
        items.append(("sci_tech", rng.choice(["true", "false"])))
    if rng.random() < 0.15:
        items.append(("from", "%d-%02d-01" % (rng.randint(2019, 2025), rng.randint(1, 12))))
    if rng.random() < 0.2:
        items.append(("yield_min", "%.1f" % rng.uniform(1, 3)))
    if rng.random() < 0.1:
        items.append(("status", rng.choice(["outstanding", "matured"])))
    items.append(("sort", rng.choice(sorts)))
    items.append(("order", rng.choice(["asc", "desc"])))
    api = rng.random() < 0.5
    size = rng.choice([20, 50, 100])
    if api:
        items.append(("limit", str(size)))
    else:
        items.append(("page", str(rng.randint(1, 10))))
        items.append(("per_page", str(size)))
    query = "&".join("%s=%s" % item for item in items).replace("+", "%2B")
    return ("/api/v1/bonds?" if api else "/bonds?") + query


def datasette_url():
    items = []
    if rng.random() < 0.4:
        items.append("code__endswith=." + rng.choice(markets))
    if rng.random() < 0.3:
        items.append("regime=" + rng.choice(regimes))
    if rng.random() < 0.3:
        items.append("rating=" + rng.choice(ratings).replace("+", "%2B"))
    if rng.random() < 0.4:
        items.append("sci_tech=" + rng.choice(["0", "1"]))
    if rng.random() < 0.3:
        items.append("issue_date__gte=%d-%02d-%02d" % (rng.randint(2019, 2025), rng.randint(1, 12),
                                                       rng.randint(1, 28)))
    column = rng.choice(["code", "name", "issue_date", "maturity_date", "amount_fen", "coupon_rate", "rating"])
    items.append(("_sort_desc=" if rng.random() < 0.5 else "_sort=") + column)
    items.append("_size=" + str(rng.choice([20, 50, 100])))
    return "/registry/bonds?" + "&".join(items)


def heavy_url():
    start = (rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28))
    end = (start[0] + rng.randint(0, 1), rng.randint(1, 12), rng.randint(1, 28))
    if end <= start:
        end = (start[0] + 1, end[1], end[2])
    path = rng.choice(["/api/v1/advantage", "/api/v1/statistics", "/api/v1/report", "/"])
    return path + "?from=%d-%02d-%02d&to=%d-%02d-%02d" % (start + end)


def distinct(make, wanted):
    seen, lines = set(), []
    tries = 0
    while len(lines) < wanted and tries < wanted * 20:
        tries += 1
        url = make()
        if url not in seen:
            seen.add(url)
            lines.append(url)
    return lines


rng.shuffle(codes)
files = {
    "lists.txt": distinct(list_url, count),
    "bonds.txt": ["/bonds/" + code for code in codes],
    "heavy.txt": distinct(heavy_url, 20_000),
    "datasette.txt": distinct(datasette_url, count),
}
for name, lines in files.items():
    with open(f"{out}/{name}", "w") as file:
        file.write("\n".join(lines) + "\n")
    print(f"{name}: {len(lines)} distinct paths")
