"""Groups a listing names by their age ("Frauen ab 60", "Gruppe 70+"; "Kinder von 4 bis 8 Jahren"): the seniors or the
children served. Listings only: in a message "ich bin über 60" describes the writer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from nlu.kernel.text import fold
from nlu.word_lists import read_toml

if TYPE_CHECKING:
    from nlu.listing_rules import ListingRules

_TWO_OR_THREE_DIGITS = re.compile(r"(?<!\d)\d{2,3}(?!\d)")  # most listings name no age: skip them at C speed
_AGE = re.compile(r"\d{1,2}(?:[-–]\d{1,2})?")  # "6", "6-10" (one token when written without spaces)


@dataclass(frozen=True, slots=True)
class YoungRules:
    """The [listing.young] section of data/nlu/interests.toml."""

    words: frozenset[str]
    links: frozenset[str]
    below: int


@cache
def young_rules() -> YoungRules:
    """Returns the rules for children named by their ages."""
    raw = read_toml("interests.toml")["listing"]["young"]
    return YoungRules(frozenset(map(fold, raw["words"])), frozenset(map(fold, raw["links"])), int(raw["below"]))


def age_groups(doc: Doc, rules: ListingRules) -> list[Span]:
    """Returns a seniors mention for each group named by an age of `senior_age` or more: "Frauen ab 60", "Männer über
    65 Jahren", "Gymnastikgruppe 70+", "mit 60 plus", "(Durchschnittsalter 71)", or one word joining the age with an
    age word ("Treff 60plus", "Tanzen Ü-70"). A separate age must follow a noun, the group (German nouns are
    capitalised), or an age word, and no other noun may follow it: "über 60 Vereine", "Spenden ab 60 Euro" and
    "trainieren über 80 Kinder" count things."""
    found: list[Span] = young_groups(doc)
    if not any(rules.senior_age <= int(number.group()) < 120 for number in _TWO_OR_THREE_DIGITS.finditer(doc.text)):
        return found
    for token in doc:
        joined = _joined_age(fold(token.text), rules)
        if joined is not None:
            if rules.senior_age <= joined < 120 and not _counts_things(doc, token.i + 1, rules):
                found.append(Span(doc, token.i, token.i + 1, label="seniors"))  # "Treff 60plus", "Ü60-Gruppe"
            continue
        if not token.like_num or not token.text.isdigit() or not rules.senior_age <= int(token.text) < 120:
            continue
        i = token.i
        after = doc[i + 1] if i + 1 < len(doc) else None
        if after is not None and fold(after.text) in rules.age_plus:
            start, end = i, i + 2  # "70+", "60 plus"
        elif i >= 1 and fold(doc[i - 1].text) in rules.age_from:
            start, end = i - 1, i + 1  # "ab 60", "Durchschnittsalter 71"
            group = doc[i - 2] if i >= 2 else None
            opens = group is None or group.is_punct or group.is_space  # "Über 70 % ...": a sentence's first word
            said_of = fold(doc[i - 1].text) in rules.age_nouns or (
                not opens and group is not None and group.is_alpha and group.is_title
            )
            if not said_of:
                continue
        else:
            continue
        if _counts_things(doc, end, rules):
            continue
        found.append(Span(doc, start, end, label="seniors"))
    return found


def _counts_things(doc: Doc, end: int, rules: ListingRules) -> bool:
    """Tells whether what follows a number or its "+" is what it counts: "Über 70 % unserer Kinder", "Einsätze ab 90
    min", "90+ Hunde", "über 60 Vereine"."""
    counted = doc[end] if end < len(doc) else None
    if counted is None:
        return False
    if fold(counted.text) in rules.age_not_units:
        return True
    return counted.is_alpha and counted.is_title and fold(counted.text) not in rules.age_units


def _joined_age(word: str, rules: ListingRules) -> int | None:
    """Returns the age of a word joining it with an age word ("60plus", "65+", "ü60", "Ü-70"; folded), else None."""
    for start in rules.age_joined_from:
        rest = word.removeprefix(start).lstrip("-")
        if word.startswith(start) and rest.isdigit():
            return int(rest)
    for end in rules.age_plus:
        rest = word.removesuffix(end).rstrip("-")
        if word.endswith(end) and rest.isdigit():
            return int(rest)
    return None


def young_groups(doc: Doc) -> list[Span]:
    """Returns a children_youth mention, on the age, for each group of children or pupils named by their ages: "Kinder
    ab 6 Jahren", "Kindern von 4 bis 8 Jahren", "Schülern der 5. bis 7. Klasse", "Kinder im Alter von 6 bis 12",
    "Leseclub für Kinder 8–12", "children aged 6 to 12". Only `links` may stand between the noun and the first age,
    which must be under `below`; a mention starting with a number is one the listing serves (`[listing.served]`)."""
    rules = young_rules()
    found: list[Span] = []
    for token in doc:
        if token.norm_ not in rules.words:  # the norm is the folded word
            continue
        i = token.i + 1
        while i < len(doc) and i <= token.i + 3 and doc[i].norm_ in rules.links:
            i += 1
        if i < len(doc) and _AGE.fullmatch(doc[i].text) and int(re.split("[-–]", doc[i].text)[0]) < rules.below:
            found.append(Span(doc, i, i + 1, label="children_youth"))
    return found
