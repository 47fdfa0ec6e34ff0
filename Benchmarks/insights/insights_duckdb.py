#!/usr/bin/env python3
"""The figures of `innobond insights --json`, computed by DuckDB from the
registry's exported CSV files, by the methods of docs/insights.md: the DuckDB
peer of insights_pandas.py, with the same definitions and the same output.

    insights_duckdb.py FOLDER --from DATE --to DATE

FOLDER holds issuers.csv, bonds.csv, curves.csv and macro.csv as `innobond
export` writes them. Prints JSON with the same keys as insights_pandas.py:

- issuance: the period's sci-tech bonds (issued from DATE to DATE): bonds,
  issuers, amount in fen, tenor (days from issue to maturity / 365.25) and
  coupon summaries, breakdowns by sector, month (every month from the first
  to the last issue, empty ones included), rating (best first), tenor bucket
  (months = floor(days / 30.436875 + 0.5): <=12, <=36, <=60, <=120, more),
  issuer ownership and market (the code's last two letters), and the 20
  largest issuers by amount.
- advantage: every sci-tech bond of the period matched, with replacement, to
  the conventional bond of the same rating, market, issue month and bucket of
  the priced tenor (to the put date where there is one) nearest in issue
  date, then in priced tenor, then by code; the coupon differences in bp with
  their 95 % interval by Student's t, and each group's tenor, coupon and issue
  spread (coupon over the CGB Hermite curve, Fritsch–Carlson tangents, of the
  latest CGB day on or before issue and at most 10 days older, at the priced
  tenor).
- series, gap, yearlyGap, conditions: the monetary monitor from the last
  published vintage of each series, period and definition: growth (the
  published rate, or else the definition's own level over its level a year
  earlier; a published rate first, then the definition that began latest),
  the M2–M1 gap, yearly means, and for the M2–M1 gap, TSF_stock growth,
  tech_loans growth and the AAA_corporate 5Y yield the mean of the last full
  calendar year and of the last full quarter ending by DATE, with the
  least-squares trend over the ten months to that quarter's end.

DuckDB reads the files and does the grouping, joins, medians and curve
arithmetic. Python computes the t quantile of the interval (tabulated to 30
degrees of freedom, a Cornish–Fisher expansion beyond, as innobond does;
DuckDB has no t distribution) and arranges the rows into JSON.
"""
import argparse
import datetime as dt
import json
import math

import duckdb

BUCKETS = ["<=1Y", "1-3Y", "3-5Y", "5-10Y", ">10Y"]
RATINGS = ["AAA", "AA+", "AA", "AA-", "A+", "A", "A-", "BBB+", "BBB", "BBB-", "BB+", "BB", "BB-", "B+", "B", "B-",
           "CCC", "CC", "C", "A-1", "A-2", "A-3", "unrated"]
MINIMUM_PAIRS = 10

# The 97.5 % quantile of Student's t for 1 to 30 degrees of freedom, to 8
# decimals (SciPy's stats.t.ppf(0.975, df)).
T975 = [12.70620474, 4.30265273, 3.18244631, 2.77644511, 2.57058184, 2.44691185, 2.36462425, 2.30600414,
        2.26215716, 2.22813885, 2.20098516, 2.17881283, 2.16036866, 2.14478669, 2.13144955, 2.11990530,
        2.10981558, 2.10092204, 2.09302405, 2.08596345, 2.07961384, 2.07387307, 2.06865761, 2.06389856,
        2.05953855, 2.05552944, 2.05183052, 2.04840714, 2.04522964, 2.04227246]


def sql_list(values):
    return "[" + ", ".join("'%s'" % value for value in values) + "]"


def bucket_sql(day_count):
    """The tenor bucket of a number of days, as insights_pandas.bucket."""
    months = "floor(%s / 30.436875 + 0.5)" % day_count
    return ("CASE WHEN {m} <= 12 THEN '<=1Y' WHEN {m} <= 36 THEN '1-3Y' WHEN {m} <= 60 THEN '3-5Y' "
            "WHEN {m} <= 120 THEN '5-10Y' ELSE '>10Y' END").format(m=months)


def load(db, folder, start, end):
    """Tables issuers, curves and macro as exported; bonds: the bonds issued in
    the period with their issuer's sector and ownership (`unknown` without),
    amount in fen, tenor and priced tenor (to the put date where there is one)
    in days, tenor buckets, issue month, market and rating (`unrated`
    without); sci: the sci-tech ones among them."""
    text, date = "'VARCHAR'", "'DATE'"
    db.execute(f"""
        CREATE TABLE issuers AS SELECT * FROM read_csv('{folder}/issuers.csv', header = true, columns = {{
            'uscc': {text}, 'name': {text}, 'name_en': {text}, 'sector': {text}, 'province': {text},
            'ownership': {text}, 'listed_code': {text}}});
        CREATE TABLE curves AS SELECT * FROM read_csv('{folder}/curves.csv', header = true, columns = {{
            'curve': {text}, 'date': {date}, 'tenor': {text}, 'yield': 'DOUBLE'}});
        CREATE TABLE macro AS SELECT * FROM read_csv('{folder}/macro.csv', header = true, columns = {{
            'series': {text}, 'period': {text}, 'value': 'DOUBLE', 'yoy_pct': 'DOUBLE', 'unit': {text},
            'definition': {text}, 'published': {date}}});
        CREATE VIEW raw_bonds AS SELECT * FROM read_csv('{folder}/bonds.csv', header = true, columns = {{
            'code': {text}, 'uscc': {text}, 'name': {text}, 'type': {text}, 'sci_tech': 'BOOLEAN',
            'regime': {text}, 'issue_date': {date}, 'maturity_date': {date}, 'amount_cny': 'DECIMAL(18,2)',
            'coupon_rate': 'DOUBLE', 'frequency': 'INTEGER', 'day_count': {text}, 'rating': {text},
            'put_date': {date}, 'coupon_reset_date': {date}, 'approval_days': 'INTEGER'}});
    """)
    db.execute(f"""
        CREATE TABLE bonds AS
        WITH period AS (
            SELECT b.code, b.uscc, b.sci_tech, b.issue_date, b.coupon_rate, b.rating,
                CAST(b.amount_cny * 100 AS BIGINT) AS amount_fen,
                b.maturity_date - b.issue_date AS tenor_days,
                coalesce(b.put_date, b.maturity_date) - b.issue_date AS pricing_days,
                coalesce(b.put_date, b.maturity_date) AS pricing_date,
                coalesce(i.sector, 'unknown') AS sector, coalesce(i.ownership, 'unknown') AS ownership
            FROM raw_bonds b LEFT JOIN issuers i USING (uscc)
            WHERE b.issue_date BETWEEN DATE '{start}' AND DATE '{end}')
        SELECT code, uscc, sci_tech, issue_date, coupon_rate, rating, amount_fen, tenor_days, pricing_date,
            pricing_days / 365.25 AS pricing_years,
            {bucket_sql('tenor_days')} AS bucket,
            {bucket_sql('pricing_days')} AS pricing_bucket,
            strftime(issue_date, '%Y-%m') AS month,
            year(issue_date) * 12 + month(issue_date) AS month_index,
            right(code, 2) AS market,
            coalesce(rating, 'unrated') AS rating_key,
            sector, ownership
        FROM period;
        DROP VIEW raw_bonds;
        CREATE VIEW sci AS SELECT * FROM bonds WHERE sci_tech;
    """)


def summary(db, source, value):
    """Count, mean, median, sample standard deviation, minimum and maximum of
    the non-null values of an expression; None without any."""
    count, mean, median, deviation, minimum, maximum = db.execute(
        f"SELECT count({value}), avg({value}), median({value}), stddev_samp({value}), min({value}), max({value}) "
        f"FROM {source}").fetchone()
    if count == 0:
        return None
    return {"count": count, "mean": mean, "median": median, "standardDeviation": deviation if count > 1 else 0.0,
            "minimum": minimum, "maximum": maximum}


def breakdown(db, key, keys=None, order="amount_fen DESC, key"):
    """Rows of the sci-tech bonds grouped by a column: bonds, distinct issuers,
    amount and share of the total amount. With `keys`, a query of the keys to
    show in that order, empty ones included."""
    grouped = f"""
        SELECT {key} AS key, count(*) AS bonds, count(DISTINCT uscc) AS issuers, sum(amount_fen) AS amount_fen
        FROM sci GROUP BY {key}"""
    if keys is not None:
        grouped = f"""
            SELECT k.key, coalesce(g.bonds, 0) AS bonds, coalesce(g.issuers, 0) AS issuers,
                coalesce(g.amount_fen, 0) AS amount_fen, k.position
            FROM ({keys}) k LEFT JOIN ({grouped}) g USING (key)"""
        order = "position"
    rows = db.execute(f"""
        SELECT key, bonds, issuers, CAST(amount_fen AS BIGINT) AS amount_fen,
            CASE WHEN t.total > 0 THEN amount_fen / t.total ELSE 0.0 END AS share
        FROM ({grouped}) CROSS JOIN (SELECT sum(amount_fen) AS total FROM sci) t
        ORDER BY {order}""").fetchall()
    return [{"key": key, "bonds": bonds, "issuers": issuers, "amountFen": fen, "share": share}
            for key, bonds, issuers, fen, share in rows]


def issuance(db):
    bonds, issuers, total = db.execute(
        "SELECT count(*), count(DISTINCT uscc), CAST(coalesce(sum(amount_fen), 0) AS BIGINT) FROM sci").fetchone()
    months = """
        SELECT strftime(m, '%Y-%m') AS key, row_number() OVER (ORDER BY m) AS position
        FROM (SELECT unnest(range(date_trunc('month', min(issue_date)), max(issue_date) + 1, INTERVAL 1 MONTH)) AS m
              FROM sci)"""
    tenors = "SELECT unnest(%s) AS key, unnest(range(%d)) AS position" % (sql_list(BUCKETS), len(BUCKETS))
    league = db.execute("""
        SELECT uscc, count(*), CAST(sum(amount_fen) AS BIGINT) AS amount_fen FROM sci
        GROUP BY uscc ORDER BY amount_fen DESC, uscc LIMIT 20""").fetchall()
    return {
        "bonds": bonds, "issuers": issuers, "amountFen": total,
        "tenorYears": summary(db, "sci", "tenor_days / 365.25"),
        "couponPercent": summary(db, "sci", "coupon_rate"),
        "bySector": breakdown(db, "sector"),
        "byMonth": breakdown(db, "month", keys=months) if bonds else [],
        "byRating": breakdown(db, "rating_key", order="list_position(%s, key)" % sql_list(RATINGS)),
        "byTenor": breakdown(db, "bucket", keys=tenors),
        "byIssuerType": breakdown(db, "ownership"),
        "byMarket": breakdown(db, "market"),
        "league": [{"uscc": uscc, "bonds": count, "amountFen": fen} for uscc, count, fen in league],
    }


def issue_spreads(db):
    """Table spreads: the coupon of each bond of the period over the CGB par
    yield at its priced tenor, bp, on the Hermite curve of the latest CGB day
    on or before its issue and at most 10 days older; bonds without such a
    day are left out."""
    db.execute("""
        -- The CGB curve of each day: nodes at the tenors' maturities (x in years of 365 days, y as a
        -- fraction) ordered by maturity, with the secant to the next node and the starting tangent.
        CREATE TABLE nodes AS
        WITH points AS (
            SELECT date AS day, yield / 100 AS y, CAST(left(tenor, length(tenor) - 1) AS INTEGER) AS count,
                right(tenor, 1) AS unit
            FROM curves WHERE curve = 'CGB'),
        maturities AS (
            SELECT day, y, CASE unit
                WHEN 'D' THEN day + count
                WHEN 'W' THEN day + 7 * count
                WHEN 'M' THEN CAST(day + to_months(count) AS DATE)
                ELSE CAST(day + to_months(12 * count) AS DATE) END AS maturity
            FROM points),
        ordered AS (
            SELECT day, y, (maturity - day) / 365.0 AS x,
                row_number() OVER (PARTITION BY day ORDER BY maturity) - 1 AS k,
                count(*) OVER (PARTITION BY day) AS n
            FROM maturities),
        secants AS (
            SELECT *, (lead(y) OVER w - y) / (lead(x) OVER w - x) AS secant
            FROM ordered WINDOW w AS (PARTITION BY day ORDER BY k)),
        starts AS (
            -- Fritsch–Carlson: the end secants at the ends, inside the mean of the two secants where they
            -- agree in sign, else zero.
            SELECT *, CASE
                WHEN k = 0 THEN secant
                WHEN k = n - 1 THEN lag(secant) OVER w
                WHEN lag(secant) OVER w * secant > 0 THEN (lag(secant) OVER w + secant) / 2
                ELSE 0.0 END AS start
            FROM secants WINDOW w AS (PARTITION BY day ORDER BY k))
        SELECT *, lead(start) OVER (PARTITION BY day ORDER BY k) AS next_start FROM starts;

        -- The limiter goes through the intervals from the shortest tenor, each step rescaling the
        -- tangents at both ends of its interval when (alpha, beta) lies outside the circle of radius 3;
        -- a step's row holds the tangent at its node as the step before left it.
        CREATE TABLE tangents AS
        WITH RECURSIVE steps(day, k, tangent) AS (
            SELECT day, k, start FROM nodes WHERE k = 0
            UNION ALL
            SELECT day, k + 1, CASE
                WHEN secant = 0 THEN 0.0
                WHEN alpha * alpha + beta * beta > 9 THEN 3 / sqrt(alpha * alpha + beta * beta) * beta * secant
                ELSE next_start END
            FROM (SELECT s.day, s.k, n.secant, n.next_start, s.tangent / n.secant AS alpha,
                      n.next_start / n.secant AS beta
                  FROM steps s JOIN nodes n ON n.day = s.day AND n.k = s.k
                  WHERE n.k < n.n - 1))
        SELECT day, k, n, x, y, CASE
            WHEN k = n - 1 THEN tangent
            WHEN secant = 0 THEN 0.0
            WHEN alpha * alpha + beta * beta > 9 THEN 3 / sqrt(alpha * alpha + beta * beta) * alpha * secant
            ELSE tangent END AS m
        FROM (SELECT n.*, s.tangent, s.tangent / n.secant AS alpha, n.next_start / n.secant AS beta
              FROM steps s JOIN nodes n ON n.day = s.day AND n.k = s.k);

        CREATE TABLE segments AS
        SELECT * FROM (
            SELECT day, k, n, x AS x0, lead(x) OVER w AS x1, y AS y0, lead(y) OVER w AS y1,
                m AS m0, lead(m) OVER w AS m1
            FROM tangents WINDOW w AS (PARTITION BY day ORDER BY k))
        WHERE k < n - 1;
        CREATE TABLE ends AS
        SELECT day, arg_min(x, k) AS x_first, arg_min(y, k) AS y_first, arg_max(x, k) AS x_last,
            arg_max(y, k) AS y_last
        FROM tangents GROUP BY day;

        -- Each bond on the curve of its issue: t is the years of 365 days from the curve's day to the
        -- priced date; the yield is on the last segment whose left node is before t, flat beyond the ends.
        CREATE TABLE spreads AS
        WITH dated AS (
            SELECT b.code, b.coupon_rate, b.issue_date, b.pricing_date, d.day
            FROM bonds b ASOF JOIN (SELECT day FROM ends) d ON b.issue_date >= d.day),
        priced AS (
            SELECT code, coupon_rate, day, (pricing_date - day) / 365.0 AS t
            FROM dated WHERE issue_date - day <= 10),
        located AS (
            SELECT p.*, s.x0, s.x1, s.y0, s.y1, s.m0, s.m1, e.x_first, e.y_first, e.x_last, e.y_last
            FROM priced p
            ASOF LEFT JOIN segments s ON s.day = p.day AND p.t > s.x0
            JOIN ends e ON e.day = p.day),
        curve AS (
            SELECT code, coupon_rate, t, x_first, y_first, x_last, y_last,
                x1 - x0 AS h, (t - x0) / h AS s, s * s AS s2, s * s * s AS s3,
                (2 * s3 - 3 * s2 + 1) * y0 + (s3 - 2 * s2 + s) * h * m0 + (-2 * s3 + 3 * s2) * y1
                    + (s3 - s2) * h * m1 AS hermite
            FROM located)
        SELECT code, (coupon_rate - 100 * CASE
            WHEN t <= x_first THEN y_first
            WHEN t >= x_last THEN y_last
            ELSE hermite END) * 100 AS issue_spread
        FROM curve;
    """)


def student_t975(degrees):
    """The 97.5 % quantile of Student's t: tabulated to 30 degrees of freedom,
    beyond by the Cornish–Fisher expansion about the normal quantile
    (Abramowitz & Stegun 26.7.5), as innobond computes it."""
    if degrees <= len(T975):
        return T975[degrees - 1]
    z, v = 1.959963984540054, float(degrees)
    z3 = z * z * z
    z5 = z3 * z * z
    z7 = z5 * z * z
    z9 = z7 * z * z
    t = z
    t += (z3 + z) / (4 * v)
    t += (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
    t += (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
    t += (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v * v * v * v)
    return t


def advantage(db):
    issue_spreads(db)
    db.execute("""
        CREATE TABLE rated AS
        SELECT code, sci_tech, rating, market, month_index, pricing_bucket, issue_date, pricing_years, coupon_rate
        FROM bonds WHERE rating IS NOT NULL;
        -- The rated conventional bonds by rating, market, issue month, priced-tenor bucket, issue date and
        -- priced tenor: within such a group only the first code can be matched.
        CREATE TABLE conventional AS
        SELECT rating, market, month_index, pricing_bucket, issue_date, pricing_years, min(code) AS code
        FROM rated WHERE NOT sci_tech
        GROUP BY rating, market, month_index, pricing_bucket, issue_date, pricing_years;

        -- Each rated sci-tech bond's distance in days to the nearest issue date of a conventional bond
        -- of its rating, market, issue month and priced-tenor bucket, on either side.
        CREATE TABLE nearest AS
        SELECT s.*, CAST(least(s.issue_date - before.issue_date, after.issue_date - s.issue_date) AS INTEGER) AS gap
        FROM (SELECT * FROM rated WHERE sci_tech) s
        ASOF LEFT JOIN conventional before
            ON before.rating = s.rating AND before.market = s.market AND before.month_index = s.month_index
            AND before.pricing_bucket = s.pricing_bucket AND s.issue_date >= before.issue_date
        ASOF LEFT JOIN conventional after
            ON after.rating = s.rating AND after.market = s.market AND after.month_index = s.month_index
            AND after.pricing_bucket = s.pricing_bucket AND s.issue_date <= after.issue_date;

        -- Among the conventional bonds issued that distance away, the nearest in priced tenor, then the
        -- first by code.
        CREATE TABLE pairs AS
        WITH candidates AS (
            SELECT *, issue_date - gap AS date_c FROM nearest WHERE gap IS NOT NULL
            UNION
            SELECT *, issue_date + gap AS date_c FROM nearest WHERE gap IS NOT NULL),
        chosen AS (
            SELECT s.code, arg_min(c.code, (abs(s.pricing_years - c.pricing_years), c.code)) AS code_c
            FROM candidates s JOIN conventional c
                ON c.rating = s.rating AND c.market = s.market AND c.month_index = s.month_index
                AND c.pricing_bucket = s.pricing_bucket AND c.issue_date = s.date_c
            GROUP BY s.code)
        SELECT s.code, s.coupon_rate, s.pricing_years, c.code AS code_c, c.coupon_rate AS coupon_rate_c,
            c.pricing_years AS pricing_years_c
        FROM chosen JOIN rated s ON s.code = chosen.code JOIN rated c ON c.code = chosen.code_c;
    """)

    db.execute("CREATE TABLE scope AS SELECT b.sci_tech, b.tenor_days, b.coupon_rate, s.issue_spread "
               "FROM bonds b LEFT JOIN spreads s USING (code)")

    def figures(sci_tech):
        source = "scope WHERE %s sci_tech" % ("" if sci_tech else "NOT")
        return {"bonds": db.execute("SELECT count(*) FROM %s" % source).fetchone()[0],
                "tenorYears": summary(db, source, "tenor_days / 365.25"),
                "couponPercent": summary(db, source, "coupon_rate"),
                "issueSpreadBp": summary(db, source, "issue_spread")}

    sci, conventional = figures(True), figures(False)
    difference = summary(db, "pairs", "(coupon_rate - coupon_rate_c) * 100")
    count = difference["count"] if difference else 0
    result = {"sciTech": sci, "conventional": conventional, "pairs": count, "unmatched": sci["bonds"] - count,
              "couponDifferenceBp": difference,
              "tenorDifferenceYears": summary(db, "pairs", "pricing_years - pricing_years_c"),
              "confidenceInterval95Bp": None}
    if count > 1:
        half = student_t975(count - 1) * difference["standardDeviation"] / math.sqrt(count)
        result["confidenceInterval95Bp"] = [difference["mean"] - half, difference["mean"] + half]
    interval = result["confidenceInterval95Bp"]
    if count < MINIMUM_PAIRS:
        result["conclusion"] = "too_few_pairs"
    elif interval[1] < 0:
        result["conclusion"] = "cheaper"
    elif interval[0] > 0:
        result["conclusion"] = "dearer"
    else:
        result["conclusion"] = "no_significant_difference"
    return result


def yearly(db, source, parameters=()):
    """Mean and count of growth points by calendar year."""
    rows = db.execute(f"SELECT year, avg(value_percent), count(*) FROM {source} GROUP BY year ORDER BY year",
                      parameters)
    return [{"year": year, "value": value, "count": count} for year, value, count in rows.fetchall()]


def monitor(db, end):
    db.execute("""
        -- The last published vintage of each series, period and definition, with the period's year, its
        -- last month and day, its order (year, last month, months before quarters) and the period a
        -- year earlier.
        CREATE TABLE vintages AS
        WITH latest AS (
            SELECT series, period, definition, value, yoy_pct FROM macro
            QUALIFY row_number() OVER (PARTITION BY series, period, definition ORDER BY published DESC) = 1),
        parsed AS (
            SELECT *, CAST(split_part(period, '-', 1) AS INTEGER) AS year, split_part(period, '-', 2) AS rest,
                rest LIKE 'Q%' AS quarterly,
                CASE WHEN quarterly THEN 3 * CAST(substr(rest, 2) AS INTEGER) ELSE CAST(rest AS INTEGER) END
                    AS last_month
            FROM latest)
        SELECT series, period, definition, value, yoy_pct, year,
            last_day(make_date(year, last_month, 1)) AS date,
            (year * 100 + last_month) * 2 + CAST(quarterly AS INTEGER) AS position,
            (year - 1) || '-' || rest AS year_earlier
        FROM parsed;

        -- Growth of each series and period: the published rate, else the definition's level over its own
        -- level a year earlier; a published rate first, then the definition that began latest, then the
        -- greater name.
        CREATE TABLE growth AS
        WITH candidates AS (
            SELECT v.series, v.period, v.definition, v.year, v.date, v.position,
                min(v.position) OVER (PARTITION BY v.series, v.definition) AS began,
                v.yoy_pct IS NOT NULL AS published,
                CASE WHEN v.yoy_pct IS NOT NULL THEN v.yoy_pct
                     WHEN e.value > 0 THEN (v.value / e.value - 1) * 100 END AS value_percent
            FROM vintages v LEFT JOIN vintages e
                ON e.series = v.series AND e.definition = v.definition AND e.period = v.year_earlier)
        SELECT series, period, definition, year, date, position, value_percent,
            CASE WHEN published THEN 'published' ELSE 'from_levels' END AS method
        FROM candidates WHERE value_percent IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY series, period ORDER BY published DESC, began DESC,
                                   definition DESC) = 1;

        CREATE TABLE gap AS
        SELECT m2.period, m2.year, m2.date, m2.position, m2.value_percent - m1.value_percent AS value_percent,
            m2.definition || ' − ' || m1.definition AS definition
        FROM growth m2 JOIN growth m1 ON m1.series = 'M1' AND m1.period = m2.period
        WHERE m2.series = 'M2';
    """)
    series = []
    for (name,) in db.execute("SELECT DISTINCT series FROM vintages ORDER BY series").fetchall():
        points = db.execute("SELECT period, value_percent, definition, method FROM growth "
                            "WHERE series = ? ORDER BY position", [name]).fetchall()
        series.append({"series": name,
                       "growth": [{"period": period, "valuePercent": value, "definition": definition,
                                   "method": method} for period, value, definition, method in points],
                       "yearlyGrowth": yearly(db, "growth WHERE series = ?", [name])})
    gap = db.execute("SELECT period, value_percent, definition FROM gap ORDER BY position").fetchall()
    result = {"series": series,
              "gap": [{"period": period, "valuePercent": value, "definition": definition}
                      for period, value, definition in gap],
              "yearlyGap": yearly(db, "gap")}

    rows = db.execute(f"""
        WITH calendar AS (
            -- The last full calendar year and the last full quarter ending by the end of the period; the
            -- trend window is the ten months to that quarter's end.
            SELECT CASE WHEN month(e) = 12 AND day(e) = 31 THEN year(e) ELSE year(e) - 1 END AS year,
                CAST(date_trunc('quarter', e + 1) AS DATE) - 1 AS quarter_end,
                CAST(date_trunc('quarter', quarter_end) AS DATE) AS quarter_start,
                CAST(date_trunc('month', quarter_end) - INTERVAL 9 MONTH AS DATE) AS window_start
            FROM (SELECT DATE '{end}' AS e)),
        indicators(position, indicator, kind) AS (VALUES
            (0, 'M2–M1 gap', 'gap'), (1, 'TSF growth', 'growth'), (2, 'Tech-sector loan growth', 'growth'),
            (3, 'AAA 5-year corporate yield', 'yield')),
        points AS (
            SELECT 0 AS position, date, value_percent AS value FROM gap
            UNION ALL SELECT 1, date, value_percent FROM growth WHERE series = 'TSF_stock'
            UNION ALL SELECT 2, date, value_percent FROM growth WHERE series = 'tech_loans'
            UNION ALL SELECT 3, date, yield FROM curves WHERE curve = 'AAA_corporate' AND tenor = '5Y'),
        averages AS (
            SELECT position,
                avg(value) FILTER (WHERE year(date) = c.year) AS year_value,
                count(*) FILTER (WHERE year(date) = c.year) AS year_count,
                avg(value) FILTER (WHERE date BETWEEN c.quarter_start AND c.quarter_end) AS quarter_value,
                count(*) FILTER (WHERE date BETWEEN c.quarter_start AND c.quarter_end) AS quarter_count
            FROM points, calendar c GROUP BY position),
        windowed AS (
            SELECT position, date - min(date) OVER (PARTITION BY position) AS x, value AS y
            FROM points, calendar c WHERE date BETWEEN c.window_start AND c.quarter_end),
        centred AS (
            SELECT position, x, y, x - avg(x) OVER (PARTITION BY position) AS dx,
                y - avg(y) OVER (PARTITION BY position) AS dy
            FROM windowed),
        trends AS (
            -- The least-squares line through the window's points, and its change from the first point's
            -- date to the last.
            SELECT position, sum(dx * dy) / sum(dx * dx) * max(x) AS change, avg(y) AS mean, count(*) AS points
            FROM centred GROUP BY position HAVING count(*) >= 3)
        SELECT i.indicator, a.year_value, a.year_count, a.quarter_value, a.quarter_count,
            t.change, t.mean, t.points, CASE i.kind
                WHEN 'gap' THEN CASE WHEN t.change > 0.5 THEN 'widening' WHEN t.change < -0.5 THEN 'narrowing'
                    WHEN abs(t.mean) <= 5 THEN 'narrow and stable' ELSE 'wide and stable' END
                WHEN 'growth' THEN CASE WHEN t.change > 0.3 THEN 'accelerating'
                    WHEN t.change < -0.3 THEN 'decelerating' ELSE 'stable' END
                ELSE CASE WHEN t.change * 100 > 5 THEN 'rising' WHEN t.change * 100 < -50 THEN 'sharp decline'
                    WHEN t.change * 100 < -5 THEN 'gradual decline' ELSE 'stable' END END AS trend_class
        FROM indicators i LEFT JOIN averages a USING (position) LEFT JOIN trends t USING (position)
        ORDER BY i.position""").fetchall()
    result["conditions"] = {"rows": [
        {"indicator": indicator,
         "yearAverage": {"value": year_value, "count": year_count} if year_count else None,
         "quarterAverage": {"value": quarter_value, "count": quarter_count} if quarter_count else None,
         "trend": {"change": change, "mean": mean, "points": points, "trendClass": trend_class}
         if points else None}
        for indicator, year_value, year_count, quarter_value, quarter_count, change, mean, points, trend_class
        in rows]}
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--from", dest="start", required=True)
    parser.add_argument("--to", dest="end", required=True)
    args = parser.parse_args()
    start, end = dt.date.fromisoformat(args.start), dt.date.fromisoformat(args.end)

    db = duckdb.connect()
    load(db, args.folder, start, end)
    result = {"issuance": issuance(db), "advantage": advantage(db)}
    result.update(monitor(db, end))
    print(json.dumps(result, sort_keys=True, ensure_ascii=False))


if __name__ == "__main__":
    main()
