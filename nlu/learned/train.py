"""Trains the category model: `python -m nlu.learned.train [--check] [--no-loso]`.

Reads every labelled message set in tests/nlu/data except the blind ones, parses each message with the rules alone,
and trains one logistic regression per category over the message's hashed words, word pairs and the rules' signals
(nlu/learned/features.py). Training is deterministic without any seed: full-batch Adam from zero weights for a fixed
number of steps, so the same data give the same model (up to floating-point summation order).

The honest figure is leave-one-set-out: for each natural_dev* set, a model trained on all the other sets predicts
it (the outside check is written by an author never seen). The combination with the rules (the probability at which
the model adds a category, and below which it drops one of the rules') is chosen on those out-of-set predictions of
the dev sets only. The model shipped in data/nlu/learned/ is then trained on all non-blind sets.

`--check` retrains on all sets and compares with the shipped model without writing anything.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from nlu.api import _query, analysed
from nlu.evaluate import LABELLED, Counts, check, load
from nlu.kernel.resources import data_dir
from nlu.kernel.taxonomy import category_keys
from nlu.learned.component import rule_categories
from nlu.learned.features import RULE_PREFIX, TRIGGER_PREFIX, message_features, vector
from nlu.learned.model import MODEL_DIR, CategoryModel, Combination, shipped_model
from nlu.pipeline import rule_pipelines
from nlu.query import ParsedQuery

# The labelled sets trained on (never a blind one); the natural_dev* sets are the folds of the honest figure.
TRAINING_SETS = (
    "messages", "dev_messages", "heldout_b", "heldout_c", "heldout_d",
    "natural_dev", "natural_dev2", "natural_dev3", "natural_dev4", "natural_dev5", "natural_dev6", "natural_dev7",
    "natural_dev8", "natural_dev9", "natural_dev10", "natural_dev11", "natural_dev12", "natural_dev13", "natural_dev14",
    "natural_dev15", "natural_dev16", "natural_dev17", "natural_dev18", "natural_dev19", "natural_dev20",
    "natural_dev21", "natural_dev22", "natural_dev23", "natural_dev24", "natural_dev25", "natural_dev26",
    "natural_dev27", "natural_dev28", "natural_dev29", "natural_dev30", "natural_dev31", "natural_dev32",
    "natural_dev33",
)
BUCKETS = 2**16
L2 = 1e-4
EPOCHS = 150
LEARNING_RATE = 0.1

ADD_GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # 1.01: never add
# 0.0: never drop. Capped at 0.25: at 0.4 (chosen by the folds in the ninth session, for +0.00-0.01 all slots) the
# model dropped a field of plain phrasings it had seen only in other contexts ("Kidner und Senoiren" lost seniors,
# "my local community" neighbourhood, "Hilfe im Wochenbett für Familien" children): a wrong drop empties a person's
# answer, a missed add only narrows it.
DROP_GRID = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25)


@dataclass(frozen=True)
class Example:
    """One labelled message as the trainer sees it."""

    set_name: str
    row: dict[str, Any]
    text: list[str]
    rules: list[str]
    rules_query: ParsedQuery
    rule_wanted: frozenset[str]
    rule_ruled_out: frozenset[str]


def training_paths() -> list[Path]:
    """Returns the non-blind labelled sets that exist."""
    paths = [LABELLED / f"{name}.jsonl" for name in TRAINING_SETS]
    return [path for path in paths if path.exists() and "blind" not in path.name]


def read_examples(paths: list[Path]) -> list[Example]:
    """Parses every message with the rules alone and keeps what the trainer needs."""
    nlps = rule_pipelines()
    examples = []
    for path in paths:
        for row in load(path):
            with analysed(row["text"], nlps=nlps) as doc:
                text, rules = message_features(doc)
                wanted, ruled_out = rule_categories(doc)
                query = _query(row["text"], doc)
            examples.append(
                Example(path.stem, row, text, rules, query, frozenset(wanted), frozenset(ruled_out))
            )
    return examples


def train(examples: list[Example], *, with_rules: bool = True, buckets: int = BUCKETS) -> CategoryModel:
    """Fits the per-category logistic regressions (full-batch Adam with L2, from zero: deterministic)."""
    keys = category_keys()
    rows = [vector(e.text, e.rules if with_rules else [f for f in e.rules if not f.startswith(RULE_PREFIX)], buckets)
            for e in examples]
    labels = np.array([[key in e.row.get("categories", []) for key in keys] for e in examples], dtype=np.float32)
    lengths = np.array([len(indices) for indices, _ in rows])
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    flat = np.concatenate([np.asarray(indices, dtype=np.int64) for indices, _ in rows])
    values = np.concatenate([np.asarray(v, dtype=np.float32) for _, v in rows])
    row_of = np.repeat(np.arange(len(rows)), lengths)
    used, compact = np.unique(flat, return_inverse=True)
    order = np.argsort(compact, kind="stable")
    group_starts = np.concatenate([[0], np.flatnonzero(np.diff(compact[order])) + 1])
    weights = np.zeros((len(used), len(keys)), dtype=np.float32)
    bias = np.zeros(len(keys), dtype=np.float32)
    moments = [np.zeros_like(weights), np.zeros_like(weights), np.zeros_like(bias), np.zeros_like(bias)]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, EPOCHS + 1):
        scores = np.add.reduceat(weights[compact] * values[:, None], starts, axis=0) + bias
        error = (1.0 / (1.0 + np.exp(-scores)) - labels) / len(rows)
        contributions = (error[row_of] * values[:, None])[order]
        grad_w = np.add.reduceat(contributions, group_starts, axis=0) + L2 * weights
        grad_b = error.sum(axis=0)
        for param, grad, m, v in ((weights, grad_w, moments[0], moments[1]), (bias, grad_b, moments[2], moments[3])):
            m *= beta1
            m += (1 - beta1) * grad
            v *= beta2
            v += (1 - beta2) * grad * grad
            param -= LEARNING_RATE * (m / (1 - beta1**step)) / (np.sqrt(v / (1 - beta2**step)) + eps)
    full = np.zeros((buckets, len(keys)), dtype=np.float32)
    full[used] = weights
    triggers = frozenset(f for e in examples for f in e.rules if with_rules and f.startswith(TRIGGER_PREFIX))
    return CategoryModel(keys, full, bias, triggers)


@dataclass(frozen=True)
class Prediction:
    """A model's answer for one message: the probabilities and the categories it may drop (nlu.learned.model)."""

    probabilities: dict[str, float]
    droppable: set[str]


def predict(model: CategoryModel, examples: list[Example], *, with_rules: bool = True) -> list[Prediction]:
    """Returns each example's category probabilities and droppable categories."""
    found = []
    for e in examples:
        rules = e.rules if with_rules else [f for f in e.rules if not f.startswith(RULE_PREFIX)]
        probabilities = model.probabilities(*vector(e.text, rules, model.buckets))
        found.append(Prediction(probabilities, model.known_triggers(rules)))
    return found


@dataclass
class Figures(Counts):
    """Category precision/recall/F1 (the scorer's own), categories exact and all slots right over a list of messages."""

    exact: int = 0
    all_right: int = 0
    messages: int = 0

    def add(self, example: Example, categories: set[str]) -> None:
        """Counts one message answered with these categories (the other slots as the rules answered)."""
        wanted = set(example.row.get("categories", []))
        self.tp += len(wanted & categories)
        self.fp += len(categories - wanted)
        self.fn += len(wanted - categories)
        self.exact += wanted == categories
        order = category_keys()
        query = dataclasses.replace(example.rules_query, categories=tuple(k for k in order if k in categories))
        self.all_right += all(check(example.row, query).values())
        self.messages += 1

    def row(self) -> dict[str, float]:
        """The figures as a dict for reports."""
        n = self.messages or 1
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "exact": round(self.exact / n, 3), "all_slots": round(self.all_right / n, 3)}


def score(examples: list[Example], answers: list[set[str]]) -> Figures:
    """Scores a list of answers."""
    figures = Figures()
    for example, categories in zip(examples, answers):
        figures.add(example, categories)
    return figures


def combined(examples: list[Example], predictions: list[Prediction], combination: Combination) -> list[set[str]]:
    """Applies a combination to each example."""
    return [
        combination.decide(set(e.rule_wanted), set(e.rule_ruled_out), p.probabilities, p.droppable)
        for e, p in zip(examples, predictions)
    ]


def above_half(predictions: list[Prediction]) -> list[set[str]]:
    """Returns the categories at probability 0.5 or more (the model's own answer, without the rules')."""
    return [{key for key, p in prediction.probabilities.items() if p >= 0.5} for prediction in predictions]


def fold_sets(examples: list[Example]) -> list[str]:
    """Returns the natural_dev* sets present: the folds of the leave-one-set-out figure."""
    return sorted({e.set_name for e in examples if e.set_name.startswith("natural_dev")})


def leave_one_set_out(examples: list[Example]) -> dict[str, Any]:
    """Trains without each natural_dev* set in turn, predicts it, chooses the combination on those predictions, and
    returns the figures of rules alone, model alone, the stacked model (rules as features) and the hybrid."""
    folds = fold_sets(examples)
    held: dict[str, list[Example]] = {}
    stacked: dict[str, list[Prediction]] = {}
    alone: dict[str, list[Prediction]] = {}
    for name in folds:
        train_part = [e for e in examples if e.set_name != name]
        held[name] = [e for e in examples if e.set_name == name]
        stacked[name] = predict(train(train_part), held[name])
        alone[name] = predict(train(train_part, with_rules=False), held[name], with_rules=False)
        print(f"  fold {name}: trained on {len(train_part)}", file=sys.stderr)
    grid = [Combination(a, d) for a in ADD_GRID for d in DROP_GRID]

    def pooled_all_slots(combination: Combination, names: list[str]) -> float:
        figures = Figures()
        for name in names:
            for e, categories in zip(held[name], combined(held[name], stacked[name], combination)):
                figures.add(e, categories)
        return figures.all_right / figures.messages + 1e-3 * figures.f1  # F1 breaks ties

    chosen = max(grid, key=lambda c: pooled_all_slots(c, folds))
    table: dict[str, dict[str, dict[str, float]]] = {}
    for name in folds:
        others = [n for n in folds if n != name] or folds
        nested = max(grid, key=lambda c: pooled_all_slots(c, others))  # chosen without this set
        examples_ = held[name]
        table[name] = {
            "rules": score(examples_, [set(e.rule_wanted) for e in examples_]).row(),
            "model_alone": score(examples_, above_half(alone[name])).row(),
            "stacked": score(examples_, above_half(stacked[name])).row(),
            "hybrid": score(examples_, combined(examples_, stacked[name], chosen)).row(),
            "hybrid_nested": score(examples_, combined(examples_, stacked[name], nested)).row(),
        }
    return {"add_at": chosen.add_at, "drop_below": chosen.drop_below, "loso": table}


def main(argv: list[str] | None = None) -> int:
    """Trains, reports leave-one-set-out figures and writes the shipped model (or compares with it: --check)."""
    parser = argparse.ArgumentParser(prog="python -m nlu.learned.train", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="retrain on all sets and compare with the shipped model")
    parser.add_argument("--no-loso", action="store_true", help="keep the shipped combination, skip the folds")
    args = parser.parse_args(argv)
    paths = training_paths()
    examples = read_examples(paths)
    if args.check:
        return check_shipped(examples)
    if args.no_loso:
        meta = {key: value for key, value in shipped_model().meta.items() if key in ("add_at", "drop_below", "loso")}
    else:
        meta = leave_one_set_out(examples)
    model = train(examples)
    combination = Combination(meta["add_at"], meta["drop_below"])
    in_sample = {
        name: score(part, combined(part, predict(model, part), combination)).row()
        for name in dict.fromkeys(e.set_name for e in examples)
        for part in [[e for e in examples if e.set_name == name]]
    }
    meta = {
        **meta, "trained_on": {p.stem: sum(e.set_name == p.stem for e in examples) for p in paths},
        "in_sample": in_sample, "l2": L2, "epochs": EPOCHS, "learning_rate": LEARNING_RATE,
    }
    model.save(data_dir().joinpath(*MODEL_DIR), meta)
    print(json.dumps({k: meta[k] for k in ("add_at", "drop_below", "loso")}, indent=1))
    return 0


def check_shipped(examples: list[Example]) -> int:
    """Retrains on all sets and prints the largest difference in probability from the shipped model."""
    shipped = shipped_model()
    model = train(examples)
    gap = 0.0
    for ours, theirs in zip(predict(model, examples), predict(shipped.model, examples)):
        gap = max(gap, max(abs(ours.probabilities[k] - theirs.probabilities[k]) for k in ours.probabilities))
    print(f"largest probability difference from the shipped model: {gap:.4f}")
    return 0 if gap < 0.02 else 1


if __name__ == "__main__":
    sys.exit(main())
