"""Groups a listing names by their age ("Frauen ab 60", "Gruppe 70+"): the seniors served. Listings only: in a message
"ich bin über 60" describes the writer."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from nlu.kernel.text import fold

if TYPE_CHECKING:
    from nlu.listings import ListingRules

_TWO_OR_THREE_DIGITS = re.compile(r"(?<!\d)\d{2,3}(?!\d)")  # most listings name no age: skip them at C speed


def age_groups(doc: Doc, rules: ListingRules) -> list[Span]:
    """Returns a seniors mention for each group named by an age of `senior_age` or more: "Frauen ab 60", "Männer über
    65 Jahren", "Gymnastikgruppe 70+", "mit 60 plus", "(Durchschnittsalter 71)". The age must follow a noun, the
    group (German nouns are capitalised), or an age word, and no other noun may follow it: "über 60 Vereine", "Spenden
    ab 60 Euro" and "trainieren über 80 Kinder" count things."""
    found: list[Span] = []
    if not any(rules.senior_age <= int(number.group()) < 120 for number in _TWO_OR_THREE_DIGITS.finditer(doc.text)):
        return found
    for token in doc:
        if not token.like_num or not token.text.isdigit() or not rules.senior_age <= int(token.text) < 120:
            continue
        i = token.i
        after = doc[i + 1] if i + 1 < len(doc) else None
        if after is not None and fold(after.text) in rules.age_plus:
            start, end = i, i + 2  # "70+", "60 plus"
        elif i >= 1 and fold(doc[i - 1].text) in rules.age_from:
            start, end = i - 1, i + 1  # "ab 60", "Durchschnittsalter 71"
            group = doc[i - 2] if i >= 2 else None
            said_of = doc[i - 1].text[:1].isupper() or (group is not None and group.is_alpha and group.is_title)
            if not said_of:
                continue
        else:
            continue
        if after is not None and after.is_alpha and after.is_title and fold(after.text) not in rules.age_units:
            continue
        found.append(Span(doc, start, end, label="seniors"))
    return found
