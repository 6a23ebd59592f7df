"""Towns written alone in the ways people write them: a double-named municipality or one of its parts, a name with
its qualifier, two towns as a choice, a town after the city beside it, a town with an area word."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from nlu.kernel.gazetteer import Gazetteer, Place, get_gazetteer, haversine_km
from tests.nlu.place_families.cases import Case, framed, named_towns, sample, short_city

CHOICE_FORMS = ("{a}/{b}", "{a} oder {b}", "{a} bzw. {b}", "{a} oder {b} Umgebung")
AREA_FORMS = (
    "Umgebung {a}", "{a} und Umgebung", "{a} Umgebung", "Raum {a}", "Gegend {a}", "Nähe {a}", "in der Nähe von {a}",
    "Landkreis {a}", "Kreis {a}", "im Raum {a}",
)
AREA_FORMS_EN = ("near {a}", "{a} area", "around {a}", "close to {a}", "in or around {a}", "{a} and surroundings")


def merged_cases() -> Iterator[Case]:
    """Towns merged into a double-named municipality ("Aue-Bad Schlema", "Villingen-Schwenningen"): the double
    name and each part alone (with a cue) lie near the municipality or that part."""
    gazetteer = get_gazetteer()
    for place in gazetteer.places():
        if place.population < 5_000 or gazetteer.city_of(place) is not None:
            continue
        names = {place.name}
        names |= {n for n in _alternates(gazetteer, place) if "-" in n}
        for name in names:
            parts = name.split("-")
            if len(parts) != 2 or not all(p[:1].isupper() and len(p) >= 3 for p in parts):
                continue
            found = [gazetteer.lookup(p) for p in parts]
            near = [[q for q in f if haversine_km(q.lat, q.lon, place.lat, place.lon) <= 15] for f in found]
            if not all(near) or near[0][0].population > 2 * place.population:
                continue  # "Castrop-Rauxel" has a part of no place of its own in the data: nothing to test
            points = ((place.lat, place.lon), *((n[0].lat, n[0].lon) for n in near))
            yield from framed("merged: double name", name, points)
            for part, n in zip(parts, near):
                yield Case("merged: one part", f"Ich wohne in {part} und würde gern mit Kindern helfen.",
                           ((place.lat, place.lon), (n[0].lat, n[0].lon)))


def _alternates(gazetteer: Gazetteer, place: Place) -> list[str]:
    line = gazetteer._lines[place.id]  # noqa: SLF001  (the test reads the raw alternates column)
    return [a for a in line.rstrip("\n").split("\t")[7].split("|") if a]


def qualified_cases() -> Iterator[Case]:
    """Towns whose own name carries a river or region in brackets or after a slash ("Homberg (Efze)",
    "Frankfurt (Oder)"), written in the ways people write it."""
    gazetteer = get_gazetteer()
    for place in gazetteer.places_of_at_least(3_000):
        match = re.match(r"^(?P<n>[^(/]+?)\s*(?:\((?P<q1>[^)]+)\)|/(?P<q2>[^/]+))$", place.name)
        if not match:
            continue
        qualifier = (match["q1"] or match["q2"]).rstrip(".")
        if len(qualifier) < 3:
            continue
        for form in ("{n} ({q})", "{n}/{q}", "{n} {q}"):
            yield from framed(f"qualified: {form}", form.format(n=match["n"], q=qualifier),
                               ((place.lat, place.lon),))


def choice_cases(count: int = 150) -> Iterator[Case]:
    """Two towns offered as a choice: the first named (README conventions: "X oder Y": the first)."""
    gazetteer = get_gazetteer()
    towns = named_towns(gazetteer)
    firsts = sample(towns, count, 14)
    seconds = sample(towns, count, 15)
    frankfurt = gazetteer.lookup("Frankfurt am Main")[0]
    pairs = [(a, b) for a, b in zip(firsts, seconds) if a is not b and haversine_km(a.lat, a.lon, b.lat, b.lon) > 15]
    pairs += [(frankfurt, hanau) for hanau in gazetteer.lookup("Hanau")[:1]]
    for a, b in pairs:
        for form in CHOICE_FORMS:
            a_written = short_city(a) if a is frankfurt else a.name
            yield from framed(f"choice: {form}", form.format(a=a_written, b=b.name), ((a.lat, a.lon),))


def beside_cases(count: int = 150) -> Iterator[Case]:
    """A town written right after the large city it lies beside ("Berlin Schönefeld", "München Garching"): that town.
    Towns 10 to 25 km from a city of 100,000 or more, so that the city itself lies outside the tolerance."""
    gazetteer = get_gazetteer()
    cities = [c for c in gazetteer.places_of_at_least(100_000) if gazetteer.city_of(c) is None]
    pairs = [
        (city, town) for town in named_towns(gazetteer, 3_000) if town.population < 50_000
        for city in cities if 10 < haversine_km(city.lat, city.lon, town.lat, town.lon) <= 25
    ]
    for city, town in random.Random(21).sample(pairs, min(count, len(pairs))):
        yield from framed("beside: {c} {town}", f"{short_city(city)} {town.name}", ((town.lat, town.lon),))


def area_cases(count: int = 150) -> Iterator[Case]:
    """A town with an area word: that town."""
    yield from _with_area_words("area", AREA_FORMS, ("Suche was mit Tieren, {t}.", "{T}, was mit Senioren?"), count, 16)


def area_en_cases(count: int = 100) -> Iterator[Case]:
    """A town with an English area word: that town."""
    yield from _with_area_words("area (en)", AREA_FORMS_EN, ("Looking for something with animals {t}.",), count, 19)


def _with_area_words(
    family: str, forms: tuple[str, ...], frames: tuple[str, ...], count: int, seed: int,
) -> Iterator[Case]:
    """Sampled towns, each written in every area form ("Raum {a}") and that put in every frame ({t}, or {T}
    capitalised at the start of a sentence): that town."""
    for town in sample(named_towns(get_gazetteer()), count, seed):
        for form in forms:
            text = form.format(a=town.name)
            for frame in frames:
                message = frame.format(t=text, T=f"{text[0].upper()}{text[1:]}")
                yield Case(f"{family}: {form}", message, ((town.lat, town.lon),))
