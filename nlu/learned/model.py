"""The category model: one logistic regression per category over hashed features, and how its answer is combined
with the rules'.

Files (data/nlu/learned/): `categories.npz` holds the weights (buckets x categories, float16) and biases;
`categories.json` the categories, the number of buckets, the combination thresholds and what it was trained on.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from nlu.kernel.resources import data_path

MODEL_DIR = ("nlu", "learned")
WEIGHTS_FILE = "categories.npz"
META_FILE = "categories.json"


@dataclass(frozen=True)
class Combination:
    """How the model's probabilities change the rules' categories.

    A category the rules did not find is added at probability `add_at` or more (never one the writer ruled out);
    a category the rules found is dropped below `drop_below`, but only when the model has seen the words the rules
    found it by (`droppable`): about a word it never saw in training the model knows nothing, so the rules decide.
    """

    add_at: float
    drop_below: float

    def decide(
        self, rule_wanted: set[str], rule_ruled_out: set[str], probabilities: dict[str, float], droppable: set[str]
    ) -> set[str]:
        """Returns the categories wanted after the model has had its say."""
        kept = {
            key for key in rule_wanted if key not in droppable or probabilities.get(key, 1.0) >= self.drop_below
        }
        added = {
            key for key, p in probabilities.items()
            if p >= self.add_at and key not in rule_wanted and key not in rule_ruled_out
        }
        return kept | added


@dataclass(frozen=True)
class CategoryModel:
    """Weights of the per-category logistic regressions over `buckets` hashed features."""

    keys: tuple[str, ...]
    weights: np.ndarray  # (buckets, categories) float32
    bias: np.ndarray  # (categories,) float32
    triggers: frozenset[str]  # the rules' trigger-word features ("r:word:animals:tierheim") seen in training

    @property
    def buckets(self) -> int:
        """The number of hash buckets the features are folded into."""
        return int(self.weights.shape[0])

    def probabilities(self, indices: list[int], values: list[float]) -> dict[str, float]:
        """Returns each category's probability for one sparse feature vector."""
        scores = self.bias + np.asarray(values, dtype=np.float32) @ self.weights[np.asarray(indices, dtype=np.intp)]
        return {key: 1.0 / (1.0 + math.exp(-float(score))) for key, score in zip(self.keys, scores)}

    def known_triggers(self, rule_features: list[str]) -> set[str]:
        """Returns the categories whose trigger words (the rules' `word` features) the model saw in training (kept
        by name: a hash bucket is shared with other features, so a weight says nothing about one word)."""
        return {feature.split(":", 3)[2] for feature in rule_features if feature in self.triggers}

    def save(self, folder: Path, meta: dict[str, Any]) -> None:
        """Writes the weights (float16, compressed) and the meta file."""
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            folder / WEIGHTS_FILE, weights=self.weights.astype(np.float16), bias=self.bias.astype(np.float32)
        )
        meta = {**meta, "keys": list(self.keys), "buckets": self.buckets, "triggers": sorted(self.triggers)}
        (folder / META_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class ShippedModel:
    """The model in data/ with the combination it was chosen with."""

    model: CategoryModel
    combination: Combination
    meta: dict[str, Any]


@cache
def shipped_model() -> ShippedModel:
    """Loads the shipped model once per process."""
    meta = json.loads(data_path(*MODEL_DIR, META_FILE).read_text(encoding="utf-8"))
    with np.load(data_path(*MODEL_DIR, WEIGHTS_FILE)) as arrays:
        weights = arrays["weights"].astype(np.float32)
        bias = arrays["bias"].astype(np.float32)
    keys = tuple(meta["keys"])
    if weights.shape != (meta["buckets"], len(keys)) or bias.shape != (len(keys),):
        raise ValueError(f"{WEIGHTS_FILE}: weights {weights.shape} do not fit {len(keys)} categories")
    combination = Combination(add_at=float(meta["add_at"]), drop_below=float(meta["drop_below"]))
    return ShippedModel(CategoryModel(keys, weights, bias, frozenset(meta["triggers"])), combination, meta)
