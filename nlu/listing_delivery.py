"""How a listing's task is delivered: "Digitale Nachhilfe", "Umweltbildung digital" are tutoring and environmental
education given online, not digital work; "Digitale Sprechstunde" (the phone questions of its visitors) and
"digitale Bildbearbeitung" are, since there the adjective's noun names no other field."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span

from nlu.kernel.text import fold
from nlu.word_lists import read_toml

_DIGITAL = "digital"


@cache
def _delivery_words() -> tuple[frozenset[str], frozenset[str]]:
    """Returns the inflected adjectives that stand before a noun ("digitale") and the bare forms that follow one in a
    title ("digital", "online"), folded."""
    raw = read_toml("interests.toml")["listing"]["delivery"]
    return frozenset(map(fold, raw["before"])), frozenset(map(fold, raw["after"]))


def names_the_delivery(span: Span, starts: dict[int, set[str]], title_tokens: int) -> bool:
    """Tells whether a digital mention is an adjective of how another field's task is given: right before a word
    naming another field ("Digitale Hausaufgabenbegleitung"), or closing a title right after one ("Umweltbildung
    digital"; in the text "Senioren digital fit machen" is the task)."""
    if span.label_ != _DIGITAL or len(span) != 1:
        return False
    before, after = _delivery_words()
    word, doc = span[0].norm_, span.doc
    if word in before:
        return bool(starts.get(span.start + 1, set()) - {_DIGITAL})
    if word in after and span.start < title_tokens and span.start:
        closes = span.end >= title_tokens or doc[span.end].is_punct
        return closes and bool(starts.get(span.start - 1, set()) - {_DIGITAL})
    return False
