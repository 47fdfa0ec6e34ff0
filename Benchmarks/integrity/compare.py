#!/usr/bin/env python3
"""Compares `innobond integrity --json` with integrity_duckdb.py's lines:
the same bonds, scores and findings (check, since), figures within 1e-9
(relative). Prints the counts and exits 1 on any difference.

    compare.py INNOBOND_JSON DUCKDB_CSV
"""
import json
import sys


def main():
    with open(sys.argv[1]) as f:
        report = json.load(f)
    ours = {}
    for bond in report["bonds"]:
        ours[(bond["code"], "score")] = (str(bond["score"]), None)
        for finding in bond["findings"]:
            ours[(bond["code"], finding["check"])] = (finding["since"], float(finding["figure"]))
    theirs = {}
    with open(sys.argv[2]) as f:
        for line in f:
            code, second, since, figure = line.rstrip("\n").split(",")
            if since == "":
                theirs[(code, "score")] = (second, None)
            else:
                theirs[(code, second)] = (since, float(figure))
    problems = [key for key in ours.keys() ^ theirs.keys()]
    worst = 0.0
    for key in ours.keys() & theirs.keys():
        (a_text, a_value), (b_text, b_value) = ours[key], theirs[key]
        if a_text != b_text:
            problems.append(key)
        elif a_value is not None:
            error = abs(a_value - b_value) / max(1.0, abs(b_value))
            worst = max(worst, error)
            if error > 1e-9:
                problems.append(key)
    findings = sum(1 for key in ours if key[1] != "score")
    print("bonds=%d findings=%d mismatches=%d max_rel_err=%.3g" % (
        len(report["bonds"]), findings, len(problems), worst))
    for key in sorted(problems)[:20]:
        print("  ", key, ours.get(key), theirs.get(key))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
