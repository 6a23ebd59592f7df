"""What the category model sees of a message: folded words, word pairs and the rule signals.

Every feature is a string, hashed into a fixed number of buckets (`bucket`), so the model needs no vocabulary file
and an unseen word costs nothing. The rule signals are, per category, whether the rules found it wanted, ruled out,
neutral, only as a typo, only as a self-description, or more than once, and by which words they found it: the model
learns how far to trust each (a word the authors agree on, like "Tierheim", more than one they judge differently).
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Iterable

from spacy.tokens import Doc

from nlu.extensions import INTERESTS, SELF, spans

RULE_PREFIX = "r"  # rule-signal features start with this and ':'
TRIGGER_PREFIX = f"{RULE_PREFIX}:word:"  # a rule's trigger word for a category: "r:word:animals:tierheim"


def message_features(doc: Doc) -> tuple[list[str], list[str]]:
    """Returns the text features and the rule features (with the language) of an analysed message; the rule
    components must have run."""
    return text_features(doc), rule_features(doc) + [f"lang:{doc.lang_}"]


def text_features(doc: Doc) -> list[str]:
    """Returns the word and word-pair features of the message's words.

    Character n-grams (3 to 5 letters) were measured too: the same leave-one-set-out figures, several times the
    features per message, so they are left out."""
    words = [token.norm_ for token in doc if any(ch.isalpha() for ch in token.text)]
    found = [f"w:{word}" for word in words]
    found += [f"b:{first} {second}" for first, second in zip(words, words[1:])]
    return found


def rule_features(doc: Doc) -> list[str]:
    """Returns the rule pipeline's signals per category (see the module docstring)."""
    found: list[str] = []
    counts: dict[str, int] = {}
    fuzzy_only: dict[str, bool] = {}
    for span in spans(doc, INTERESTS):
        key = span.label_
        if span._.neutral:
            found.append(f"{RULE_PREFIX}:neutral:{key}")
        elif span._.negated:
            found.append(f"{RULE_PREFIX}:negated:{key}")
        else:
            found.append(f"{TRIGGER_PREFIX}{key}:{span.text.lower()}")  # how far this word is trusted for it
            counts[key] = counts.get(key, 0) + 1
            fuzzy_only[key] = fuzzy_only.get(key, True) and bool(span._.fuzzy)
    for key, count in counts.items():
        found.append(f"{RULE_PREFIX}:wanted:{key}")
        if count > 1:
            found.append(f"{RULE_PREFIX}:again:{key}")
        if fuzzy_only[key]:
            found.append(f"{RULE_PREFIX}:typo:{key}")
    found += [f"{RULE_PREFIX}:self:{span.label_}" for span in spans(doc, SELF) if span.label_ not in counts]
    if not counts:
        found.append(f"{RULE_PREFIX}:none")
    return sorted(set(found))


def bucket(feature: str, buckets: int) -> int:
    """Returns the hash bucket of one feature (CRC-32: stable across processes, unlike hash())."""
    return zlib.crc32(feature.encode("utf-8")) % buckets


def vector(text: Iterable[str], rules: Iterable[str], buckets: int) -> tuple[list[int], list[float]]:
    """Returns a message's sparse feature vector (buckets and values): the text features present, scaled to
    length one together, so a long message weighs no more than a short one; each rule feature with value one."""
    found = {bucket(feature, buckets) for feature in text}
    scale = 1.0 / math.sqrt(len(found)) if found else 0.0
    values = dict.fromkeys(found, scale)
    for feature in rules:
        index = bucket(feature, buckets)
        values[index] = values.get(index, 0.0) + 1.0
    return list(values), list(values.values())
