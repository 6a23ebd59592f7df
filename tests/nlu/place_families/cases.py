"""What every family of place cases shares: the case, the frames a place is written in, the tolerance a right
answer keeps, and the towns and samples the families draw from the gazetteer."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass

from nlu.kernel.gazetteer import Gazetteer, Place, haversine_km
from nlu.kernel.text import fold
from nlu.query import PlaceRef

TOLERANCE_KM = 10.0
# Neutral frames around the place: with a cue, as a note without one, and in English.
FRAMES = (
    "Ich wohne in {p} und würde gern mit Kindern helfen.",
    "{p}, was mit Tieren am Wochenende?",
    "hi, looking for volunteering in {p}, any ideas?",
    "suche ehrenamt {p}",
    "Ich arbeite in {p} und hätte abends Zeit für ältere Leute.",
)
TOWN_MIN = 10_000


@dataclass(frozen=True, slots=True)
class Case:
    """A generated message, the family it belongs to, and the points a right answer lies near."""

    family: str
    text: str
    points: tuple[tuple[float, float], ...]


def near(place: PlaceRef | None, points: tuple[tuple[float, float], ...]) -> bool:
    return place is not None and any(haversine_km(place.lat, place.lon, *p) <= TOLERANCE_KM for p in points)


def display(key: str) -> str:
    """Writes a folded alias as people would ("nieder-eschbach" -> "Nieder-Eschbach")."""
    return re.sub(r"(^|[-\s])(\w)", lambda m: m[1] + m[2].upper(), key)


def framed(family: str, place_text: str, points: tuple[tuple[float, float], ...]) -> Iterator[Case]:
    for frame in FRAMES:
        text = frame.format(p=place_text)
        yield Case(family, text[0].upper() + text[1:] if frame[0] == "{" else text, points)


def short_city(city: Place) -> str:
    """"Frankfurt" for Frankfurt am Main, as people write it with a quarter."""
    return re.split(r" am | an der | \(|/", city.name)[0]


def named_towns(gazetteer: Gazetteer, minimum: int = TOWN_MIN) -> list[Place]:
    """Towns whose name is no ordinary word, one per name (the largest)."""
    seen: set[str] = set()
    towns = []
    for place in sorted(gazetteer.places_of_at_least(minimum), key=lambda p: -p.population):
        key = fold(place.name)
        namesakes = gazetteer.lookup(place.name)
        if any(p.population * 5 >= place.population and haversine_km(p.lat, p.lon, place.lat, place.lon) > 10
               for p in namesakes if p.id != place.id):
            continue  # ambiguous (Schwalbach, Herzberg): the bot asks; not this family's question
        if key in seen or gazetteer.is_common_word_name(key) or gazetteer.quarter(place.name, None) is not None:
            continue
        if gazetteer.city_of(place) is not None:
            continue
        seen.add(key)
        towns.append(place)
    return towns


def sample(items: list[Place], count: int, seed: int) -> list[Place]:
    return random.Random(seed).sample(items, min(count, len(items)))
