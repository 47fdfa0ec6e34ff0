#!/usr/bin/env python3
"""The integrity scores of docs/integrity.md, computed by DuckDB from the
registry's exported CSV files: the peer of `innobond integrity`.

    integrity_duckdb.py FOLDER AS_OF > scores.csv

FOLDER holds `innobond export KIND` of bonds, issuers, issuer_financials,
use_of_proceeds, allocations, unallocated_balances, use_changes and
eligibility_evidence. Prints one line per finding, `code,check,since,figure`,
and one per bond, `code,score,,`, sorted; the standard settings of
IntegritySettings (floor 70 %, dominance 50 %, parks cap 30 %, 12 months,
reports due 31 August and 30 April, tolerance 1,000,000 fen, weights below).
Money is read in yuan and worked in fen, as innobond stores it.
"""
import sys

import duckdb

WEIGHTS = {
    "allocated_below_floor": 20, "conventional_dominant": 15, "changed_to_conventional": 15,
    "evidence_not_valid": 10, "park_above_cap": 8, "unallocated_stale": 8, "report_overdue": 8,
    "research_intensity": 6, "sector_conventional": 5, "balance_unexplained": 5,
}
SCI = "('rd', 'capacity', 'mna', 'equity_investment', 'sci_tech_fund')"
TOLERANCE = 1_000_000


def main():
    folder, as_of = sys.argv[1], sys.argv[2]
    db = duckdb.connect()
    db.execute("SET threads TO 2")

    def load(name, types):
        db.execute(
            f"CREATE TABLE {name} AS SELECT * FROM read_csv('{folder}/{name}.csv', header = true, "
            f"columns = {types})")

    text, date, money = "'VARCHAR'", "'DATE'", "'DECIMAL(18,2)'"
    load("bonds", "{'code': %s, 'uscc': %s, 'name': %s, 'type': %s, 'sci_tech': 'BOOLEAN', 'regime': %s, "
         "'issue_date': %s, 'maturity_date': %s, 'amount_cny': %s, 'coupon_rate': 'DOUBLE', 'frequency': 'INTEGER', "
         "'day_count': %s, 'rating': %s, 'put_date': %s, 'coupon_reset_date': %s, 'approval_days': 'INTEGER'}"
         % (text, text, text, text, text, date, date, money, text, text, date, date))
    load("issuers", "{'uscc': %s, 'name': %s, 'name_en': %s, 'sector': %s, 'province': %s, 'ownership': %s, "
         "'listed_code': %s}" % ((text,) * 7))
    load("issuer_financials", "{'uscc': %s, 'year': 'INTEGER', 'revenue_cny': %s, 'rd_spend_cny': %s, "
         "'invention_patents': 'INTEGER'}" % (text, money, money))
    load("use_of_proceeds", "{'bond_code': %s, 'project': %s, 'category': %s, 'planned_cny': %s}"
         % (text, text, text, money))
    load("allocations", "{'bond_code': %s, 'entry': %s, 'report_date': %s, 'project': %s, 'category': %s, "
         "'amount_cny': %s, 'reverses': %s, 'source_title': %s, 'source_url': %s, 'source_filing': %s, "
         "'source_page': 'INTEGER'}" % (text, text, date, text, text, money, text, text, text, text))
    load("unallocated_balances", "{'bond_code': %s, 'report_date': %s, 'balance_cny': %s, 'deposits_cny': %s, "
         "'money_market_funds_cny': %s, 'bonds_cny': %s, 'other_cny': %s, 'source_title': %s, 'source_url': %s, "
         "'revision': 'INTEGER'}" % (text, date, money, money, money, money, money, text, text))
    load("use_changes", "{'bond_code': %s, 'change_id': %s, 'change_date': %s, 'from_project': %s, "
         "'from_category': %s, 'to_project': %s, 'to_category': %s, 'amount_cny': %s, 'resolution': %s, "
         "'resolution_date': %s, 'reason': %s, 'source_title': %s, 'source_url': %s}"
         % (text, text, date, text, text, text, text, money, text, date, text, text, text))
    load("eligibility_evidence", "{'uscc': %s, 'title': %s, 'certificate': %s, 'certifying_body': %s, "
         "'policy_basis': %s, 'issued_on': %s, 'expires_on': %s, 'source_title': %s, 'source_url': %s, "
         "'revision': 'INTEGER'}" % (text, text, text, text, text, date, date, text, text))

    a = f"DATE '{as_of}'"
    db.execute(f"""
        CREATE TABLE scored AS SELECT code, uscc, issue_date, maturity_date,
            CAST(round(amount_cny * 100) AS BIGINT) AS amount FROM bonds WHERE sci_tech AND issue_date <= {a};
        CREATE TABLE entries AS SELECT a.bond_code, a.report_date, a.category,
            CAST(round(a.amount_cny * 100) AS BIGINT) AS fen FROM allocations a
            JOIN scored s ON s.code = a.bond_code WHERE a.report_date <= {a};
        -- The cumulative allocation at each report date: totals, and the sci-tech, conventional and park parts.
        CREATE TABLE points AS SELECT bond_code, report_date,
            SUM(SUM(fen)) OVER w AS total,
            SUM(SUM(CASE WHEN category IN {SCI} THEN fen ELSE 0 END)) OVER w AS sci,
            SUM(SUM(CASE WHEN category IN ('refinancing', 'working_capital') THEN fen ELSE 0 END)) OVER w AS conv,
            SUM(SUM(CASE WHEN category = 'park_infrastructure' THEN fen ELSE 0 END)) OVER w AS park
            FROM entries GROUP BY bond_code, report_date
            WINDOW w AS (PARTITION BY bond_code ORDER BY report_date);
        CREATE TABLE last_points AS SELECT * FROM points
            QUALIFY row_number() OVER (PARTITION BY bond_code ORDER BY report_date DESC) = 1;
    """)

    def share_check(check, expression, holds):
        # Fires when `holds` at the last point; since: the first date after the last one where it did not.
        return f"""
            SELECT l.bond_code AS code, '{check}' AS "check",
                (SELECT min(p.report_date) FROM points p WHERE p.bond_code = l.bond_code AND p.report_date >
                    coalesce((SELECT max(q.report_date) FROM points q WHERE q.bond_code = l.bond_code
                        AND NOT (q.total > 0 AND {holds.replace('x.', 'q.')})), DATE '0001-01-01')) AS since,
                ({expression.replace('x.', 'l.')}) * 100 AS figure
            FROM last_points l WHERE l.total > 0 AND {holds.replace('x.', 'l.')}"""

    queries = [
        share_check("allocated_below_floor", "x.sci::DOUBLE / x.total", "x.sci::DOUBLE / x.total < 0.70"),
        share_check("conventional_dominant", "x.conv::DOUBLE / x.total", "x.conv::DOUBLE / x.total > 0.50"),
        share_check("park_above_cap", "x.park::DOUBLE / x.total", "x.park::DOUBLE / x.total > 0.30"),
        f"""SELECT s.code, 'changed_to_conventional', min(c.change_date), SUM(c.amount_cny)::DOUBLE
            FROM scored s JOIN use_changes c ON c.bond_code = s.code
            WHERE c.change_date <= {a} AND c.from_category IN {SCI} AND c.to_category NOT IN {SCI}
            GROUP BY s.code""",
        f"""SELECT s.code, 'evidence_not_valid', s.issue_date,
                (SELECT count(*) FROM eligibility_evidence e WHERE e.uscc = s.uscc AND e.issued_on <= {a}
                    AND e.expires_on < s.issue_date)::DOUBLE
            FROM scored s WHERE NOT EXISTS (SELECT 1 FROM eligibility_evidence e WHERE e.uscc = s.uscc
                AND e.issued_on <= {a} AND e.issued_on <= s.issue_date
                AND (e.expires_on IS NULL OR s.issue_date <= e.expires_on))""",
        f"""WITH left_ AS (SELECT s.code, s.issue_date, s.amount,
                greatest(0, least(s.amount, coalesce((SELECT SUM(CAST(round(u.planned_cny * 100) AS BIGINT))
                    FROM use_of_proceeds u WHERE u.bond_code = s.code), 0))
                    - coalesce((SELECT l.total FROM last_points l WHERE l.bond_code = s.code), 0)) AS fen
                FROM scored s)
            SELECT code, 'unallocated_stale', CAST(issue_date + INTERVAL 12 MONTH AS DATE), fen / 100.0
            FROM left_ WHERE CAST(issue_date + INTERVAL 12 MONTH AS DATE) <= {a} AND fen > {TOLERANCE}""",
        f"""WITH periods AS (
                SELECT s.code, s.amount, p.period, p.due FROM scored s,
                LATERAL (SELECT make_date(y, 6, 30) AS period, make_date(y, 8, 31) AS due
                         FROM range(year(s.issue_date), year({a}) + 1) t(y)
                         UNION ALL SELECT make_date(y, 12, 31), make_date(y + 1, 4, 30)
                         FROM range(year(s.issue_date), year({a}) + 1) t(y)) p
                WHERE p.period >= s.issue_date AND p.period < s.maturity_date AND p.due < {a}),
            missing AS (SELECT p.* FROM periods p
                WHERE p.amount - coalesce((SELECT SUM(e.fen) FROM entries e WHERE e.bond_code = p.code
                    AND e.report_date <= p.period - 1), 0) > {TOLERANCE}
                AND NOT EXISTS (SELECT 1 FROM entries e WHERE e.bond_code = p.code
                    AND e.report_date BETWEEN p.period AND p.due)
                AND NOT EXISTS (SELECT 1 FROM unallocated_balances b WHERE b.bond_code = p.code
                    AND b.report_date <= {a} AND b.report_date BETWEEN p.period AND p.due))
            SELECT code, 'report_overdue', min(due) + 1, count(*)::DOUBLE FROM missing GROUP BY code""",
        f"""WITH before AS (SELECT s.code, s.issue_date, f.year, f.revenue_cny, f.rd_spend_cny, f.invention_patents,
                    row_number() OVER (PARTITION BY s.code ORDER BY f.year DESC) AS n
                FROM scored s JOIN issuer_financials f ON f.uscc = s.uscc WHERE f.year < year(s.issue_date)),
            three AS (SELECT code, issue_date, SUM(CAST(round(revenue_cny * 100) AS BIGINT)) AS revenue,
                    SUM(CAST(round(rd_spend_cny * 100) AS BIGINT)) AS research,
                    max(CASE WHEN n = 1 THEN coalesce(invention_patents, 0) END) AS patents,
                    max(CASE WHEN n = 1 THEN year END) AS last_year,
                    max(CASE WHEN n = 1 AND revenue_cny > 0 THEN CAST(round(rd_spend_cny * 100) AS BIGINT)::DOUBLE
                        / CAST(round(revenue_cny * 100) AS BIGINT) END) AS last_share
                FROM before WHERE n <= 3 GROUP BY code, issue_date),
            weak AS (SELECT code, issue_date,
                    CASE WHEN revenue > 0 THEN research::DOUBLE / revenue ELSE 0 END AS intensity,
                    research, patents, last_share FROM three),
            latest AS (SELECT s.code, f.year, CASE WHEN f.revenue_cny > 0 THEN
                    CAST(round(f.rd_spend_cny * 100) AS BIGINT)::DOUBLE / CAST(round(f.revenue_cny * 100) AS BIGINT)
                    END AS share
                FROM scored s JOIN issuer_financials f ON f.uscc = s.uscc
                WHERE f.year >= year(s.issue_date) AND f.year <= year({a}) - 1
                QUALIFY row_number() OVER (PARTITION BY s.code ORDER BY f.year DESC) = 1)
            SELECT w.code, 'research_intensity',
                CASE WHEN w.intensity < 0.05 AND w.research < 6000000000 AND w.patents < 30 THEN w.issue_date
                     ELSE make_date(l.year, 12, 31) END,
                CASE WHEN w.intensity < 0.05 AND w.research < 6000000000 AND w.patents < 30 THEN w.intensity * 100
                     ELSE l.share * 100 END
            FROM weak w LEFT JOIN latest l ON l.code = w.code
            WHERE (w.intensity < 0.05 AND w.research < 6000000000 AND w.patents < 30)
               OR (w.last_share IS NOT NULL AND l.share IS NOT NULL AND w.last_share - l.share > 0.01)""",
        f"""SELECT s.code, 'sector_conventional', s.issue_date, 1.0 FROM scored s
            JOIN issuers i ON i.uscc = s.uscc WHERE i.sector = 'other'""",
        f"""WITH off AS (SELECT s.code, b.report_date,
                abs(CAST(round(b.balance_cny * 100) AS BIGINT) - (s.amount - coalesce((SELECT SUM(e.fen)
                    FROM entries e WHERE e.bond_code = s.code AND e.report_date <= b.report_date), 0))) AS gap
                FROM scored s JOIN unallocated_balances b ON b.bond_code = s.code WHERE b.report_date <= {a})
            SELECT code, 'balance_unexplained', min(report_date), arg_min(gap, report_date) / 100.0
            FROM off WHERE gap > {TOLERANCE} GROUP BY code""",
    ]
    findings = db.execute(" UNION ALL ".join(f"SELECT * FROM ({q})" for q in queries)).fetchall()
    lines = []
    scores = {code: 0 for (code,) in db.execute("SELECT code FROM scored").fetchall()}
    for code, check, since, figure in findings:
        scores[code] += WEIGHTS[check]
        lines.append("%s,%s,%s,%r" % (code, check, since, float(figure)))
    lines += ["%s,%d,," % (code, min(100, score)) for code, score in scores.items()]
    sys.stdout.write("\n".join(sorted(lines)) + "\n")


if __name__ == "__main__":
    main()
