"""Scores listing categorisation against labelled agency-style listings:
`python -m nlu.evaluate_listings [file.jsonl ...] [--failures]`.

Each line is {"title", "organisation", "description" (HTML), "place", "categories", "time", "little_german",
"remote"}. Prints precision, recall and F1 over (listing, category) pairs, overall and per category, the share of
listings with exactly the labelled categories, and the time categorisation takes per listing.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlu.api import categorize
from nlu.api import load as load_pipelines
from nlu.evaluate import LABELLED, Counts, load
from nlu.kernel.taxonomy import category_keys

# The listing development sets, one per independent author; the blind sets are scored only by name.
DEV_SETS = tuple(
    LABELLED / f"listings_{name}.jsonl"
    for name in ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                 "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19")
)


@dataclass
class ListingScores:
    """Overall and per-category counts, exact matches and timing."""

    listings: int = 0
    exact: int = 0
    overall: Counts = field(default_factory=Counts)
    by_category: dict[str, Counts] = field(default_factory=lambda: {key: Counts() for key in category_keys()})
    seconds: float = 0.0
    failures: list[tuple[str, list[str], list[str]]] = field(default_factory=list)

    @property
    def ms_per_listing(self) -> float:
        return 1000 * self.seconds / self.listings if self.listings else 0.0


def evaluate_listings(rows: list[dict[str, Any]]) -> ListingScores:
    """Categorises every labelled listing (title and description, as the import does) and counts."""
    load_pipelines()
    scores = ListingScores()
    for row in rows:
        started = time.perf_counter()
        got = set(categorize(row.get("title") or "", row.get("description") or "").categories)
        scores.seconds += time.perf_counter() - started
        wanted = set(row.get("categories") or [])
        scores.listings += 1
        scores.exact += got == wanted
        for counts, tp, fp, fn in [(scores.overall, len(got & wanted), len(got - wanted), len(wanted - got))]:
            counts.tp, counts.fp, counts.fn = counts.tp + tp, counts.fp + fp, counts.fn + fn
        for key in got | wanted:
            counts = scores.by_category.setdefault(key, Counts())
            counts.tp += key in got and key in wanted
            counts.fp += key in got and key not in wanted
            counts.fn += key in wanted and key not in got
        if got != wanted:
            scores.failures.append((row.get("title") or "", sorted(got), sorted(wanted)))
    return scores


def report(scores: ListingScores) -> str:
    """Formats the figures for a terminal."""
    o = scores.overall
    lines = [
        f"listings             {scores.listings}",
        f"category precision   {o.precision:.3f}",
        f"category recall      {o.recall:.3f}",
        f"category F1          {o.f1:.3f}",
        f"categories exact     {scores.exact / scores.listings if scores.listings else 1.0:.3f}",
        f"ms per listing       {scores.ms_per_listing:.2f}",
        "per category         precision recall  (labelled, assigned)",
    ]
    for key, c in scores.by_category.items():
        if c.tp + c.fp + c.fn:
            lines.append(f"  {key:<22} {c.precision:.3f}     {c.recall:.3f}   ({c.tp + c.fn}, {c.tp + c.fp})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Runs the scorer from the command line."""
    parser = argparse.ArgumentParser(prog="python -m nlu.evaluate_listings", description=__doc__.splitlines()[0])
    parser.add_argument(
        "files", nargs="*", type=Path, help="labelled listing JSONL files (default: the listing dev sets)"
    )
    parser.add_argument("--failures", action="store_true", help="list the listings with wrong categories")
    args = parser.parse_args(argv)
    if args.failures and any("blind" in path.name for path in args.files):
        parser.error("the blind sets are scored only; their failures are never listed (see tests/nlu/data/README.md)")
    for number, path in enumerate(args.files or DEV_SETS):
        if number:
            print()
        print(f"== {path.name}")
        scores = evaluate_listings(load(path))
        print(report(scores))
        if args.failures:
            for title, got, wanted in scores.failures:
                print(f"\n- {title}\n  got:    {', '.join(got)}\n  wanted: {', '.join(wanted)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
