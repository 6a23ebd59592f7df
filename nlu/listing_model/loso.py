"""Leave-one-set-out validation of the listing model against the rules:
`python -m nlu.listing_model.loso [file.jsonl ...] [--thresholds 0.4 0.5]`.

For each labelled set in turn, fits on the others and predicts it; prints precision and recall per held-out set
and pooled, for the rules alone, the model on words alone, on the rules' evidence alone, on both (hybrid), and the
rules with the hybrid model adding a category the rules missed when it is confident (`--add`).
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
from nlu.listing_model.linear import ListingModel, Settings, fit

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


def with_additions(model: ListingModel, features: ListingFeatures, add: float) -> list[str]:
    """Returns the rules' categories and those the rules missed that the model holds at `add` or more."""
    found = rules_decision(features)
    probabilities = model.probabilities(features)
    missed = zip(model.categories, probabilities, strict=True)
    return found + [key for key, probability in missed if key not in found and probability >= add]


def held_out(
    sets: dict[str, list[Labelled]], settings: Settings, thresholds: Sequence[float], additions: Sequence[float] = (),
) -> dict[str, Found]:
    """Fits on all sets but one and predicts that one, for each set, deciding at each threshold ("t=0.5") and, beside
    the rules, adding at each of `additions` ("rules +0.8")."""
    labels = [f"t={t}" for t in thresholds] + [f"rules +{a}" for a in additions]
    found: dict[str, Found] = {label: {} for label in labels}
    for name, rows in sets.items():
        train = [row for other, others in sets.items() if other != name for row in others]
        model = fit([row.features for row in train], [row.categories for row in train], category_keys(), settings)
        for threshold in thresholds:
            decider = replace(model, threshold=threshold)
            found[f"t={threshold}"][name] = [(decider.decide(row.features), row.categories) for row in rows]
        for add in additions:
            found[f"rules +{add}"][name] = [(with_additions(model, row.features, add), row.categories) for row in rows]
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
    parser.add_argument("--add", nargs="*", type=float, default=[0.7, 0.8, 0.9],
                        help="with the hybrid variants: the rules plus a category the model holds at this or more")
    parser.add_argument("--variants", nargs="*", choices=list(VARIANTS), default=list(VARIANTS))
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
    for label in args.variants:
        settings = VARIANTS[label]
        additions = args.add if settings.use_rules and settings.use_words else ()
        for decider, found in held_out(sets, settings, args.thresholds, additions).items():
            print(line(f"{label} {decider}", found), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
