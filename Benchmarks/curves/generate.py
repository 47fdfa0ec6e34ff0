#!/usr/bin/env python3
"""Inputs of the curve benchmark, deterministic.

    generate.py FOLDER [--bonds N]

FOLDER/curve50.csv: 50 par yields of one CGB-like curve on 2025-06-03 (the
registry's curves format), from 1 month to 50 years.
FOLDER/bonds.csv: N bonds (issue_date, maturity_date, coupon_rate in
percent, frequency, day_count, clean_price) settled on 2025-06-03.
"""
import argparse
import datetime as dt
import math
import os
import random

DAY_COUNTS = ["ACT/ACT-ICMA", "ACT/365F", "ACT/360", "30/360"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--bonds", type=int, default=100000)
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    tenors = ["1M", "2M", "3M", "4M", "6M", "9M"] + ["%dY" % y for y in range(1, 31)] + \
        ["%dY" % y for y in (32, 34, 35, 36, 38, 40, 42, 44, 45, 46, 48, 50)] + ["18M", "30M"]
    assert len(tenors) == 50
    with open(os.path.join(args.folder, "curve50.csv"), "w") as out:
        out.write("curve,date,tenor,yield\n")
        for tenor in tenors:
            years = int(tenor[:-1]) / (12 if tenor[-1] == "M" else 1)
            level = 1.40 + 0.55 * (1 - math.exp(-years / 8)) + 0.1 * years / 50
            out.write("CGB,2025-06-03,%s,%.4f\n" % (tenor, level))
    rng = random.Random(20251122)
    settlement = dt.date(2025, 6, 3)
    with open(os.path.join(args.folder, "bonds.csv"), "w") as out:
        out.write("issue_date,maturity_date,coupon_rate,frequency,day_count,clean_price\n")
        for _ in range(args.bonds):
            issue = settlement - dt.timedelta(days=rng.randint(0, 3000))
            years = rng.choice([1, 2, 3, 5, 7, 10, 15, 20, 30])
            maturity = issue + dt.timedelta(days=int(365.25 * years) + rng.randint(0, 20))
            if maturity <= settlement + dt.timedelta(days=30):
                maturity = settlement + dt.timedelta(days=rng.randint(60, 3000))
            coupon = round(rng.uniform(1.2, 4.5), 3)
            out.write("%s,%s,%s,%d,%s,%.4f\n" % (issue.isoformat(), maturity.isoformat(), coupon,
                                                 rng.choice([1, 1, 2, 4]), rng.choice(DAY_COUNTS),
                                                 rng.uniform(92, 112)))


if __name__ == "__main__":
    main()
