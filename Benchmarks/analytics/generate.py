#!/usr/bin/env python3
"""Generate N rows of `innobond analytics` input, deterministic for a seed.

    generate.py N [--seed S] > bonds.csv

The rows follow the shape of the specification's oracle sample
(shared/spec/oracle): the five day counts and the four frequencies in equal
shares; tenors from one month to 50 years (half within 10 years); coupons
from 0 to 15 % with one row in eight a zero coupon; settlement anywhere in
the bond's life, sometimes on the issue date or a coupon date; yields from
-0.5 % to 25 %. Half of the rows give a yield, half a clean price rounded
to 4 decimals when at least 1 (computed from a yield with the street formula, whole periods
from the next coupon date, close enough to be a realistic quote). Only the
contract's nine columns, all valid, so that `awk -F,` can reprint them.
"""
import argparse
import calendar
import datetime as dt
import random
import sys

DAY_COUNTS = ["ACT/ACT-ICMA", "ACT/365F", "ACT/360", "30/360", "NL/365"]
FREQUENCIES = [1, 2, 4, 12]


def add_months(d, months):
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def quote_price(coupon, yield_pct, frequency, maturity, settlement):
    """Clean price from a yield by the street formula: whole periods from the
    next coupon date, a fraction of a period before it."""
    m = 12 // frequency
    months = (maturity.year - settlement.year) * 12 + maturity.month - settlement.month
    remaining = max(1, months // m)
    while add_months(maturity, -remaining * m) > settlement:
        remaining += 1
    while remaining > 1 and add_months(maturity, -(remaining - 1) * m) <= settlement:
        remaining -= 1
    next_coupon = add_months(maturity, -(remaining - 1) * m)
    previous = add_months(next_coupon, -m)
    fraction = (next_coupon - settlement).days / max(1, (next_coupon - previous).days)
    y = yield_pct / 100 / frequency
    c = coupon / frequency
    v = 1 / (1 + y)
    annuity = remaining if abs(y) < 1e-12 else (1 - v ** remaining) / y * (1 + y)
    dirty = (c * annuity + 100 * v ** (remaining - 1)) * v ** fraction
    return dirty - c * (1 - fraction)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int)
    parser.add_argument("--seed", type=int, default=20251122)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout
    out.write("id,issue_date,maturity_date,settlement_date,coupon_rate,frequency,day_count,clean_price,yield\n")
    lines = []
    for row in range(args.rows):
        frequency = FREQUENCIES[row % 4]
        day_count = DAY_COUNTS[(row // 4) % 5]
        months_per_period = 12 // frequency
        tenor = rng.randint(1, 120) if rng.random() < 0.5 else rng.randint(1, 600)
        issue = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 54000))
        maturity = add_months(issue, tenor)
        if rng.random() < 0.3:
            maturity += dt.timedelta(days=rng.randint(1, 27))  # off the grid: a first stub
        if rng.random() < 0.1:
            maturity = maturity.replace(day=calendar.monthrange(maturity.year, maturity.month)[1])
        life = (maturity - issue).days
        kind = rng.random()
        if kind < 0.05:
            settlement = issue
        elif kind < 0.1:
            settlement = maturity - dt.timedelta(days=1)
        else:
            settlement = issue + dt.timedelta(days=int(rng.random() * life))
            if kind < 0.15:  # on a coupon date when one is passed
                back = (maturity.year * 12 + maturity.month - settlement.year * 12 - settlement.month) // months_per_period
                candidate = add_months(maturity, -back * months_per_period)
                if issue <= candidate < maturity:
                    settlement = candidate
        coupon = 0.0 if rng.random() < 0.125 else round(rng.uniform(0.1, 15), rng.choice([0, 1, 2, 3, 3, 4]))
        yield_pct = rng.uniform(-0.5, 25)
        # A price the day before maturity may not depend on the yield (30/360
        # from the 30th to the 31st): quote those by yield.
        # Prices below 1 per 100 (deep discounts at high yields over decades)
        # are not quoted to four decimals in practice: quote those by yield too.
        price = quote_price(coupon, yield_pct, frequency, maturity, settlement)
        if row % 2 == 0 and settlement < maturity - dt.timedelta(days=1) and price >= 1:
            price_text, yield_text = "%.4f" % price, ""
        else:
            price_text, yield_text = "", "%.6f" % yield_pct
        coupon_text = ("%.4f" % coupon).rstrip("0").rstrip(".") if coupon else "0"
        lines.append("B%07d,%s,%s,%s,%s,%d,%s,%s,%s\n" % (
            row + 1, issue.isoformat(), maturity.isoformat(), settlement.isoformat(), coupon_text,
            frequency, day_count, price_text, yield_text))
        if len(lines) >= 10000:
            out.write("".join(lines))
            lines = []
    out.write("".join(lines))


if __name__ == "__main__":
    main()
