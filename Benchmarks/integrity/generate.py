#!/usr/bin/env python3
"""The use-of-proceeds ledger of a benchmark registry, for `innobond integrity`.

    generate.py FOLDER [--allocations N]

Reads FOLDER/issuers.csv and FOLDER/bonds.csv (Benchmarks/insights/generate.py)
and writes, beside them, in the registry's import formats:

FOLDER/issuer_financials.csv: 2022-2025 for every issuer; a tenth with weak
    R&D, a tenth falling after 2024.
FOLDER/use_of_proceeds.csv: one to four committed uses per sci-tech bond.
FOLDER/allocations.csv: about N entries (default 1,000,000) over the
    sci-tech bonds' half-years to 2026-11-20, within each planned use; 2 % of
    entries later reversed and restated.
FOLDER/unallocated_balances.csv: a balance at each reported half-year.
FOLDER/use_changes.csv: changes of use, some away from sci-tech uses.
FOLDER/eligibility_evidence.csv: a title per issuer, some expired.

Issuers behave cleanly, slowly (reports stop), book research as refinancing,
change uses, or hold an expired title, so that every check fires somewhere.
Deterministic (seed 20261206).
"""
import argparse
import csv
import datetime
import os
import random

END = datetime.date(2026, 11, 20)
SCI = ["rd", "capacity", "mna", "equity_investment", "sci_tech_fund"]
CONVENTIONAL = ["park_infrastructure", "refinancing", "working_capital"]


def periods(issue, maturity):
    dates = []
    for year in range(issue.year, END.year + 1):
        for date in (datetime.date(year, 6, 30), datetime.date(year, 12, 31)):
            if issue < date <= END and date < maturity:
                dates.append(date)
    return dates


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--allocations", type=int, default=1_000_000)
    args = parser.parse_args()
    rng = random.Random(20261206)
    folder = args.folder
    with open(os.path.join(folder, "issuers.csv")) as f:
        issuers = [row["uscc"] for row in csv.DictReader(f)]
    with open(os.path.join(folder, "bonds.csv")) as f:
        bonds = [row for row in csv.DictReader(f) if row["sci_tech"] == "true"]
    behaviour = {u: rng.choices(["clean", "slow", "disguised", "changed", "expired"], [70, 10, 8, 6, 6])[0]
                 for u in issuers}

    with open(os.path.join(folder, "issuer_financials.csv"), "w") as out:
        out.write("uscc,year,revenue_cny,rd_spend_cny,invention_patents\n")
        for u in issuers:
            kind = rng.choices(["strong", "weak", "falling"], [80, 10, 10])[0]
            revenue = rng.randint(5, 500) * 10_000_000
            for year in (2022, 2023, 2024, 2025):
                share = {"strong": 0.08, "weak": 0.01, "falling": 0.09 if year < 2025 else 0.03}[kind]
                patents = 5 if kind == "weak" else 60
                out.write("%s,%d,%d,%d,%d\n" % (u, year, revenue, int(revenue * share), patents))

    with open(os.path.join(folder, "eligibility_evidence.csv"), "w") as out:
        out.write("uscc,title,certificate,certifying_body,policy_basis,issued_on,expires_on,source_title\n")
        for u in issuers:
            if behaviour[u] == "expired":
                out.write("%s,high_tech_enterprise,,benchmark authority,国科发火〔2016〕32号,2020-01-01,2022-12-31,"
                          "prospectus\n" % u)
            else:
                for start in (2021, 2024):
                    out.write("%s,high_tech_enterprise,,benchmark authority,国科发火〔2016〕32号,%d-01-01,%d-12-31,"
                              "prospectus\n" % (u, start, start + 2))

    # Entries per bond and report, so that the total comes near N.
    reports = sum(len(periods(datetime.date.fromisoformat(b["issue_date"]),
                              datetime.date.fromisoformat(b["maturity_date"]))) for b in bonds)
    per_report = args.allocations / max(1, reports) / 1.83
    uses_out = open(os.path.join(folder, "use_of_proceeds.csv"), "w")
    uses_out.write("bond_code,project,category,planned_cny\n")
    alloc_out = open(os.path.join(folder, "allocations.csv"), "w")
    alloc_out.write("bond_code,entry,report_date,project,category,amount_cny,reverses,source_title\n")
    bal_out = open(os.path.join(folder, "unallocated_balances.csv"), "w")
    bal_out.write("bond_code,report_date,balance_cny,deposits_cny,source_title\n")
    chg_out = open(os.path.join(folder, "use_changes.csv"), "w")
    chg_out.write("bond_code,change_id,change_date,from_project,from_category,to_project,to_category,amount_cny,"
                  "resolution,resolution_date,reason,source_title\n")
    for bond in bonds:
        code, amount = bond["code"], int(bond["amount_cny"])
        issue = datetime.date.fromisoformat(bond["issue_date"])
        maturity = datetime.date.fromisoformat(bond["maturity_date"])
        kind = behaviour[bond["uscc"]]
        count = rng.randint(1, 4)
        weights = [rng.uniform(0.5, 1.5) for _ in range(count)]
        committed = rng.uniform(0.85, 1.0)
        uses = []
        for index, weight in enumerate(weights):
            category = rng.choices(SCI + CONVENTIONAL, [30, 22, 6, 10, 8, 6, 10, 8])[0]
            planned = int(amount * committed * weight / sum(weights)) // 100 * 100
            if planned > 0:
                uses.append(("P%d" % (index + 1), category, planned))
                uses_out.write("%s,P%d,%s,%d\n" % (code, index + 1, category, planned))
        dates = periods(issue, maturity)
        if not uses or not dates:
            continue
        spent = rng.uniform(0.25, 0.5) if kind == "slow" else 1.0
        reported = dates[:1] if kind == "slow" else dates[:rng.randint(1, min(4, len(dates)))]
        allocated = 0
        entry = 0
        for number, date in enumerate(reported):
            for project, category, planned in uses:
                target = int(planned * spent) // 100 * 100
                share = target // len(reported)
                amount_here = target - share * (len(reported) - 1) if number == len(reported) - 1 else share
                if amount_here <= 0:
                    continue
                # Pieces per use and report: per_report on average.
                count = max(1, int(per_report) + (1 if rng.random() < per_report % 1 else 0))
                pieces = [amount_here // count] * (count - 1)
                pieces.append(amount_here - sum(pieces))
                for piece in pieces:
                    if piece <= 0:
                        continue
                    entry += 1
                    booked = category
                    if kind == "disguised" and category in SCI and rng.random() < 0.7:
                        booked = rng.choice(["refinancing", "working_capital"])
                    alloc_out.write("%s,E%d,%s,%s,%s,%d,,report\n" % (code, entry, date, project, booked, piece))
                    # A correction: the entry reversed and restated at the next report.
                    if rng.random() < 0.02 and number + 1 < len(dates):
                        later = dates[number + 1]
                        alloc_out.write("%s,E%dR,%s,%s,%s,-%d,E%d,correction\n" % (
                            code, entry, later, project, booked, piece, entry))
                        alloc_out.write("%s,E%dS,%s,%s,%s,%d,,correction\n" % (
                            code, entry, later, project, category, piece))
                    allocated += piece
            bal_out.write("%s,%s,%d,%d,report\n" % (code, date, amount - allocated, amount - allocated))
        if kind == "changed" and len(dates) >= 2:
            project, category, planned = uses[0]
            if category in SCI:
                approved = rng.random() < 0.5
                change_date = dates[0] + datetime.timedelta(days=rng.randint(20, 120))
                if change_date <= END and change_date < maturity:
                    chg_out.write("%s,C1,%s,%s,%s,,working_capital,%d,%s,%s,,announcement\n" % (
                        code, change_date, project, category, max(100, planned // 4 // 100 * 100),
                        "R1" if approved else "", change_date - datetime.timedelta(days=5) if approved else ""))
    for out in (uses_out, alloc_out, bal_out, chg_out):
        out.close()


if __name__ == "__main__":
    main()
