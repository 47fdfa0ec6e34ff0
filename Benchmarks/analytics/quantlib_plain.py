#!/usr/bin/env python3
"""Price an `innobond analytics` input with QuantLib written the plain way.

    quantlib_plain.py INPUT OUTPUT

The same figures as quantlib_analytics.py, the way a QuantLib user would
usually write them: the global evaluation date set for each row, a day
counter made for each row, and the bond's own `bondYield`, `cleanPrice` and
`accruedAmount`. It shows what the benchmark's peer gains by reusing day
counters and passing settlement dates to `BondFunctions`. Prints the rows
priced a second on standard error.
"""
import csv
import sys
import time

import QuantLib as ql

FREQUENCIES = {1: ql.Annual, 2: ql.Semiannual, 4: ql.Quarterly, 12: ql.Monthly}


def day_count(name):
    if name == "ACT/ACT-ICMA":
        return ql.ActualActual(ql.ActualActual.ISMA)
    if name == "ACT/365F":
        return ql.Actual365Fixed()
    if name == "ACT/360":
        return ql.Actual360()
    if name == "30/360":
        return ql.Thirty360(ql.Thirty360.BondBasis)
    return ql.Actual365Fixed(ql.Actual365Fixed.NoLeap)


def date(text):
    return ql.Date(text, "%Y-%m-%d")


def price(row):
    settlement = date(row["settlement_date"])
    ql.Settings.instance().evaluationDate = settlement
    frequency = FREQUENCIES[int(row["frequency"])]
    dc = day_count(row["day_count"])
    schedule = ql.Schedule(date(row["issue_date"]), date(row["maturity_date"]), ql.Period(frequency),
                           ql.NullCalendar(), ql.Unadjusted, ql.Unadjusted, ql.DateGeneration.Backward, False)
    bond = ql.FixedRateBond(0, 100.0, schedule, [float(row["coupon_rate"]) / 100], dc)
    if row["clean_price"]:
        clean = float(row["clean_price"])
        y = bond.bondYield(ql.BondPrice(clean, ql.BondPrice.Clean), dc, ql.Compounded, frequency, settlement, 1e-12, 100)
    else:
        y = float(row["yield"]) / 100
        clean = bond.cleanPrice(y, dc, ql.Compounded, frequency, settlement)
    accrued = bond.accruedAmount(settlement)
    rate = ql.InterestRate(y, dc, ql.Compounded, frequency)
    dirty = clean + accrued
    macaulay = ql.BondFunctions.duration(bond, rate, ql.Duration.Macaulay, settlement)
    modified = ql.BondFunctions.duration(bond, rate, ql.Duration.Modified, settlement)
    convexity = ql.BondFunctions.convexity(bond, rate, settlement)
    return [clean, y * 100, accrued, dirty, macaulay, modified, convexity, modified * dirty * 1e-4]


def main():
    source, target = sys.argv[1], sys.argv[2]
    start = time.perf_counter()
    rows = 0
    with open(source, newline="", encoding="utf-8-sig") as inp, open(target, "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "clean_price", "yield", "accrued", "dirty_price", "macaulay_duration",
                         "modified_duration", "convexity", "dv01"])
        for row in csv.DictReader(inp):
            rows += 1
            try:
                writer.writerow([row["id"]] + [repr(v) for v in price(row)])
            except Exception as error:  # a row QuantLib rejects
                writer.writerow([row["id"]] + [""] * 8)
                print("line %d: %s" % (rows + 1, error), file=sys.stderr)
    elapsed = time.perf_counter() - start
    print("quantlib rows=%d seconds=%.3f rows_per_second=%.0f" % (rows, elapsed, rows / elapsed), file=sys.stderr)


if __name__ == "__main__":
    main()
