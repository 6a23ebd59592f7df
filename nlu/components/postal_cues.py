"""Reads a postal code in a chat message that is not five digits in one piece: four digits whose leading zero a
spreadsheet dropped ("Tierheim in 1067": 01067 Dresden) and five split by a space ("in 341 27": 34127 Kassel).

Such a number is a code only after a place cue (data/nlu/postal_codes.toml), as the whole message, or split after
its first two digits as on letters at the end of the message after a content word ("Tierheim 34 127"), never before a
unit ("um 1445 Uhr", "in 1099 Euro"), never where it may be a year unless a postal-code cue says so ("in 1848" is a
year, "PLZ 1848" Hohnstein), and never beside another named place ("Tierheim Kassel in 1445"). The gazetteer's
read_postal_code decides whether the code exists; every other surface (web, posting, imports) reads through it too.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span

from nlu.kernel.gazetteer import Gazetteer, Place
from nlu.word_lists import folded_set, read_toml

_CLOCK_HOURS = 24
_CLOCK_MINUTES = 60


@cache
def _words() -> dict[str, frozenset[str]]:
    """Returns the cue and unit lists of postal_codes.toml, folded."""
    raw = read_toml("postal_codes.toml")
    return {key: folded_set(raw[key]) for key in ("place_cues", "code_cues", "weak_cues", "units")}


def postal_code_at(doc: Doc, i: int, gazetteer: Gazetteer) -> tuple[int, Place] | None:
    """Returns where a postal code starting at token i ends and its place: five digits anywhere, four (a lost
    zero) or five split by a space only where the words around make them a place."""
    text = doc[i].text.rstrip(".")
    if len(text) == 5 and (place := gazetteer.by_postal_code(text)):
        return i + 1, place
    end = i + 2 if _split_code(doc, i) else i + 1
    written = doc[i:end].text.rstrip(".")
    if end == i + 1 and not (len(text) == 4 and text.isascii() and text.isdigit()):
        return None
    cue = _cue_before(doc, i, written)
    alone = i == 0 and end == len(doc)
    if not (cue or alone or _closing_letter_code(doc, i, end)) or _unit_after(doc, end):
        return None
    code = gazetteer.read_postal_code(written, year_possible=cue != "code")
    place = gazetteer.by_postal_code(code) if code else None
    return (end, place) if place else None


def _split_code(doc: Doc, i: int) -> bool:
    """Tells whether tokens i and i+1 are five digits split by one space ("341 27")."""
    if i + 1 >= len(doc) or doc[i].whitespace_ != " ":
        return False
    first, second = doc[i].text, doc[i + 1].text.rstrip(".")
    return first.isdigit() and second.isdigit() and len(first) + len(second) == 5 and min(len(first), len(second)) >= 2


def _closing_letter_code(doc: Doc, i: int, end: int) -> bool:
    """Tells whether a code split after its first two digits, as on letters ("Tierheim 34 127"), closes the message
    right after a word that is no function word nor number: a person who puts it there names where. "für 12 345",
    "mit 10 000" stay amounts; whether the code exists is the gazetteer's to say."""
    return (
        end == i + 2 and len(doc[i].text) == 2 and i > 0 and doc[i - 1].is_alpha and not doc[i - 1].is_stop
        and all(token.is_punct for token in doc[end:])
    )


def _cue_before(doc: Doc, i: int, written: str) -> str | None:
    """Returns "code" after a postal-code cue, "place" after a place cue (a weak one only before a number that is
    no clock time), None otherwise. A colon may stand between ("PLZ: 1067")."""
    before = i - 1
    if before >= 0 and doc[before].text == ":":
        before -= 1
    if before < 0:
        return None
    norm, words = doc[before].norm_, _words()
    if norm in words["code_cues"]:
        return "code"
    if norm in words["place_cues"] or (norm in words["weak_cues"] and not _clock_time(written)):
        return "place"
    return None


def _clock_time(written: str) -> bool:
    """Tells whether four digits read as a time of day ("1445": 14:45)."""
    if len(written) != 4 or not written.isdigit():
        return False
    return int(written[:2]) < _CLOCK_HOURS and int(written[2:]) < _CLOCK_MINUTES


def _unit_after(doc: Doc, end: int) -> bool:
    """Tells whether a unit follows the number ("1445 Uhr", "1099 Euro", "1067 Stunden")."""
    return end < len(doc) and doc[end].norm_ in _words()["units"]


def without_guessed_codes(mentions: list[Span]) -> list[Span]:
    """Drops codes read from four digits or a split number when the message names another place: "Tierheim
    Kassel in 1445" searches Kassel."""
    guessed = [m for m in mentions if _guessed(m)]
    if not guessed or len(guessed) == len(mentions):
        return mentions
    return [m for m in mentions if not _guessed(m)]


def _guessed(mention: Span) -> bool:
    """Tells whether a place mention is a postal code that was not written as five digits in one piece."""
    text = mention.text.rstrip(".")
    return text.replace(" ", "").isdigit() and (len(mention) > 1 or len(text) == 4)
