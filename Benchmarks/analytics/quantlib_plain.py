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
import QuantLib as ql

from quantlib_analytics import figures, run

FREQUENCIES = {1: ql.Annual, 2: ql.Semiannual, 4: ql.Quarterly, 12: ql.Monthly}


def day_count(name):
    """A new day counter for each row; an unknown name raises, as in the oracle."""
    makers = {
        "ACT/ACT-ICMA": lambda: ql.ActualActual(ql.ActualActual.ISMA),
        "ACT/365F": ql.Actual365Fixed,
        "ACT/360": ql.Actual360,
        "30/360": lambda: ql.Thirty360(ql.Thirty360.BondBasis),
        "NL/365": lambda: ql.Actual365Fixed(ql.Actual365Fixed.NoLeap),
    }
    return makers[name]()


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
        quote = ql.BondPrice(clean, ql.BondPrice.Clean)
        y = bond.bondYield(quote, dc, ql.Compounded, frequency, settlement, 1e-12, 100)
        yield_pct = y * 100
    else:
        yield_pct = float(row["yield"])
        y = yield_pct / 100
        clean = bond.cleanPrice(y, dc, ql.Compounded, frequency, settlement)
    accrued = bond.accruedAmount(settlement)
    rate = ql.InterestRate(y, dc, ql.Compounded, frequency)
    return figures(bond, rate, settlement, clean, yield_pct, accrued)


if __name__ == "__main__":
    run(price)
