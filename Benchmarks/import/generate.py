#!/usr/bin/env python3
"""Generate registry files for the import benchmark, deterministic for a seed.

    generate.py ROWS OUTPUT_FOLDER [--seed S]

Writes OUTPUT_FOLDER/issuers.csv (10,000 issuers with valid unified social
credit codes) and OUTPUT_FOLDER/bonds.csv (ROWS bonds of those issuers, every
column of the bonds format filled as a real file would have it: a third
sci-tech with a regime, a fifth with put and reset dates).
"""
import argparse
import datetime as dt
import os
import random

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
SECTORS = ["semiconductors", "ai_software", "advanced_manufacturing", "nev_batteries", "quantum_communications",
           "biotech_health", "aerospace", "new_materials", "new_energy", "financial", "pe_vc", "other"]
PROVINCES = ["Beijing", "Shanghai", "Guangdong", "Jiangsu", "Zhejiang", "Shandong", "Sichuan", "Hubei"]
OWNERSHIP = ["central_soe", "local_soe", "private", "mixed", "foreign"]
TYPES = ["corporate_bond", "enterprise_bond", "mtn", "commercial_paper", "financial_bond", "abs"]
# The regimes of interbank (.IB) bonds.
REGIMES = ["nafmii_note", "tech_board_2025"]
DAY_COUNTS = ["ACT/ACT-ICMA", "ACT/365F", "ACT/360", "30/360", "NL/365"]
RATINGS = ["AAA", "AA+", "AA", "AA-"]


def uscc(rng):
    body = "91" + rng.choice(["110000", "310000", "440300", "320000", "330000"]) + "MA" + "".join(
        rng.choice(ALPHABET) for _ in range(7))
    total = sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS))
    return body + ALPHABET[(31 - total % 31) % 31]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int)
    parser.add_argument("folder")
    parser.add_argument("--seed", type=int, default=20251122)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.folder, exist_ok=True)
    codes = []
    seen = set()
    with open(os.path.join(args.folder, "issuers.csv"), "w") as out:
        out.write("uscc,name,name_en,sector,province,ownership,listed_code\n")
        while len(codes) < 10000:
            code = uscc(rng)
            if code in seen:
                continue
            seen.add(code)
            codes.append(code)
            out.write("%s,基准测试发行人%05d,Benchmark Issuer %05d,%s,%s,%s,\n" % (
                code, len(codes), len(codes), rng.choice(SECTORS), rng.choice(PROVINCES), rng.choice(OWNERSHIP)))
    start = dt.date(2015, 1, 1)
    with open(os.path.join(args.folder, "bonds.csv"), "w") as out:
        out.write("code,uscc,name,type,sci_tech,regime,issue_date,maturity_date,amount_cny,coupon_rate,frequency,"
                  "day_count,rating,put_date,coupon_reset_date,approval_days\n")
        lines = []
        for row in range(args.rows):
            issue = start + dt.timedelta(days=rng.randint(0, 4000))
            years = rng.choice([1, 2, 3, 5, 5, 7, 10])
            maturity = issue.replace(year=issue.year + years) if not (issue.month == 2 and issue.day == 29) \
                else issue + dt.timedelta(days=365 * years)
            sci_tech = rng.random() < 0.33
            put = ""
            if years == 5 and rng.random() < 0.4:
                put = issue.replace(year=issue.year + 3).isoformat() if not (issue.month == 2 and issue.day == 29) \
                    else (issue + dt.timedelta(days=1096)).isoformat()
            lines.append("1%08d.IB,%s,基准债%07d,%s,%s,%s,%s,%s,%d.%02d,%.2f,%d,%s,%s,%s,%s,%d\n" % (
                row, rng.choice(codes), row, rng.choice(TYPES), "true" if sci_tech else "false",
                rng.choice(REGIMES) if sci_tech else "", issue.isoformat(), maturity.isoformat(),
                rng.randint(100, 30000) * 1000000, rng.randint(0, 99), rng.uniform(1.2, 6.5), rng.choice([1, 2, 4]),
                rng.choice(DAY_COUNTS), rng.choice(RATINGS), put, put, rng.randint(3, 60)))
            if len(lines) >= 10000:
                out.write("".join(lines))
                lines = []
        out.write("".join(lines))


if __name__ == "__main__":
    main()
