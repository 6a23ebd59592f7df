"""`python -m tests.nlu.place_families [--failures N] [--rules-only] [family ...]`: the score of every family."""

from __future__ import annotations

import argparse
import sys

from tests.nlu.place_families import FAMILIES, score


def main(argv: list[str] | None = None) -> int:
    from nlu.api import parse, parse_with_rules

    parser = argparse.ArgumentParser(prog="python -m tests.nlu.place_families")
    parser.add_argument("--failures", type=int, default=0, help="list this many failures per family")
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("families", nargs="*", default=list(FAMILIES))
    args = parser.parse_args(argv)
    cases = [case for name in args.families for case in FAMILIES[name]()]
    results = score(cases, parse_with_rules if args.rules_only else parse)
    for family, (right, total, failures) in results.items():
        print(f"{family:55} {right:5}/{total:<5} {right / total:.3f}")
        for text, found in failures[: args.failures]:
            print(f"    {text!r} -> {found}")
    right = sum(r for r, _, _ in results.values())
    total = sum(t for _, t, _ in results.values())
    print(f"{'all':55} {right:5}/{total:<5} {right / total:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
