"""Leave-one-set-out validation of the listing model against the rules:
`python -m nlu.listing_model.loso [file.jsonl ...] [--thresholds 0.4 0.5]`.

For each labelled set in turn, fits on the others and predicts it; prints precision and recall per held-out set
and pooled, for the rules alone, the model on words alone, on the rules' evidence alone, and on both (hybrid).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from nlu.api import listing_features, load
from nlu.blind_sets import any_blind
from nlu.evaluate import Counts
from nlu.evaluate import load as load_rows
from nlu.evaluate_listings import DEV_SETS
from nlu.kernel.taxonomy import category_keys
from nlu.listing_model.features import RULE_FEATURES, ListingFeatures
from nlu.listing_model.linear import Settings, fit

VARIANTS = {
    "words": Settings(use_rules=False, word_l2=0.0003),  # the lightest weight decay tried: words need all they get
    "rule evidence": Settings(use_words=False),
    "hybrid": Settings(word_l2=0.001),
    "hybrid, words damped": Settings(word_l2=0.01),
}
_KEPT = RULE_FEATURES.index("kept")


@dataclass(frozen=True, slots=True)
class Labelled:
    """One listing's features and its labelled categories."""

    features: ListingFeatures
    categories: tuple[str, ...]


def labelled(path: Path) -> list[Labelled]:
    """Reads and analyses one labelled listing set."""
    return [
        Labelled(listing_features(row.get("title") or "", row.get("description") or ""), tuple(row["categories"]))
        for row in load_rows(path)
    ]


def rules_decision(features: ListingFeatures) -> list[str]:
    """Returns the categories the rules alone keep."""
    return [key for key, row in zip(category_keys(), features.rules, strict=True) if row[_KEPT]]


def count(pairs: Sequence[tuple[Sequence[str], Sequence[str]]]) -> Counts:
    """Counts (listing, category) pairs of (found, labelled)."""
    counts = Counts()
    for found, wanted in pairs:
        counts.tp += len(set(found) & set(wanted))
        counts.fp += len(set(found) - set(wanted))
        counts.fn += len(set(wanted) - set(found))
    return counts


Found = dict[str, list[tuple[list[str], tuple[str, ...]]]]


def held_out(sets: dict[str, list[Labelled]], settings: Settings, thresholds: Sequence[float]) -> dict[float, Found]:
    """Fits on all sets but one and predicts that one, for each set, deciding at each threshold."""
    found: dict[float, Found] = {threshold: {} for threshold in thresholds}
    for name, rows in sets.items():
        train = [row for other, others in sets.items() if other != name for row in others]
        model = fit([row.features for row in train], [row.categories for row in train], category_keys(), settings)
        for threshold in thresholds:
            decider = replace(model, threshold=threshold)
            found[threshold][name] = [(decider.decide(row.features), row.categories) for row in rows]
    return found


def line(label: str, found: Found) -> str:
    """Formats precision/recall per held-out set and pooled."""
    parts = [f"{name} {count(pairs).precision:.3f}/{count(pairs).recall:.3f}" for name, pairs in found.items()]
    pooled = count([pair for pairs in found.values() for pair in pairs])
    return f"{label:<22} " + "  ".join(parts) + f"  pooled {pooled.precision:.3f}/{pooled.recall:.3f}/{pooled.f1:.3f}"


def main(argv: list[str] | None = None) -> int:
    """Runs the validation from the command line."""
    parser = argparse.ArgumentParser(prog="python -m nlu.listing_model.loso", description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="labelled listing sets (default: the listing dev sets)")
    parser.add_argument("--thresholds", nargs="+", type=float, default=[0.4, 0.5])
    args = parser.parse_args(argv)
    paths = args.files or list(DEV_SETS)
    if any_blind(paths):
        parser.error("the blind sets are never trained or tuned on (see tests/nlu/data/README.md)")
    if len(paths) < 2:
        parser.error("leaving one set out needs at least two sets")
    load()
    sets = {path.stem: labelled(path) for path in paths}
    by_rules = {name: [(rules_decision(row.features), row.categories) for row in rows] for name, rows in sets.items()}
    print(line("rules", by_rules), flush=True)
    for label, settings in VARIANTS.items():
        for threshold, found in held_out(sets, settings, args.thresholds).items():
            print(line(f"{label} t={threshold}", found), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
