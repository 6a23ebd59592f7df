"""Scores the NLU against labelled message sets: `python -m nlu.evaluate [file.jsonl ...] [--failures] [--rules-only]`.

Without a file it scores the development set and every held-out set in tests/nlu/data/, one after another.

Each line of the file is {"text", "lang", "categories", "exclude_categories", "place": null or {"name", "lat",
"lon"}, "ambiguous", "radius_km", "time", "languages", "remote"[, "little_german"]}. Prints category
precision/recall/F1, place accuracy (within 10 km), time, languages, remote, radius, language and "all slots right".
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlu.api import parse, parse_with_rules
from nlu.blind_sets import any_blind
from nlu.kernel.gazetteer import haversine_km
from nlu.query import ParsedQuery

LABELLED = Path(__file__).resolve().parent.parent / "tests" / "nlu" / "data"
DEFAULT_SET = LABELLED / "messages.jsonl"  # the development set the targets are asserted on
# Sets written later, each by someone who had not seen the rules when writing it (see the README there).
HELD_OUT_SETS = (
    *(LABELLED / f"{name}.jsonl" for name in ("dev_messages", "heldout_b", "heldout_c", "heldout_d")),
    # every independent author's development half, in the order they came (natural_dev, natural_dev2, ...)
    *sorted(LABELLED.glob("natural_dev*.jsonl"), key=lambda path: int(path.stem.removeprefix("natural_dev") or 1)),
)
# natural_blind.jsonl is never scored by default and its failures are never listed: name it explicitly, scores only.
PLACE_TOLERANCE_KM = 10.0
SLOTS = (
    "categories", "exclude", "place", "ambiguous", "radius", "time", "languages", "remote", "lang", "little_german",
)


@dataclass
class Counts:
    """True positives, false positives and false negatives of categories, and the figures derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Category precision over (item, category) pairs."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Category recall over (item, category) pairs."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Category F1."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores(Counts):
    """Counts per slot and the derived figures."""

    messages: int = 0
    right: dict[str, int] = field(default_factory=lambda: {slot: 0 for slot in SLOTS})
    all_right: int = 0
    failures: list[tuple[str, list[str], dict[str, Any]]] = field(default_factory=list)

    def accuracy(self, slot: str) -> float:
        """Share of messages with this slot right."""
        return self.right[slot] / self.messages if self.messages else 1.0

    @property
    def all_slots(self) -> float:
        """Share of messages with every slot right."""
        return self.all_right / self.messages if self.messages else 1.0


def load(path: Path) -> list[dict[str, Any]]:
    """Reads a labelled JSONL file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def check(expected: dict[str, Any], got: ParsedQuery) -> dict[str, bool]:
    """Returns, slot by slot, whether the parse matches the label."""
    place = expected.get("place")
    if place is None:
        place_ok = got.place is None
    else:
        place_ok = (got.place is not None
                    and haversine_km(place["lat"], place["lon"], got.place.lat, got.place.lon) <= PLACE_TOLERANCE_KM)
    radius = expected.get("radius_km")
    radius_ok = ((got.radius_km is None) if radius is None
                 else (got.radius_km is not None and abs(got.radius_km - radius) <= 0.5))
    return {
        "categories": set(got.categories) == set(expected.get("categories", [])),
        "exclude": set(got.exclude_categories) == set(expected.get("exclude_categories", [])),
        "place": place_ok,
        "ambiguous": bool(got.place_candidates) == bool(expected.get("ambiguous", False)),
        "radius": radius_ok,
        "time": set(got.time) == set(expected.get("time", [])),
        "languages": set(got.languages) == set(expected.get("languages", [])),
        "remote": got.remote == bool(expected.get("remote", False)),
        "lang": got.lang == expected.get("lang", "de"),
        "little_german": got.needs_little_german == bool(expected.get("little_german", False)),
    }


def evaluate(rows: Iterable[dict[str, Any]], *, rules_only: bool = False) -> Scores:
    """Parses every labelled message and counts what is right (`rules_only`: without the trained component)."""
    read = parse_with_rules if rules_only else parse
    scores = Scores()
    for row in rows:
        got = read(row["text"])
        wanted, found = set(row.get("categories", [])), set(got.categories)
        scores.messages += 1
        scores.tp += len(wanted & found)
        scores.fp += len(found - wanted)
        scores.fn += len(wanted - found)
        result = check(row, got)
        for slot, ok in result.items():
            scores.right[slot] += ok
        if all(result.values()):
            scores.all_right += 1
        else:
            scores.failures.append((row["text"], [s for s, ok in result.items() if not ok], got.to_dict()))
    return scores


def report(scores: Scores) -> str:
    """Formats the figures for a terminal."""
    lines = [
        f"messages             {scores.messages}",
        f"category precision   {scores.precision:.3f}",
        f"category recall      {scores.recall:.3f}",
        f"category F1          {scores.f1:.3f}",
        f"categories exact     {scores.accuracy('categories'):.3f}",
        f"exclusions exact     {scores.accuracy('exclude'):.3f}",
        f"place (<= 10 km)     {scores.accuracy('place'):.3f}",
        f"ambiguity flag       {scores.accuracy('ambiguous'):.3f}",
        f"radius               {scores.accuracy('radius'):.3f}",
        f"time                 {scores.accuracy('time'):.3f}",
        f"languages            {scores.accuracy('languages'):.3f}",
        f"remote               {scores.accuracy('remote'):.3f}",
        f"message language     {scores.accuracy('lang'):.3f}",
        f"little German        {scores.accuracy('little_german'):.3f}",
        f"all slots right      {scores.all_slots:.3f}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Runs the scorer from the command line."""
    parser = argparse.ArgumentParser(prog="python -m nlu.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument(
        "files", nargs="*", type=Path, help="labelled JSONL files (default: the development set and every held-out set)"
    )
    parser.add_argument("--failures", action="store_true", help="list the messages with a wrong slot")
    parser.add_argument(
        "--rules-only", action="store_true",
        help="leave the trained component out (the figures tests/nlu/test_natural_quality.py guards)",
    )
    args = parser.parse_args(argv)
    files = args.files or [DEFAULT_SET, *(path for path in HELD_OUT_SETS if path.exists())]
    if args.failures and any_blind(files):
        parser.error("the blind sets are scored only; their failures are never listed (see tests/nlu/data/README.md)")
    for number, path in enumerate(files):
        if number:
            print()
        if len(files) > 1:
            print(f"== {path.name}")
        scores = evaluate(load(path), rules_only=args.rules_only)
        print(report(scores))
        if args.failures:
            print_failures(scores)
    return 0


def print_failures(scores: Scores) -> None:
    """Lists the messages with a wrong slot and what the NLU made of them."""
    for text, slots, got in scores.failures:
        shown = {k: v for k, v in got.items() if k not in ("text", "keywords", "place_candidates")}
        if got.get("place"):
            shown["place"] = got["place"]["name"]
        print(f"\n- {text}\n  wrong: {', '.join(slots)}\n  got:   {json.dumps(shown, ensure_ascii=False)}")


if __name__ == "__main__":
    sys.exit(main())
