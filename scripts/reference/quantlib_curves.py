#!/usr/bin/env python3
"""Reference values for innobond's curves and spreads, from QuantLib-Python.

    scripts/reference/run.sh

reads Tests/Fixtures/curves/cgb-par-yields.csv (par yields of CGB-like bonds
on one date, registry `curves` format) and writes, beside it:

- bootstrap.csv: the curve bootstrapped from par bonds (issued on the curve's
  date, annual coupons of the par yield, ACT/ACT ICMA, backward schedule,
  NullCalendar, unadjusted, priced at 100) with PiecewiseLogLinearDiscount on
  Actual365Fixed: discount factors and continuously compounded zero rates on
  a grid of dates.
- nss.csv: the same bonds fitted by FittedBondDiscountCurve with
  SvenssonFitting (accuracy 1e-10, 10,000 evaluations), the least costly of
  fits started from a grid of decay times: the fitted curve's par yields and
  discount factors at the input maturities.
- zspreads.csv: z-spreads (Actual365Fixed, continuous) of bonds of several
  coupons, maturities and day counts at given clean prices, against the
  bootstrapped curve, settled on the curve's date.
"""
import csv
import os
import sys

import QuantLib as ql

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "Fixtures", "curves")
UNITS = {"D": ql.Days, "W": ql.Weeks, "M": ql.Months, "Y": ql.Years}
DAY_COUNTS = {
    "ACT/ACT-ICMA": ql.ActualActual(ql.ActualActual.ISMA),
    "ACT/365F": ql.Actual365Fixed(),
    "ACT/360": ql.Actual360(),
    "30/360": ql.Thirty360(ql.Thirty360.BondBasis),
}


def date(text):
    return ql.Date(int(text[8:10]), int(text[5:7]), int(text[0:4]))


def iso(d):
    return "%04d-%02d-%02d" % (d.year(), d.month(), d.dayOfMonth())


def main():
    with open(os.path.join(HERE, "cgb-par-yields.csv")) as inp:
        rows = list(csv.DictReader(inp))
    reference = date(rows[0]["date"])
    ql.Settings.instance().evaluationDate = reference
    calendar = ql.NullCalendar()
    icma = ql.ActualActual(ql.ActualActual.ISMA)
    helpers = []
    maturities = []
    for row in rows:
        tenor = ql.Period(int(row["tenor"][:-1]), UNITS[row["tenor"][-1]])
        maturity = reference + tenor
        maturities.append((maturity, float(row["yield"]) / 100))
        schedule = ql.Schedule(reference, maturity, ql.Period(ql.Annual), calendar, ql.Unadjusted, ql.Unadjusted,
                               ql.DateGeneration.Backward, False)
        helpers.append(ql.FixedRateBondHelper(ql.QuoteHandle(ql.SimpleQuote(100.0)), 0, 100.0, schedule,
                                              [float(row["yield"]) / 100], icma))
    curve = ql.PiecewiseLogLinearDiscount(reference, helpers, ql.Actual365Fixed())
    curve.enableExtrapolation()

    grid = sorted(set([m for m, _ in maturities] + [reference + ql.Period(6 * k, ql.Months) for k in range(1, 101)]
                      + [reference + ql.Period(k, ql.Days) for k in (1, 17, 45, 200, 400, 1000, 4000, 12000)]))
    with open(os.path.join(HERE, "bootstrap.csv"), "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["date", "discount_factor", "zero_rate_continuous"])
        for d in grid:
            writer.writerow([iso(d), repr(curve.discount(d)),
                             repr(curve.zeroRate(d, ql.Actual365Fixed(), ql.Continuous).rate())])

    # QuantLib's simplex stops in local minima; start it from a grid of decay
    # times (QuantLib's parameters are decay rates, 1/tau) and keep the fit of
    # least cost.
    longest, shortest = maturities[-1][1], maturities[0][1]
    fitted = None
    for tau1 in (0.5, 1.0, 2.0, 4.0):
        for tau2 in (6.0, 12.0, 25.0):
            guess = ql.Array([longest, shortest - longest, 0.0, 0.0, 1 / tau1, 1 / tau2])
            candidate = ql.FittedBondDiscountCurve(reference, helpers, ql.Actual365Fixed(), ql.SvenssonFitting(),
                                                   1e-10, 10000, guess)
            if fitted is None or candidate.fitResults().minimumCostValue() < fitted.fitResults().minimumCostValue():
                fitted = candidate
    fitted.enableExtrapolation()
    with open(os.path.join(HERE, "nss.csv"), "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["date", "par_yield", "discount_factor"])
        for maturity, _ in maturities:
            schedule = ql.Schedule(reference, maturity, ql.Period(ql.Annual), calendar, ql.Unadjusted, ql.Unadjusted,
                                   ql.DateGeneration.Backward, False)
            annuity = 0.0
            for k in range(1, len(schedule)):
                start, end = schedule[k - 1], schedule[k]
                ref_start = start if (k > 1 or schedule.isRegular(1)) else calendar.advance(end, ql.Period(-1, ql.Years))
                annuity += icma.yearFraction(start, end, ref_start, end) * fitted.discount(end)
            writer.writerow([iso(maturity), repr((1 - fitted.discount(maturity)) / annuity), repr(fitted.discount(maturity))])
        results = fitted.fitResults()
        print("nss parameters", list(results.solution()), "cost", results.minimumCostValue(),
              "iterations", results.numberOfIterations(), file=sys.stderr)

    bonds = [
        ("2025-03-15", "2030-03-15", 2.10, 1, "ACT/ACT-ICMA", 101.25),
        ("2024-11-20", "2034-11-20", 1.85, 1, "ACT/ACT-ICMA", 99.10),
        ("2025-06-03", "2028-06-03", 2.45, 1, "ACT/365F", 102.00),
        ("2023-01-10", "2053-01-10", 3.00, 2, "ACT/ACT-ICMA", 118.40),
        ("2025-01-06", "2026-01-06", 1.60, 1, "ACT/360", 100.05),
        ("2024-08-30", "2029-08-31", 2.75, 4, "30/360", 103.40),
        ("2025-05-20", "2035-05-20", 0.0, 1, "ACT/365F", 84.00),
    ]
    with open(os.path.join(HERE, "zspreads.csv"), "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["issue_date", "maturity_date", "coupon_rate", "frequency", "day_count", "clean_price", "z_spread"])
        frequencies = {1: ql.Annual, 2: ql.Semiannual, 4: ql.Quarterly}
        for issue, maturity, coupon, frequency, day_count, price in bonds:
            schedule = ql.Schedule(date(issue), date(maturity), ql.Period(frequencies[frequency]), calendar,
                                   ql.Unadjusted, ql.Unadjusted, ql.DateGeneration.Backward, False)
            bond = ql.FixedRateBond(0, 100.0, schedule, [coupon / 100], DAY_COUNTS[day_count])
            spread = ql.BondFunctions.zSpread(bond, ql.BondPrice(price, ql.BondPrice.Clean), curve, ql.Actual365Fixed(),
                                              ql.Continuous, ql.Annual, reference, 1e-12, 100, 0.0)
            writer.writerow([issue, maturity, coupon, frequency, day_count, price, repr(spread)])


if __name__ == "__main__":
    main()
