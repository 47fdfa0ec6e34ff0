#!/usr/bin/env python3
"""Price an `innobond analytics` input with QuantLib, writing the same output.

    quantlib_analytics.py INPUT OUTPUT

The peer of the benchmark: QuantLib-Python set up as the specification's
oracle describes (shared/spec/oracle/README.md): FixedRateBond and
BondFunctions, NullCalendar, Unadjusted, backward generation, an explicit
settlement date, ActualActual(ISMA) over each coupon's reference period.
Rows QuantLib cannot price keep their id with empty figures. Prints the rows
priced a second on standard error.
"""
import csv
import sys
import time

import QuantLib as ql

DAY_COUNTS = {
    "ACT/ACT-ICMA": ql.ActualActual(ql.ActualActual.ISMA),
    "ACT/365F": ql.Actual365Fixed(),
    "ACT/360": ql.Actual360(),
    "30/360": ql.Thirty360(ql.Thirty360.BondBasis),
    "NL/365": ql.Actual365Fixed(ql.Actual365Fixed.NoLeap),
}
FREQUENCIES = {1: ql.Annual, 2: ql.Semiannual, 4: ql.Quarterly, 12: ql.Monthly}
CALENDAR = ql.NullCalendar()


def date(text):
    return ql.Date(int(text[8:10]), int(text[5:7]), int(text[0:4]))


def price(row):
    frequency = int(row["frequency"])
    day_count = DAY_COUNTS[row["day_count"]]
    issue, maturity, settlement = date(row["issue_date"]), date(row["maturity_date"]), date(row["settlement_date"])
    schedule = ql.Schedule(issue, maturity, ql.Period(FREQUENCIES[frequency]), CALENDAR, ql.Unadjusted,
                           ql.Unadjusted, ql.DateGeneration.Backward, False)
    bond = ql.FixedRateBond(0, 100.0, schedule, [float(row["coupon_rate"]) / 100], day_count)
    compounding = FREQUENCIES[frequency]
    accrued = ql.BondFunctions.accruedAmount(bond, settlement)
    if row["clean_price"]:
        clean = float(row["clean_price"])
        y = ql.BondFunctions.bondYield(bond, ql.BondPrice(clean, ql.BondPrice.Clean), day_count, ql.Compounded,
                                       compounding, settlement, 1e-12, 100, 0.05)
        yield_pct = y * 100
    else:
        yield_pct = float(row["yield"])
        y = yield_pct / 100
        clean = ql.BondFunctions.cleanPrice(bond, y, day_count, ql.Compounded, compounding, settlement)
    rate = ql.InterestRate(y, day_count, ql.Compounded, compounding)
    return figures(bond, rate, settlement, clean, yield_pct, accrued)


def figures(bond, rate, settlement, clean, yield_pct, accrued):
    """The output row's eight numbers, the risk figures at `rate`."""
    dirty = clean + accrued
    macaulay = ql.BondFunctions.duration(bond, rate, ql.Duration.Macaulay, settlement)
    modified = ql.BondFunctions.duration(bond, rate, ql.Duration.Modified, settlement)
    convexity = ql.BondFunctions.convexity(bond, rate, settlement)
    return [clean, yield_pct, accrued, dirty, macaulay, modified, convexity, modified * dirty * 1e-4]


def run(price_row):
    """Prices the rows of the file named by the first argument with
    `price_row` into the file named by the second."""
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
                writer.writerow([row["id"]] + [repr(v) for v in price_row(row)])
            except Exception as error:  # a row QuantLib rejects
                writer.writerow([row["id"]] + [""] * 8)
                print("line %d: %s" % (rows + 1, error), file=sys.stderr)
    elapsed = time.perf_counter() - start
    print("quantlib rows=%d seconds=%.3f rows_per_second=%.0f" % (rows, elapsed, rows / elapsed), file=sys.stderr)


if __name__ == "__main__":
    run(price)
