"""A ruled-out kind within a field narrows the field: "ohne Hunde" leaves cats and horses to the person.

Word lists: `kinds` and `kind_reasons` in data/nlu/negation.toml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from nlu.kernel.text import fold
from nlu.word_lists import read_toml


@dataclass(frozen=True, slots=True)
class KindRules:
    """Word beginnings of one kind within a field, and of reasons that rule the whole field out."""

    kinds: tuple[str, ...]
    reasons: tuple[str, ...]


@cache
def kind_rules() -> KindRules:
    """Returns the kinds and the reasons, folded."""
    raw = read_toml("negation.toml")
    return KindRules(kinds=tuple(fold(word) for word in raw["kinds"]),
                     reasons=tuple(fold(word) for word in raw["kind_reasons"]))


def narrows_only(span: Span, doc: Doc) -> bool:
    """Tells whether a ruled-out mention names only kinds within its field ("keine Hunde", "no cats") and the
    message gives no reason of the body or of fear for it: then the field is not ruled out as a whole."""
    rules = kind_rules()
    words = [fold(token.text) for token in span if token.is_alpha]
    if not words or not all(word.startswith(rules.kinds) for word in words):
        return False
    return not any(fold(token.text).startswith(rules.reasons) for token in doc)
