#!/usr/bin/env python3
"""Compares innobond's insights JSON with a peer's (insights_pandas.py,
insights_duckdb.py): every figure the peer computes must be in innobond's
output at the same place, numbers within 1e-9 (relative or absolute), texts
and counts equal. The peers write camelCase keys; innobond writes them in
snake_case, so a peer's key is looked up as written, then in snake_case.

    compare.py INNOBOND_JSON PEER_JSON

Prints the number of figures compared and each difference; exits 1 on any.
"""
import json
import re
import sys


def snake_case(key):
    """A camelCase key as innobond's JSON writes it: confidenceInterval95Bp
    as confidence_interval95_bp."""
    key = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", key)
    key = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", key)
    return key.lower()


def walk(path, mine, theirs, problems, counter):
    if isinstance(theirs, dict):
        if not isinstance(mine, dict):
            problems.append("%s: innobond has %r" % (path, mine))
            return
        for key, value in theirs.items():
            if key not in mine:
                key = snake_case(key)
            if key not in mine and value is None:
                counter[0] += 1
                continue
            if key not in mine:
                problems.append("%s.%s: missing in innobond" % (path, key))
                continue
            walk("%s.%s" % (path, key), mine[key], value, problems, counter)
    elif isinstance(theirs, list):
        if not isinstance(mine, list) or len(mine) != len(theirs):
            problems.append("%s: %s items in innobond, %d in the peer" % (
                path, len(mine) if isinstance(mine, list) else "no", len(theirs)))
            return
        for index, (a, b) in enumerate(zip(mine, theirs)):
            walk("%s[%d]" % (path, index), a, b, problems, counter)
    elif isinstance(theirs, float) or isinstance(mine, float):
        counter[0] += 1
        if mine is None or abs(mine - theirs) > 1e-9 * max(1.0, abs(theirs)):
            problems.append("%s: innobond %r, peer %r" % (path, mine, theirs))
    else:
        counter[0] += 1
        if mine != theirs:
            problems.append("%s: innobond %r, peer %r" % (path, mine, theirs))


def main():
    mine = json.load(open(sys.argv[1]))
    theirs = json.load(open(sys.argv[2]))
    problems, counter = [], [0]
    walk("", mine, theirs, problems, counter)
    print("%d figures compared, %d differ" % (counter[0], len(problems)))
    for problem in problems[:40]:
        print("  " + problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
