"""Turning a place answer (name, postal code, street address, shared location, a candidate button) into a place.

Clubs write their place the way they would on a letter: "Kassel", "34117 Kassel", "plz 34127",
"Wasserturmstraße 5, Kassel" or "Wasserturmstr. 5 34117 Kassel". A postal code places the listing most
precisely; otherwise the town does. The street part is kept as the listing's address, never guessed.
A name that is not found but close to known places comes back as candidates to press ("Meintest du …?").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bot.posting.answers import Answer
from bot.posting.validate import Invalid, clean_text
from nlu.namesakes import near_towns
from nlu.place_field import read_place_field
from nlu.kernel.gazetteer import Gazetteer, Place
from nlu.kernel.geo import far_apart
from nlu.kernel.place_distances import SAME_TOWN_KM
from nlu.kernel.postal_codes import WrittenCode, postal_code_in

MAX_CANDIDATES = 6
MAX_NEAR_MISSES = 3
MAX_ADDRESS_LENGTH = 120

_LOST_ZERO = re.compile(r"(\d{4})(?!\d)")  # at the start only: a street's house number comes after its name
_POSTAL_WORD = re.compile(r"^\s*(?:plz|postleitzahl|postcode|postal\s+code|zip)\s*[:.]?\s*", re.IGNORECASE)
# A street part: a word ending like a street (Wasserturmstraße, Hauptstr., Am Markt is caught by the number)
# or any part with a house number ("Am Markt 3", "Königsplatz 12a").
_STREET_WORD = re.compile(
    r"(stra(ss|ß)e|str\.?|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad|markt|hof|berg)\b",
    re.IGNORECASE,
)
_HOUSE_NUMBER = re.compile(r"\b\d{1,4}\s?[a-zA-Z]?(?:\s?[-/]\s?\d{1,4}[a-zA-Z]?)?\b")


def resolve_place(answer: Answer, gazetteer: Gazetteer) -> dict[str, Any]:
    """Returns {"place": {...}} or {"candidates": [...], "near_miss": bool}; raises Invalid when nothing fits."""
    if answer.location is not None:
        lat, lon = answer.location
        if not (47.0 <= lat <= 55.2 and 5.5 <= lon <= 15.5):
            raise Invalid("posting.invalid.place_outside")
        nearest = gazetteer.nearest(lat, lon)
        return {"place": _as_dict(nearest, lat=lat, lon=lon)}
    if answer.choice and answer.choice.isdigit():
        try:
            return {"place": _as_dict(gazetteer.get(int(answer.choice)))}
        except KeyError:
            raise Invalid("posting.invalid.choice") from None
    text = _POSTAL_WORD.sub("", clean_text(answer.text or "")).strip(" ,;")
    if not text:
        raise Invalid("posting.invalid.place", suggestions="")
    if (short := _LOST_ZERO.match(text)) and (code := gazetteer.read_postal_code(short.group(1))):
        text = code + text[short.end():]  # "1067 Dresden" copied from a spreadsheet that dropped the zero
    postal = postal_code_in(text, answer=True)  # "34127", "34 127"
    if postal:
        return _by_postal_code(text, postal, gazetteer)
    digits = text.replace(" ", "")
    if digits.isdigit():  # only a number: a postal code written with a space, or with a digit missing or too many
        postal = postal_code_in(digits)
        if postal:
            return _by_postal_code(digits, postal, gazetteer)
        raise Invalid("posting.invalid.postal_code_digits", code=text, digits=len(digits))
    return _by_name(text, gazetteer)


def _by_postal_code(text: str, postal: WrittenCode, gazetteer: Gazetteer) -> dict[str, Any]:
    """Places by the postal code; the words before it (or before a comma) are the street."""
    code = postal.code
    found = gazetteer.by_postal_code(code)
    if found is None:
        raise Invalid("posting.invalid.postal_code", code=code)
    before = text[: postal.start].strip(" ,;")
    after = text[postal.end:].strip(" ,;")
    address = before if _looks_like_street(before) else None
    if address is None and "," in after:  # "34117 Kassel, Wasserturmstraße 5"
        street = after.split(",", 1)[1].strip()
        address = street if _looks_like_street(street) else None
    return {"place": _as_dict(found, address=address)}


def _by_name(text: str, gazetteer: Gazetteer) -> dict[str, Any]:
    """Places by a town's name, with or without a street before it; near misses come back to press."""
    for town, address in _splits(text):
        if any(character.isdigit() for character in town) or (
            "," in town and any(_looks_like_street(part.strip()) for part in town.split(","))
        ):
            continue  # "Wasserturmstraße 5, Kassel", "Am Markt, Kassel", "3 Marburg": the chat's reading would find
            # the town in a reading that is no town's name and lose the street or its number; "Wehlheiden, Kassel"
            # and "Leipzig, Plagwitz" are read as the chat, the web and `places` read them
        reading = read_place_field(town)  # as the chat reads it: "Wehlheiden", "ffm", "Bornheim" asked
        if reading.place is not None:
            # A listing's place must be exact: where the search takes the largest namesake ("Frankfurt"), the club
            # picks among the far-apart towns of that very name (Frankfurt (Oder) too)
            namesakes = [place for place in far_apart(gazetteer.lookup(town), SAME_TOWN_KM)
                         if place.id != reading.place.id]
            if namesakes:
                return {"candidates": [_as_dict(place, address=address)
                                       for place in [reading.place, *namesakes][:MAX_CANDIDATES]],
                        "near_miss": False}
            return {"place": _as_dict(reading.place, address=address)}
        if reading.places and not reading.guessed:  # far-apart namesakes, or a whole state's cities
            return {"candidates": _told_apart([_as_dict(place, address=address)
                                               for place in reading.places[:MAX_CANDIDATES]], reading.places),
                    "near_miss": False}
    town, address = _splits(text)[-1]
    reading = read_place_field(town)
    near = list(reading.places[:MAX_NEAR_MISSES]) if reading.guessed else gazetteer.search(town, limit=MAX_NEAR_MISSES)
    if near:
        return {"candidates": [_as_dict(place, address=address) for place in near], "near_miss": True}
    raise Invalid("posting.invalid.place", suggestions="")


def _splits(text: str) -> list[tuple[str, str | None]]:
    """Ways to read the text as (town, street): whole text first, then after a comma, then its last words."""
    readings: list[tuple[str, str | None]] = [(text, None)]
    if "," in text:
        head, _, tail = text.rpartition(",")
        head, tail = head.strip(), tail.strip()
        if tail and _looks_like_street(head):
            readings.append((tail, head))
        elif head and _looks_like_street(tail):  # "Kassel, Wasserturmstraße 5"
            readings.append((head, tail))
    words = text.replace(",", " ").split()
    for size in (3, 2, 1):
        if len(words) > size:
            street = " ".join(words[:-size])
            if _looks_like_street(street):
                readings.append((" ".join(words[-size:]), street))
    return readings


def _looks_like_street(text: str) -> bool:
    """True for a street with or without a house number ("Wasserturmstraße 5", "Am Markt 3")."""
    if not text or len(text) > MAX_ADDRESS_LENGTH or not re.search(r"[A-Za-zÄÖÜäöüß]{2}", text):
        return False
    return bool(_STREET_WORD.search(text) or _HOUSE_NUMBER.search(text))


def _told_apart(candidates: list[dict[str, Any]], places: Sequence[Place]) -> list[dict[str, Any]]:
    """Adds to namesakes that would read alike the town near them ("near": nlu.namesakes)."""
    for candidate, near in zip(candidates, near_towns(places[:len(candidates)]), strict=True):
        if near:
            candidate["near"] = near
    return candidates


def _as_dict(place: Place, *, lat: float | None = None, lon: float | None = None,
             address: str | None = None) -> dict[str, Any]:
    """Stores a place in the draft as plain JSON."""
    stored: dict[str, Any] = {
        "id": place.id,
        "name": place.name,
        "lat": round(lat if lat is not None else place.lat, 6),
        "lon": round(lon if lon is not None else place.lon, 6),
        "state": place.state,
        "district": place.district,
        "postal_code": place.postal_code,
    }
    if address:
        stored["address"] = address[:MAX_ADDRESS_LENGTH]
    return stored
