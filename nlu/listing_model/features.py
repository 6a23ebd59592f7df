"""What the model sees of a listing: the rules' evidence for each category by section, and the listing's words."""

from __future__ import annotations

import math
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from nlu.extensions import INTERESTS, spans
from nlu.listing_layout import ListingLayout
from nlu.listing_evidence import Evidence
from nlu.listing_rules import listing_rules

# One row of rule evidence per category; the names are the columns, in order.
RULE_FEATURES = (
    "titled",  # the title names the category
    "score",  # log(1 + the rules' weighted evidence)
    "share",  # the evidence as a share of the strongest category's
    "kept",  # the rules alone keep the category
    "strongest",  # the category has the most evidence
    "lead",  # log(1 + mentions) in the text before the first heading (after the title)
    "task",  # ... in a task section
    "about",  # ... in the organisation blurb
    "aside",  # ... in the offer, wish and contact sections (one column, as the model was trained)
    "minor",  # ... in brackets or in a sentence that lists many fields
    "raw",  # log(1 + every mention, also those the listing rules set aside: "Pflege der Homepage", "willkommen")
)
_SECTION_COLUMNS = {"lead": 5, "task": 6, "about": 7, "offer": 8, "aside": 8}
_MIN_WORD = 3


@dataclass(frozen=True, slots=True)
class ListingFeatures:
    """The rules' evidence (one row per category, columns RULE_FEATURES) and the listing's words: folded body words,
    and title words marked "t:"."""

    rules: tuple[tuple[float, ...], ...]
    words: frozenset[str]


def listing_features(
    doc: Doc, mentions: list[Span], layout: ListingLayout, starts: tuple[int, ...], evidence: Evidence,
    kept: list[str], order: tuple[str, ...],
) -> ListingFeatures:
    """Collects the features of one analysed listing; `mentions` are the spans the listing rules count."""
    rules = listing_rules()
    counts = {key: [0.0] * len(RULE_FEATURES) for key in order}
    for span in spans(doc, INTERESTS):
        if span.label_ in counts and not span._.neutral:
            counts[span.label_][10] += 1
    by_sentence: dict[int, set[str]] = {}
    for span in mentions:
        offset = starts[span.start]
        if offset >= layout.title_length:
            by_sentence.setdefault(layout.sentence(offset), set()).add(span.label_)
    for span in mentions:
        offset = starts[span.start]
        if offset < layout.title_length or span.label_ not in counts:
            continue
        row = counts[span.label_]
        kind = next(kind for start, kind in reversed(layout.sections) if start <= offset)
        row[_SECTION_COLUMNS[kind]] += 1
        bracketed = any(start < offset < end for start, end in layout.examples)
        if bracketed or len(by_sentence[layout.sentence(offset)]) >= rules.catalogue_fields:
            row[9] += 1
    best = max(evidence.scores.values(), default=0.0)
    for key, row in counts.items():
        score = evidence.scores.get(key, 0.0)
        row[0] = float(key in evidence.titled)
        row[1] = math.log1p(score)
        row[2] = score / best if best else 0.0
        row[3] = float(key in kept)
        row[4] = float(bool(best) and score == best)
        for column in (5, 6, 7, 8, 9, 10):
            row[column] = math.log1p(row[column])
    title_end = next((i for i, offset in enumerate(starts) if offset >= layout.title_length), len(doc))
    words = set()
    for token in doc:
        for part in token.norm_.split("-"):  # "Hausaufgaben-Hilfe" holds two words
            if len(part) >= _MIN_WORD and part.isalpha():
                words.add(f"t:{part}" if token.i < title_end else part)
    return ListingFeatures(tuple(tuple(counts[key]) for key in order), frozenset(words))
