#!/usr/bin/env python3
"""Registry files for the insights benchmark, deterministic for a seed.

    generate.py BONDS FOLDER [--seed S]

FOLDER/issuers.csv: 5,000 issuers with valid unified social credit codes.
FOLDER/bonds.csv: BONDS bonds issued over the two years to 2026-11-20, two in
five sci-tech, coupons on the CGB curve of the issue date plus a spread by
rating (sci-tech bonds about 15 bp lower), a fifth of the 5-year bonds 3+2.
FOLDER/curves.csv: daily CGB (10 tenors) and AAA_corporate (8 tenors) par
yields on the working days of those two years.
FOLDER/macro.csv: monthly M0, M1 (2001 and 2025 definitions, the break of
January 2025 included), M2 and TSF_stock from 2022, quarterly tech_loans,
with publication dates and one revised vintage.
FOLDER/quotes.csv, with --quotes N: daily quotes of the first N bonds.
"""
import argparse
import datetime as dt
import math
import os
import random

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
SECTORS = ["semiconductors", "ai_software", "advanced_manufacturing", "nev_batteries", "quantum_communications",
           "biotech_health", "aerospace", "new_materials", "new_energy", "financial", "pe_vc", "other"]
PROVINCES = ["Beijing", "Shanghai", "Guangdong", "Jiangsu", "Zhejiang", "Shandong", "Sichuan", "Hubei"]
OWNERSHIP = ["central_soe", "local_soe", "private", "mixed", "foreign"]
RATINGS = [("AAA", 0.35, 0.30), ("AA+", 0.35, 0.60), ("AA", 0.22, 0.95), ("AA-", 0.08, 1.40)]
CGB = [("3M", 0.25, -0.45), ("6M", 0.5, -0.40), ("1Y", 1, -0.35), ("2Y", 2, -0.25), ("3Y", 3, -0.18),
       ("5Y", 5, -0.10), ("7Y", 7, -0.03), ("10Y", 10, 0.0), ("30Y", 30, 0.22), ("50Y", 50, 0.25)]
AAA = [("3M", 0.22), ("6M", 0.25), ("1Y", 0.28), ("2Y", 0.32), ("3Y", 0.36), ("5Y", 0.45), ("7Y", 0.55),
       ("10Y", 0.62)]
START = dt.date(2024, 11, 20)
END = dt.date(2026, 11, 20)


def uscc(rng):
    body = "91" + rng.choice(["110000", "310000", "440300", "320000", "330000"]) + "MA" + "".join(
        rng.choice(ALPHABET) for _ in range(7))
    total = sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS))
    return body + ALPHABET[(31 - total % 31) % 31]


def add_months(date, months):
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = [31, 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30,
            31, 30, 31][month - 1]
    return dt.date(year, month, min(date.day, last))


def interpolate(points, years):
    if years <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if years <= x1:
            return y0 + (y1 - y0) * (years - x0) / (x1 - x0)
    return points[-1][1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("bonds", type=int)
    parser.add_argument("folder")
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--quotes", type=int, default=0, help="daily quotes for this many bonds (quotes.csv)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.folder, exist_ok=True)

    days = []
    day = START
    while day <= END:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    level, noise, ten_year = 1.95, 0.0, {}
    for index, day in enumerate(days):
        noise = 0.95 * noise + 0.015 * rng.gauss(0, 1)
        ten_year[day] = level - 0.25 * index / len(days) + noise
    with open(os.path.join(args.folder, "curves.csv"), "w") as out:
        out.write("curve,date,tenor,yield\n")
        for day in days:
            for tenor, _, spread in CGB:
                out.write("CGB,%s,%s,%.4f\n" % (day, tenor, ten_year[day] + spread))
            for tenor, credit in AAA:
                years = dict((t, y) for t, y, _ in CGB)[tenor]
                base = ten_year[day] + dict((t, s) for t, _, s in CGB)[tenor]
                out.write("AAA_corporate,%s,%s,%.4f\n" % (day, tenor, base + credit))

    issuers = []
    with open(os.path.join(args.folder, "issuers.csv"), "w") as out:
        out.write("uscc,name,name_en,sector,province,ownership,listed_code\n")
        seen = set()
        while len(issuers) < 5000:
            code = uscc(rng)
            if code in seen:
                continue
            seen.add(code)
            issuers.append(code)
            out.write("%s,基准发行人%05d,Benchmark issuer %d,%s,%s,%s,\n" % (
                code, len(issuers), len(issuers), rng.choice(SECTORS), rng.choice(PROVINCES),
                rng.choice(OWNERSHIP)))

    curve_points = [(years, spread) for _, years, spread in CGB]
    with open(os.path.join(args.folder, "bonds.csv"), "w") as out:
        out.write("code,uscc,name,type,sci_tech,regime,issue_date,maturity_date,amount_cny,coupon_rate,frequency,"
                  "day_count,rating,put_date,coupon_reset_date,approval_days\n")
        for index in range(args.bonds):
            issue = rng.choice(days)
            market = rng.choices(["IB", "SH", "SZ"], [0.55, 0.28, 0.17])[0]
            code = "%d%07d.%s" % (1 + index // 10_000_000, index, market)
            sci_tech = rng.random() < 0.4
            years = rng.choices([1, 2, 3, 5, 7, 10], [0.08, 0.1, 0.32, 0.38, 0.07, 0.05])[0]
            put = years == 5 and rng.random() < 0.2
            rating, spread = None, 0.0
            draw, total = rng.random(), 0.0
            for name, weight, credit in RATINGS:
                total += weight
                if draw <= total:
                    rating, spread = name, credit
                    break
            priced = 3 if put else years
            coupon = ten_year[issue] + interpolate(curve_points, priced) + spread + 0.12 * rng.gauss(0, 1)
            coupon -= 0.15 if sci_tech else 0
            coupon = max(0.8, round(coupon, 2))
            maturity = add_months(issue, 12 * years)
            put_date = add_months(issue, 36) if put else None
            out.write("%s,%s,基准债券%d,%s,%s,%s,%s,%s,%d,%.2f,1,%s,%s,%s,%s,%d\n" % (
                code, rng.choice(issuers), index, "mtn" if market == "IB" else "corporate_bond",
                "true" if sci_tech else "false", "tech_board_2025" if sci_tech else "", issue, maturity,
                rng.randint(2, 300) * 10_000_000, coupon, "ACT/ACT-ICMA" if market == "IB" else "ACT/365F",
                rating, put_date or "", put_date or "", rng.randint(3, 40)))

    if args.quotes:
        with open(os.path.join(args.folder, "bonds.csv")) as bonds, \
                open(os.path.join(args.folder, "quotes.csv"), "w") as out:
            out.write("bond_code,date,clean_price,yield,source\n")
            next(bonds)
            for line in list(bonds)[:args.quotes]:
                fields = line.split(",")
                code, issue, maturity, coupon = fields[0], fields[6], fields[7], float(fields[9])
                price = 100.0
                for day in days:
                    if str(day) < issue or str(day) >= maturity:
                        continue
                    price += 0.05 * rng.gauss(0, 1)
                    out.write("%s,%s,%.4f,%.4f,chinabond\n" % (code, day, price, coupon - (price - 100) / 4))

    with open(os.path.join(args.folder, "macro.csv"), "w") as out:
        out.write("series,period,value,yoy_pct,unit,definition,published\n")

        def published(year, month):
            return dt.date(year + (month == 12), month % 12 + 1, 13)

        months = [(2022 + i // 12, i % 12 + 1) for i in range(58)]
        m2, m1_old, m1_new, m0, tsf = {}, {}, {}, {}, {}
        for i, (year, month) in enumerate(months):
            g2 = 8 + 2 * math.sin(i / 7) + 0.3 * rng.gauss(0, 1)
            g1 = 3 + 3 * math.sin(i / 5) + 0.4 * rng.gauss(0, 1)
            m2[(year, month)] = (250 + 1.6 * i, round(g2, 1))
            if year <= 2024:
                m1_old[(year, month)] = (60 + 0.4 * i, round(g1, 1))
            if year >= 2024:
                m1_new[(year, month)] = (100 + 0.5 * i, round(g1 + 1, 1) if year >= 2025 else None)
            m0[(year, month)] = (9.6 + 0.1 * i, round(10 + 3 * math.sin(i / 4), 1))
            tsf[(year, month)] = (320 + 2 * i, round(9 - i / 40 + 0.2 * rng.gauss(0, 1), 1))
        for name, rows, definition in [("M2", m2, "M2_2001"), ("M1", m1_old, "M1_2001"),
                                       ("M1", m1_new, "M1_2025"), ("M0", m0, "M0_2001"),
                                       ("TSF_stock", tsf, "TSF_2019")]:
            for (year, month), (value, growth) in sorted(rows.items()):
                when = published(year, month)
                if definition == "M1_2025" and year == 2024:
                    when = dt.date(2025, 2, 14)
                out.write("%s,%d-%02d,%.2f,%s,CNY_trn,%s,%s\n" % (
                    name, year, month, value, "" if growth is None else "%.1f" % growth, definition, when))
        out.write("TSF_stock,2024-12,%.2f,%.1f,CNY_trn,TSF_2019,2025-02-14\n" % (
            tsf[(2024, 12)][0] + 0.37, tsf[(2024, 12)][1]))
        for i in range(19):
            year, quarter = 2022 + i // 4, i % 4 + 1
            when = dt.date(year + (quarter == 4), (3 * quarter) % 12 + 1, 27)
            out.write("tech_loans,%d-Q%d,%.2f,%.1f,CNY_trn,tech_loans_2022,%s\n" % (
                year, quarter, 20 + 0.8 * i, 14 + math.sin(i / 3) + 0.2 * rng.gauss(0, 1), when))


if __name__ == "__main__":
    main()
