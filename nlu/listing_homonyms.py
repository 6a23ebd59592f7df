"""Words of two senses in listings, read by the sense the listing names elsewhere: "Tafel" is the food bank unless the
listing speaks of the other board ("Tafel – also die Schreibtafel!", "mittelalterliche Tafelspiele", "die Tafel im
Klassenzimmer"); a "workshop" is a course unless the listing repairs bikes in it ("Helping hands at the bike
workshop", "Workshopleiter*in: Fahrrad-Selbsthilfe"). A title playing on such a word names the listing's other
sense in its text, so the text decides. The words are the [listing.homonyms] tables of data/nlu/interests.toml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span

from nlu.kernel.text import fold
from nlu.word_lists import read_toml


@dataclass(frozen=True, slots=True)
class Homonym:
    """A word of two senses: the field its `words` name, and the folded word parts (`cues`) that show the other
    sense."""

    field: str
    words: frozenset[str]
    cues: tuple[str, ...]


@cache
def homonyms() -> tuple[Homonym, ...]:
    """Returns the [listing.homonyms] tables."""
    raw = read_toml("interests.toml")["listing"]["homonyms"]
    return tuple(
        Homonym(
            table["field"], frozenset(fold(word) for word in table["words"]), tuple(fold(cue) for cue in table["cues"])
        )
        for table in raw.values()
    )


def other_senses(folded: str) -> frozenset[tuple[str, str]]:
    """Returns (field, word) of each homonym whose other sense a listing's folded text names: a word holding one of its
    cues (one search over the text, not one per token)."""
    found: set[tuple[str, str]] = set()
    for homonym in homonyms():
        if any(cue in folded for cue in homonym.cues):
            found.update((homonym.field, word) for word in homonym.words)
    return frozenset(found)


def in_other_sense(span: Span, senses: frozenset[tuple[str, str]]) -> bool:
    """Tells whether a mention is a homonym read in the other sense the listing names: the mention's word or a part
    of it hyphenated ("Schrauber-Workshops") is one of the homonym's words, or the word is itself one of the other
    sense ("Tafelspielen")."""
    if not senses or len(span) != 1:
        return False
    norm = span[0].norm_
    parts = {norm, *norm.split("-")}
    return any((span.label_, part) in senses for part in parts) or any(
        homonym.field == span.label_ and any(cue in norm for cue in homonym.cues) for homonym in homonyms()
    )
