"""The places a listing's volunteers take people to in their free time (issue 14, lists24): "ins Kino, ins
Schwimmbad, zum Fußball", "zu Konzerten, Fußballspielen oder ins Café begleiten" name where an outing goes, not the
listing's field, which is the people accompanied. Word lists: [listing.outings] of data/nlu/interests.toml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from nlu.components.common import clause_around
from nlu.kernel.text import fold
from nlu.word_lists import read_toml, word_rules

_SOFT = frozenset({",", ";", ":"})  # a list of places goes on over commas and a colon


@dataclass(frozen=True, slots=True)
class OutingRules:
    """The [listing.outings] section of data/nlu/interests.toml (folded)."""

    fields: frozenset[str]
    places: tuple[str, ...]
    prepositions: frozenset[str]
    reach: int
    escorts: tuple[str, ...]
    joiners: frozenset[str]


@cache
def outing_rules() -> OutingRules:
    """Returns the words of the places of outings."""
    return word_rules(OutingRules, read_toml("interests.toml")["listing"]["outings"], as_written=("fields",))


def without_outing_places(doc: Doc, mentions: list[Span], title_tokens: int) -> list[Span]:
    """Drops the mentions naming a place people are taken to on an outing, while the listing names another field:
    a place word of the text after a preposition of direction, in a sentence or a listing title that names the escort
    (a place in the title is the task: "Begleitung zum Fußballtraining")."""
    rules = outing_rules()
    titled = any(_escort(token.text, rules) for token in doc[:title_tokens])
    places: list[Span] = []
    for span in sorted(mentions, key=lambda span: span.start):
        if span.start >= title_tokens and _outing_place(doc, span, rules, titled, {place.start for place in places}):
            places.append(span)
    if not places:
        return mentions
    dropped = {id(span) for span in places}
    kept = [span for span in mentions if id(span) not in dropped]
    if not any(span.label_ not in rules.fields for span in kept):  # the outing is the only field: it is the task
        return mentions
    return kept


def _outing_place(doc: Doc, span: Span, rules: OutingRules, titled: bool, before: set[int]) -> bool:
    """A place word after a preposition of direction ("zum Fußball") or after such a place and a joiner ("zu
    Konzerten, Kino, Fußballspielen"), in a sentence naming the escort or a listing whose title does."""
    if span.label_ not in rules.fields or len(span) != 1 or not fold(span.text).startswith(rules.places):
        return False
    listed = span.start >= 2 and doc[span.start - 1].norm_ in rules.joiners and span.start - 2 in before
    near = range(max(span.start - rules.reach, 0), span.start)
    if not listed and not any(fold(doc[i].text) in rules.prepositions for i in near):
        return False
    if titled:
        return True
    start, end = clause_around(doc, span.start, span.end, _SOFT)
    return any(_escort(doc[i].text, rules) for i in range(start, end))


def _escort(text: str, rules: OutingRules) -> bool:
    """Tells whether a word names an escort, in a compound too ("Freizeitbegleitung", "Begleiter*in")."""
    word = fold(text)
    return any(escort in word for escort in rules.escorts)
