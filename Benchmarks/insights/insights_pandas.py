#!/usr/bin/env python3
"""The figures of `innobond insights --json`, computed with pandas from the
registry's exported CSV files, by the methods of docs/insights.md.

    insights_pandas.py FOLDER --from DATE --to DATE

FOLDER holds issuers.csv, bonds.csv, curves.csv and macro.csv as `innobond
export` writes them. Prints JSON with the same keys as innobond.
"""
import argparse
import datetime as dt
import json
import os

import numpy as np
import pandas as pd
from scipy import stats

BUCKETS = ["<=1Y", "1-3Y", "3-5Y", "5-10Y", ">10Y"]
RATINGS = ["AAA", "AA+", "AA", "AA-", "A+", "A", "A-", "BBB+", "BBB", "BBB-", "BB+", "BB", "BB-", "B+", "B", "B-",
           "CCC", "CC", "C", "A-1", "A-2", "A-3", "unrated"]
EPOCH = np.datetime64("1970-01-01", "D")


def days(series):
    """Day numbers since 1970-01-01 of a datetime64 series."""
    return (series.values.astype("datetime64[D]") - EPOCH).astype(np.int64)


def bucket(day_counts):
    months = np.floor(day_counts / 30.436875 + 0.5)
    return np.select([months <= 12, months <= 36, months <= 60, months <= 120], BUCKETS[:4], BUCKETS[4])


def summary(values):
    values = np.asarray(values, dtype=float)
    if len(values) == 0:
        return None
    return {"count": int(len(values)), "mean": float(values.mean()), "median": float(np.median(values)),
            "standardDeviation": float(values.std(ddof=1)) if len(values) > 1 else 0.0,
            "minimum": float(values.min()), "maximum": float(values.max())}


def add_months(date, months):
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = pd.Timestamp(year=year, month=month, day=1).days_in_month
    return dt.date(year, month, min(date.day, last))


def advance(date, tenor):
    count, unit = int(tenor[:-1]), tenor[-1]
    if unit == "D":
        return date + dt.timedelta(days=count)
    if unit == "W":
        return date + dt.timedelta(days=7 * count)
    return add_months(date, count if unit == "M" else 12 * count)


def tenor_years(tenor):
    count, unit = int(tenor[:-1]), tenor[-1]
    return {"D": count / 365.25, "W": count * 7 / 365.25, "M": count / 12, "Y": float(count)}[unit]


def tangents(x, y):
    """Fritsch–Carlson tangents, as FixedIncome.HermiteCurve."""
    n = len(x)
    secants = np.diff(y) / np.diff(x)
    m = np.zeros(n)
    m[0], m[-1] = secants[0], secants[-1]
    for k in range(1, n - 1):
        m[k] = (secants[k - 1] + secants[k]) / 2 if secants[k - 1] * secants[k] > 0 else 0.0
    for k in range(n - 1):
        if secants[k] == 0:
            m[k] = m[k + 1] = 0.0
            continue
        alpha, beta = m[k] / secants[k], m[k + 1] / secants[k]
        radius = alpha * alpha + beta * beta
        if radius > 9:
            tau = 3 / np.sqrt(radius)
            m[k], m[k + 1] = tau * alpha * secants[k], tau * beta * secants[k]
    return m


def hermite(x, y, m, t):
    t = np.asarray(t, dtype=float)
    k = np.clip(np.searchsorted(x, t, side="left") - 1, 0, len(x) - 2)
    h = x[k + 1] - x[k]
    s = (t - x[k]) / h
    s2, s3 = s * s, s * s * s
    value = ((2 * s3 - 3 * s2 + 1) * y[k] + (s3 - 2 * s2 + s) * h * m[k] + (-2 * s3 + 3 * s2) * y[k + 1]
             + (s3 - s2) * h * m[k + 1])
    return np.where(t <= x[0], y[0], np.where(t >= x[-1], y[-1], value))


def groups(bonds, key, total, order=None, labels=None):
    grouped = bonds.groupby(key, sort=False).agg(bonds=("code", "size"), issuers=("uscc", "nunique"),
                                                  amountFen=("amount_fen", "sum"))
    keys = order if order is not None else list(grouped.index)
    rows = []
    for value in keys:
        if value in grouped.index:
            row = grouped.loc[value]
            count, issuers, fen = int(row["bonds"]), int(row["issuers"]), int(row["amountFen"])
        else:
            count, issuers, fen = 0, 0, 0
        rows.append({"key": value, "bonds": count, "issuers": issuers, "amountFen": fen,
                     "share": fen / total if total > 0 else 0.0})
    return rows


def by_amount(rows):
    return sorted(rows, key=lambda row: (-row["amountFen"], row["key"]))


def issuance(bonds):
    total = int(bonds["amount_fen"].sum())
    tenor = bonds["tenor_days"] / 365.25
    result = {"bonds": int(len(bonds)), "issuers": int(bonds["uscc"].nunique()), "amountFen": total,
              "tenorYears": summary(tenor), "couponPercent": summary(bonds["coupon_rate"])}
    result["bySector"] = by_amount(groups(bonds, "sector", total))
    months = []
    if len(bonds):
        period = pd.period_range(bonds["issue_date"].min(), bonds["issue_date"].max(), freq="M")
        months = [str(p) for p in period]
    result["byMonth"] = groups(bonds, "month", total, order=months)
    rating_rows = groups(bonds, "rating_key", total)
    result["byRating"] = sorted(rating_rows, key=lambda row: RATINGS.index(row["key"]))
    result["byTenor"] = groups(bonds, "bucket", total, order=BUCKETS)
    result["byIssuerType"] = by_amount(groups(bonds, "ownership", total))
    result["byMarket"] = by_amount(groups(bonds, "market", total))
    league = bonds.groupby("uscc").agg(bonds=("code", "size"), amountFen=("amount_fen", "sum")).reset_index()
    league = league.sort_values(["amountFen", "uscc"], ascending=[False, True]).head(20)
    result["league"] = [{"uscc": row.uscc, "bonds": int(row.bonds), "amountFen": int(row.amountFen)}
                        for row in league.itertuples()]
    return result


def issue_spreads(bonds, curves):
    """Coupon over the CGB Hermite curve of the latest day within 10 days of issue, bp (NaN without one)."""
    cgb = curves[curves["curve"] == "CGB"]
    curve_days = np.sort(cgb["day"].unique())
    position = np.searchsorted(curve_days, bonds["issue_day"].values, side="right") - 1
    valid = position >= 0
    chosen = np.where(valid, curve_days[np.clip(position, 0, None)], -1)
    valid &= (bonds["issue_day"].values - chosen) <= 10
    spread = np.full(len(bonds), np.nan)
    bonds_by_day = pd.Series(np.arange(len(bonds)))[valid].groupby(chosen[valid])
    points = {day: frame for day, frame in cgb.groupby("day")}
    for day, rows in bonds_by_day:
        frame = points[day]
        reference = (EPOCH + np.timedelta64(int(day), "D")).astype(object)
        maturities = np.array([(advance(reference, tenor) - dt.date(1970, 1, 1)).days for tenor in frame["tenor"]])
        order = np.argsort(maturities, kind="stable")
        x = (maturities[order] - day) / 365.0
        y = frame["yield"].values[order] / 100
        m = tangents(x, y)
        index = rows.values
        t = (bonds["pricing_day"].values[index] - day) / 365.0
        spread[index] = (bonds["coupon_rate"].values[index] - 100 * hermite(x, y, m, t)) * 100
    return spread


def advantage(scope, curves, minimum_pairs=10):
    scope = scope.assign(issue_spread=issue_spreads(scope, curves))
    sci, conventional = scope[scope["sci_tech"]], scope[~scope["sci_tech"]]

    def figures(frame):
        return {"bonds": int(len(frame)), "tenorYears": summary(frame["tenor_days"] / 365.25),
                "couponPercent": summary(frame["coupon_rate"]),
                "issueSpreadBp": summary(frame["issue_spread"].dropna())}

    keys = ["rating", "market", "month_index", "pricing_bucket"]
    left = sci[sci["rating"].notna()][keys + ["code", "issue_day", "pricing_years", "coupon_rate"]]
    right = conventional[conventional["rating"].notna()][keys + ["code", "issue_day", "pricing_years", "coupon_rate"]]
    pairs = left.merge(right, on=keys, suffixes=("", "_c"))
    pairs["date_gap"] = (pairs["issue_day"] - pairs["issue_day_c"]).abs()
    pairs["tenor_gap"] = (pairs["pricing_years"] - pairs["pricing_years_c"]).abs()
    pairs = pairs.sort_values(["code", "date_gap", "tenor_gap", "code_c"]).drop_duplicates("code")
    difference = (pairs["coupon_rate"] - pairs["coupon_rate_c"]) * 100
    tenor_difference = pairs["pricing_years"] - pairs["pricing_years_c"]
    count = len(pairs)
    result = {"sciTech": figures(sci), "conventional": figures(conventional), "pairs": int(count),
              "unmatched": int(len(sci) - count), "couponDifferenceBp": summary(difference),
              "tenorDifferenceYears": summary(tenor_difference), "confidenceInterval95Bp": None}
    if count > 1:
        half = stats.t.ppf(0.975, count - 1) * difference.std(ddof=1) / np.sqrt(count)
        result["confidenceInterval95Bp"] = [float(difference.mean() - half), float(difference.mean() + half)]
    interval = result["confidenceInterval95Bp"]
    if count < minimum_pairs:
        result["conclusion"] = "too_few_pairs"
    elif interval[1] < 0:
        result["conclusion"] = "cheaper"
    elif interval[0] > 0:
        result["conclusion"] = "dearer"
    else:
        result["conclusion"] = "no_significant_difference"
    return result


def period_key(text):
    """Sort key of a period as MacroPeriod orders them: year, last month, months before quarters."""
    year, rest = text.split("-")
    if rest.startswith("Q"):
        return (int(year), 3 * int(rest[1:]), 1)
    return (int(year), int(rest), 0)


def year_earlier(text):
    year, rest = text.split("-")
    return "%d-%s" % (int(year) - 1, rest)


def last_day(text):
    year, month, _ = period_key(text)
    return (pd.Timestamp(year=year, month=month, day=1) + pd.offsets.MonthEnd(0)).date()


def growth(rows):
    """Growth points of one series: {period: (value, definition, method)}, never across definitions."""
    start = {definition: min(frame["period"], key=period_key) for definition, frame in rows.groupby("definition")}
    level = {(row.period, row.definition): row.value for row in rows.itertuples()}
    result = {}
    for period, frame in rows.groupby("period"):
        best = None
        for row in frame.itertuples():
            if not pd.isna(row.yoy_pct):
                point, rank = (float(row.yoy_pct), row.definition, "published"), 1
            else:
                earlier = level.get((year_earlier(period), row.definition))
                if pd.isna(row.value) or earlier is None or pd.isna(earlier) or earlier <= 0:
                    continue
                point, rank = ((row.value / earlier - 1) * 100, row.definition, "from_levels"), 0
            key = (rank, period_key(start[row.definition]), row.definition)
            if best is None or key > best[1]:
                best = (point, key)
        if best is not None:
            result[period] = best[0]
    return dict(sorted(result.items(), key=lambda item: period_key(item[0])))


def yearly(points):
    years = {}
    for period, value in points.items():
        years.setdefault(int(period[:4]), []).append(value)
    return [{"year": year, "value": sum(values) / len(values), "count": len(values)}
            for year, values in sorted(years.items())]


def average(points, start, end):
    inside = [value for date, value in points if start <= date <= end]
    return (sum(inside) / len(inside), len(inside)) if inside else None


def trend(points, kind, end):
    start = add_months(dt.date(end.year, end.month, 1), -9)
    inside = sorted((date, value) for date, value in points if start <= date <= end)
    if len(inside) < 3:
        return None
    x = np.array([(date - inside[0][0]).days for date, _ in inside], dtype=float)
    y = np.array([value for _, value in inside])
    slope = ((x - x.mean()) * (y - y.mean())).sum() / ((x - x.mean()) ** 2).sum()
    change = slope * (inside[-1][0] - inside[0][0]).days
    mean = y.mean()
    if kind == "gap":
        name = "widening" if change > 0.5 else "narrowing" if change < -0.5 else (
            "narrow and stable" if abs(mean) <= 5 else "wide and stable")
    elif kind == "growth":
        name = "accelerating" if change > 0.3 else "decelerating" if change < -0.3 else "stable"
    else:
        bp = change * 100
        name = "rising" if bp > 5 else "sharp decline" if bp < -50 else "gradual decline" if bp < -5 else "stable"
    return {"change": float(change), "mean": float(mean), "points": len(inside), "trendClass": name}


def monitor(macro, curves, end):
    macro = macro.sort_values("published").groupby(["series", "period", "definition"], as_index=False).last()
    series = {}
    for name, rows in macro.groupby("series"):
        points = growth(rows)
        series[name] = points
    result = {"series": [{"series": name, "growth": [{"period": p, "valuePercent": v, "definition": d,
                                                        "method": m} for p, (v, d, m) in points.items()],
                          "yearlyGrowth": yearly({p: v for p, (v, _, _) in points.items()})}
                         for name, points in sorted(series.items())]}
    m2, m1 = series.get("M2", {}), series.get("M1", {})
    gap = {p: (v - m1[p][0], "%s − %s" % (d, m1[p][1])) for p, (v, d, _) in m2.items() if p in m1}
    result["gap"] = [{"period": p, "valuePercent": v, "definition": d} for p, (v, d) in gap.items()]
    result["yearlyGap"] = yearly({p: v for p, (v, _) in gap.items()})

    year = end.year if (end.month, end.day) == (12, 31) else end.year - 1
    quarter_end = (pd.Timestamp(end) - pd.offsets.QuarterEnd(0 if pd.Timestamp(end).is_quarter_end else 1)).date()
    quarter_start = add_months(dt.date(quarter_end.year, quarter_end.month, 1), -2)
    aaa = curves[(curves["curve"] == "AAA_corporate") & (curves["tenor"] == "5Y")]
    indicators = [
        ("M2–M1 gap", "gap", [(last_day(p), v) for p, (v, _) in gap.items()]),
        ("TSF growth", "growth", [(last_day(p), v) for p, (v, _, _) in series.get("TSF_stock", {}).items()]),
        ("Tech-sector loan growth", "growth",
         [(last_day(p), v) for p, (v, _, _) in series.get("tech_loans", {}).items()]),
        ("AAA 5-year corporate yield", "yield", list(zip(aaa["date"].dt.date, aaa["yield"]))),
    ]
    rows = []
    for name, kind, points in indicators:
        first = average(points, dt.date(year, 1, 1), dt.date(year, 12, 31))
        second = average(points, quarter_start, quarter_end)
        rows.append({"indicator": name, "yearAverage": first and {"value": first[0], "count": first[1]},
                     "quarterAverage": second and {"value": second[0], "count": second[1]},
                     "trend": trend(points, kind, quarter_end)})
    result["conditions"] = {"rows": rows}
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--from", dest="start", required=True)
    parser.add_argument("--to", dest="end", required=True)
    args = parser.parse_args()
    start, end = pd.Timestamp(args.start), pd.Timestamp(args.end)

    issuers = pd.read_csv(os.path.join(args.folder, "issuers.csv"), usecols=["uscc", "sector", "ownership"])
    bonds = pd.read_csv(os.path.join(args.folder, "bonds.csv"),
                        usecols=["code", "uscc", "sci_tech", "issue_date", "maturity_date", "amount_cny",
                                 "coupon_rate", "rating", "put_date"],
                        parse_dates=["issue_date", "maturity_date", "put_date"],
                        dtype={"sci_tech": bool, "rating": "string"})
    curves = pd.read_csv(os.path.join(args.folder, "curves.csv"), parse_dates=["date"])
    macro = pd.read_csv(os.path.join(args.folder, "macro.csv"), dtype={"period": str})
    curves["day"] = days(curves["date"])

    bonds = bonds[(bonds["issue_date"] >= start) & (bonds["issue_date"] <= end)].merge(issuers, on="uscc", how="left")
    bonds["amount_fen"] = (bonds["amount_cny"] * 100).round().astype(np.int64)
    bonds["issue_day"] = days(bonds["issue_date"])
    bonds["tenor_days"] = days(bonds["maturity_date"]) - bonds["issue_day"]
    bonds["pricing_day"] = np.where(bonds["put_date"].notna(), days(bonds["put_date"].fillna(bonds["maturity_date"])),
                                    days(bonds["maturity_date"]))
    bonds["pricing_years"] = (bonds["pricing_day"] - bonds["issue_day"]) / 365.25
    bonds["bucket"] = bucket(bonds["tenor_days"].values)
    bonds["pricing_bucket"] = bucket((bonds["pricing_day"] - bonds["issue_day"]).values)
    bonds["month"] = bonds["issue_date"].dt.strftime("%Y-%m")
    bonds["month_index"] = bonds["issue_date"].dt.year * 12 + bonds["issue_date"].dt.month
    bonds["market"] = bonds["code"].str[-2:]
    bonds["rating_key"] = bonds["rating"].fillna("unrated")
    bonds["sector"] = bonds["sector"].fillna("unknown")
    bonds["ownership"] = bonds["ownership"].fillna("unknown")

    result = {"issuance": issuance(bonds[bonds["sci_tech"]]), "advantage": advantage(bonds, curves)}
    result.update(monitor(macro, curves, end.date()))
    print(json.dumps(result, sort_keys=True, ensure_ascii=False))


if __name__ == "__main__":
    main()
