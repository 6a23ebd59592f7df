"""The listing model: a logistic regression per category over shared rule-evidence weights, a bias per category
and a weight per (word, category), fitted by full-batch gradient descent from zero (deterministic)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from nlu.listing_model.features import RULE_FEATURES, ListingFeatures

Array = NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Settings:
    """How the model is fitted and how it decides."""

    min_listings: int = 2  # a word is used when at least this many training listings hold it
    rule_l2: float = 0.001
    word_l2: float = 0.01
    steps: int = 400
    rate: float = 0.05
    threshold: float = 0.5  # a category is kept at this probability (the likeliest one always)
    most: int = 3
    use_rules: bool = True
    use_words: bool = True
    category_rules: bool = True  # besides the shared rule weights, a set per category
    category_rule_l2: float = 0.01


@dataclass(frozen=True, slots=True)
class ListingModel:
    """Fitted weights: rule evidence (shared by all categories, with one more set per category), biases, words."""

    categories: tuple[str, ...]
    vocabulary: dict[str, int]
    rule_weights: Array  # (categories, len(RULE_FEATURES)): shared plus the category's own
    biases: Array  # (categories,)
    word_weights: Array  # (vocabulary, categories)
    threshold: float
    most: int

    def probabilities(self, features: ListingFeatures) -> Array:
        """Returns each category's probability, in `categories` order."""
        rules = np.asarray(features.rules, dtype=np.float64)
        logits = (rules * self.rule_weights).sum(axis=1) + self.biases
        rows = [self.vocabulary[word] for word in features.words if word in self.vocabulary]
        if rows:
            logits = logits + self.word_weights[rows].sum(axis=0)
        probabilities: Array = 1.0 / (1.0 + np.exp(-logits))
        return probabilities

    def decide(self, features: ListingFeatures) -> list[str]:
        """Returns the categories at or above the threshold, likeliest first, at least one and at most `most`."""
        probabilities = self.probabilities(features)
        order = sorted(range(len(self.categories)), key=lambda i: (-probabilities[i], i))
        kept = [i for i in order if probabilities[i] >= self.threshold][: self.most] or order[:1]
        return [self.categories[i] for i in kept]


def fit(
    listings: Sequence[ListingFeatures], labels: Sequence[Sequence[str]], categories: tuple[str, ...],
    settings: Settings = Settings(),
) -> ListingModel:
    """Fits the model to labelled listings (mean log loss with L2), by Adam from zero weights."""
    df = Counter(word for features in listings for word in features.words)
    words = sorted(word for word, count in df.items() if count >= settings.min_listings) if settings.use_words else []
    vocabulary = {word: i for i, word in enumerate(words)}
    n, c, k = len(listings), len(categories), len(RULE_FEATURES)
    rules = np.asarray([features.rules for features in listings], dtype=np.float64)  # (n, c, k)
    if not settings.use_rules:
        rules = np.zeros_like(rules)
    x = np.zeros((n, len(words)), dtype=np.float64)
    for i, features in enumerate(listings):
        x[i, [vocabulary[word] for word in features.words if word in vocabulary]] = 1.0
    y = np.zeros((n, c), dtype=np.float64)
    for i, keys in enumerate(labels):
        y[i, [categories.index(key) for key in keys]] = 1.0
    params = [np.zeros(k), np.zeros(c), np.zeros((len(words), c)), np.zeros((c, k))]
    moments = [np.zeros_like(p) for p in params]
    squares = [np.zeros_like(p) for p in params]
    for step in range(1, settings.steps + 1):
        w_rule, bias, w_word, w_own = params
        logits = np.einsum("nck,ck->nc", rules, w_rule + w_own) + bias + x @ w_word
        error = (1.0 / (1.0 + np.exp(-logits)) - y) / (n * c)
        grads = [
            np.einsum("nck,nc->k", rules, error) + 2 * settings.rule_l2 * w_rule,
            error.sum(axis=0),
            x.T @ error + 2 * settings.word_l2 * w_word,
            np.einsum("nck,nc->ck", rules, error) * settings.category_rules + 2 * settings.category_rule_l2 * w_own,
        ]
        for p, g, m, v in zip(params, grads, moments, squares, strict=True):
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g * g
            p -= settings.rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    rule_weights = params[0] + params[3]
    return ListingModel(categories, vocabulary, rule_weights, params[1], params[2], settings.threshold, settings.most)
