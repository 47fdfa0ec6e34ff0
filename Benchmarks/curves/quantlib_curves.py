#!/usr/bin/env python3
"""The curve benchmark on QuantLib-Python: fits of 50 par yields (bootstrap,
NSS) and Z-spreads of the benchmark's bonds against the bootstrapped curve.

    quantlib_curves.py FOLDER

Prints one line per measure: `name seconds count per_second`.
"""
import csv
import os
import sys
import time

import QuantLib as ql

UNITS = {"M": ql.Months, "Y": ql.Years}
DAY_COUNTS = {
    "ACT/ACT-ICMA": ql.ActualActual(ql.ActualActual.ISMA),
    "ACT/365F": ql.Actual365Fixed(),
    "ACT/360": ql.Actual360(),
    "30/360": ql.Thirty360(ql.Thirty360.BondBasis),
}
FREQUENCIES = {1: ql.Annual, 2: ql.Semiannual, 4: ql.Quarterly}


def date(text):
    return ql.Date(int(text[8:10]), int(text[5:7]), int(text[0:4]))


def par_yields(reference, rows):
    """(maturity, yield) of each curve point, as innobond's `ParYield`s."""
    return [(reference + ql.Period(int(row["tenor"][:-1]), UNITS[row["tenor"][-1]]), float(row["yield"]) / 100)
            for row in rows]


def helpers(reference, points):
    calendar = ql.NullCalendar()
    day_count = ql.ActualActual(ql.ActualActual.ISMA)
    result = []
    for maturity, par_yield in points:
        schedule = ql.Schedule(reference, maturity, ql.Period(ql.Annual), calendar, ql.Unadjusted, ql.Unadjusted,
                               ql.DateGeneration.Backward, False)
        result.append(ql.FixedRateBondHelper(ql.QuoteHandle(ql.SimpleQuote(100.0)), 0, 100.0, schedule,
                                             [par_yield], day_count))
    return result


def report(name, seconds, count):
    print("%s %.6f %d %.3f" % (name, seconds, count, count / seconds))
    sys.stdout.flush()


def main():
    folder = sys.argv[1]
    rows = list(csv.DictReader(open(os.path.join(folder, "curve50.csv"))))
    reference = date(rows[0]["date"])
    ql.Settings.instance().evaluationDate = reference
    points = par_yields(reference, rows)
    hs = helpers(reference, points)

    count = 200
    start = time.perf_counter()
    for _ in range(count):
        curve = ql.PiecewiseLogLinearDiscount(reference, hs, ql.Actual365Fixed())
        curve.discount(reference + ql.Period(50, ql.Years))  # forces the bootstrap
    report("bootstrap_fit", time.perf_counter() - start, count)

    # The same from the par yields themselves, as innobond's fits start:
    # the helpers' schedules and bonds are built in the clock too.
    count = 100
    start = time.perf_counter()
    for _ in range(count):
        curve = ql.PiecewiseLogLinearDiscount(reference, helpers(reference, points), ql.Actual365Fixed())
        curve.discount(reference + ql.Period(50, ql.Years))
    report("bootstrap_fit_from_inputs", time.perf_counter() - start, count)

    count = 2
    start = time.perf_counter()
    for _ in range(count):
        best = None
        for tau1 in (0.5, 1.0, 2.0, 4.0):
            for tau2 in (6.0, 12.0, 25.0):
                guess = ql.Array([0.02, -0.006, 0.0, 0.0, 1 / tau1, 1 / tau2])
                fitted = ql.FittedBondDiscountCurve(reference, hs, ql.Actual365Fixed(), ql.SvenssonFitting(),
                                                    1e-10, 10000, guess)
                cost = fitted.fitResults().minimumCostValue()
                if best is None or cost < best:
                    best = cost
    report("nss_fit", time.perf_counter() - start, count)

    curve = ql.PiecewiseLogLinearDiscount(reference, hs, ql.Actual365Fixed())
    curve.enableExtrapolation()
    bonds = list(csv.DictReader(open(os.path.join(folder, "bonds.csv"))))
    calendar = ql.NullCalendar()
    # Terms already parsed into numbers and QuantLib dates, as innobond's
    # bonds are parsed before its clock starts.
    terms = [(date(row["issue_date"]), date(row["maturity_date"]), FREQUENCIES[int(row["frequency"])],
              float(row["coupon_rate"]) / 100, DAY_COUNTS[row["day_count"]], float(row["clean_price"]))
             for row in bonds]

    def instrument(issue, maturity, frequency, coupon, day_count, price):
        schedule = ql.Schedule(issue, maturity, ql.Period(frequency), calendar, ql.Unadjusted, ql.Unadjusted,
                               ql.DateGeneration.Backward, False)
        return ql.FixedRateBond(0, 100.0, schedule, [coupon], day_count), ql.BondPrice(price, ql.BondPrice.Clean)

    def spread(bond, price):
        return ql.BondFunctions.zSpread(bond, price, curve, ql.Actual365Fixed(), ql.Continuous, ql.Annual,
                                        reference, 1e-12, 100, 0.0)

    # Bonds built before the clock starts: only the spreads are timed.
    instruments = [instrument(*row) for row in terms]
    start = time.perf_counter()
    total = 0.0
    for bond, price in instruments:
        total += spread(bond, price)
    report("z_spreads", time.perf_counter() - start, len(bonds))
    print("checksum %.12f" % total)

    # From the terms, as innobond's side works: each bond's schedule and cash
    # flows are built in the clock, then its spread solved.
    start = time.perf_counter()
    total = 0.0
    for row in terms:
        total += spread(*instrument(*row))
    report("z_spreads_from_terms", time.perf_counter() - start, len(bonds))
    print("checksum %.12f" % total)


if __name__ == "__main__":
    main()
