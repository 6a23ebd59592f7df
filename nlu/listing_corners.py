"""A corner for the children of the grown-ups an event or a café is for: "die Kinderecke betreuen", "Basteln mit
Kindern in der Bastelecke", "look after the kids' corner", "Kinderschminken und Bastelecke" at a street festival. The
children come along with their parents, the women of a café or the festival's visitors; minding them is a side job of
the listing, whose field is the café's or the festival's. So the children's mentions of such a line name no field,
unless the title names children ("Kinderbetreuung in der Spielecke des Elterncafés")."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span

from nlu.kernel.text import fold
from nlu.listing_layout import ListingLayout
from nlu.word_lists import read_toml

_CHILDREN = "children_youth"
_CLAUSE_MARKS = frozenset({",", ";", ":", "–", "—", "(", ")", "•", "|"})


@cache
def corner_words() -> tuple[str, ...]:
    """Returns the folded words (whole words or word endings) of a children's side corner, [listing.corners]."""
    return tuple(fold(word) for word in read_toml("interests.toml")["listing"]["corners"]["words"])


def without_corners(
    mentions: list[Span], layout: ListingLayout, starts: tuple[int, ...], folded: str
) -> list[Span]:
    """Drops the children's mentions of the text's clauses that name a children's side corner ("Kinderecke im Blick
    behalten", "Basteln mit Kindern in der Bastelecke"), unless the title names children. Only the corner's clause:
    "Für Kinderschminken, Hüpfburg-Aufsicht und Kuchenbuffet suchen wir ... ehemalige Kita-Eltern" keeps the Kita."""
    words = corner_words()
    if not any(word in folded for word in words):
        return mentions  # most listings name no corner: one search over the text
    if not mentions or any(span.label_ == _CHILDREN and starts[span.start] < layout.title_length for span in mentions):
        return mentions
    doc = mentions[0].doc
    cornered: set[int] = set()
    for token in doc:
        if starts[token.i] >= layout.title_length and token.norm_.replace("-", "").endswith(words):
            cornered.update(_clause(doc, token.i, layout, starts))
    if not cornered:
        return mentions
    return [span for span in mentions if not (span.label_ == _CHILDREN and span.start in cornered)]


def _clause(doc: Doc, at: int, layout: ListingLayout, starts: tuple[int, ...]) -> range:
    """Returns the token indices of the clause around token `at`: up to a comma, a dash, a bracket or the end of its
    sentence or list line."""
    sentence = layout.sentence(starts[at])

    def inside(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text not in _CLAUSE_MARKS and layout.sentence(starts[i]) == sentence

    first, last = at, at + 1
    while inside(first - 1):
        first -= 1
    while inside(last):
        last += 1
    return range(first, last)
