"""Systematic place cases generated from the gazetteer's own data, not from any labelled message.

Each family is one way people write a place (a quarter with its city, a town with its region, two towns offered
as a choice, an area word around a town) filled in for every entry the data knows, inside a few neutral frames.
A case is right when the parsed place lies within 10 km of one of its accepted points (the evaluation's
tolerance), so a namesake elsewhere always fails. `python -m tests.nlu.place_families [--failures N]` prints
the score of every family; tests/nlu/test_place_families.py asserts floors on deterministic samples.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from nlu.kernel.gazetteer import Gazetteer, Place, get_gazetteer, haversine_km
from nlu.kernel.place_files import read_table
from nlu.kernel.resources import data_path
from nlu.kernel.text import fold
from nlu.lexicon import place_rules
from nlu.query import ParsedQuery, PlaceRef
from nlu.quarters import QUARTER_COLUMNS
from nlu.word_lists import read_toml

TOLERANCE_KM = 10.0
# Neutral frames around the place: with a cue, as a note without one, and in English.
FRAMES = (
    "Ich wohne in {p} und würde gern mit Kindern helfen.",
    "{p}, was mit Tieren am Wochenende?",
    "hi, looking for volunteering in {p}, any ideas?",
    "suche ehrenamt {p}",
    "Ich arbeite in {p} und hätte abends Zeit für ältere Leute.",
)
QUARTER_FORMS = ("{c} {q}", "{c}-{q}", "{q} in {c}", "{q} ({c})", "{c}, {q}")
CHOICE_FORMS = ("{a}/{b}", "{a} oder {b}", "{a} bzw. {b}", "{a} oder {b} Umgebung")
AREA_FORMS = (
    "Umgebung {a}", "{a} und Umgebung", "{a} Umgebung", "Raum {a}", "Gegend {a}", "Nähe {a}", "in der Nähe von {a}",
    "Landkreis {a}", "Kreis {a}", "im Raum {a}",
)
AREA_FORMS_EN = ("near {a}", "{a} area", "around {a}", "close to {a}", "in or around {a}", "{a} and surroundings")
DISTRICT_FORMS = ("{name}", "Landkreis {short}", "Kreis {short}", "LK {short}", "im Kreis {short}")
REGION_FORMS = ("{n} {r}", "{n} ({r})", "{n}, {r}", "{n} im {r}")
_TOWN_MIN = 10_000


@dataclass(frozen=True, slots=True)
class Case:
    """A generated message, the family it belongs to, and the points a right answer lies near."""

    family: str
    text: str
    points: tuple[tuple[float, float], ...]


def _near(place: PlaceRef | None, points: tuple[tuple[float, float], ...]) -> bool:
    return place is not None and any(haversine_km(place.lat, place.lon, *p) <= TOLERANCE_KM for p in points)


def _display(key: str) -> str:
    """Writes a folded alias as people would ("nieder-eschbach" -> "Nieder-Eschbach")."""
    return re.sub(r"(^|[-\s])(\w)", lambda m: m[1] + m[2].upper(), key)


def _framed(family: str, place_text: str, points: tuple[tuple[float, float], ...]) -> Iterator[Case]:
    for frame in FRAMES:
        text = frame.format(p=place_text)
        yield Case(family, text[0].upper() + text[1:] if frame[0] == "{" else text, points)


def _short_city(city: Place) -> str:
    """"Frankfurt" for Frankfurt am Main, as people write it with a quarter."""
    return re.split(r" am | an der | \(|/", city.name)[0]


@cache
def quarter_pairs() -> tuple[tuple[Place, str, Place], ...]:
    """(city, quarter name as written, quarter place or the city) for every quarter the data knows: the quarter
    table's own names and the quarter aliases of data/nlu/places.toml and data/places/quarters.toml."""
    gazetteer = get_gazetteer()
    seen: set[tuple[int, str]] = set()
    pairs: list[tuple[Place, str, Place]] = []
    for city_id, _key, ids in read_table(data_path("places") / "quarters.tsv", QUARTER_COLUMNS):
        city, quarter = gazetteer.get(int(city_id)), gazetteer.get(int(ids.split(",")[0]))
        name = quarter.name
        for prefix in (city.name, _short_city(city)):
            if fold(name).startswith(fold(prefix) + "-") or fold(name).startswith(fold(prefix) + " "):
                name = name[len(prefix) + 1:]
        if (city.id, fold(name)) not in seen and fold(name) != fold(city.name):
            seen.add((city.id, fold(name)))
            pairs.append((city, name, quarter))
    for alias, target in place_rules().aliases.items():
        found = gazetteer.lookup(target)
        if found and (found[0].id, alias) not in seen and found[0].population >= 100_000:
            seen.add((found[0].id, alias))
            pairs.append((found[0], _display(alias), found[0]))
    for alias_city_id, names in read_toml_quarters().items():
        city = gazetteer.get(alias_city_id)
        for alias in names:
            if (city.id, fold(alias)) not in seen:
                seen.add((city.id, fold(alias)))
                pairs.append((city, alias, city))
    return tuple(pairs)


def read_toml_quarters() -> dict[int, list[str]]:
    """The Bezirk and nickname aliases of data/places/quarters.toml, by city id."""
    import tomllib

    raw = tomllib.loads((data_path("places") / "quarters.toml").read_text("utf-8"))
    return {int(city): list(names) for city, names in raw.get("aliases", {}).items()}


def quarter_cases() -> Iterator[Case]:
    for city, name, quarter in quarter_pairs():
        points = ((city.lat, city.lon), (quarter.lat, quarter.lon))
        for form in QUARTER_FORMS:
            for short in {city.name, _short_city(city)}:
                yield from _framed(f"quarter: {form}", form.format(c=short, q=name), points)


def _towns(gazetteer: Gazetteer, minimum: int = _TOWN_MIN) -> list[Place]:
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
            yield from _framed("merged: double name", name, points)
            for part, n in zip(parts, near):
                yield Case("merged: one part", f"Ich wohne in {part} und würde gern mit Kindern helfen.",
                           ((place.lat, place.lon), (n[0].lat, n[0].lon)))


def _alternates(gazetteer: Gazetteer, place: Place) -> list[str]:
    line = gazetteer._lines[place.id]  # noqa: SLF001  (the test reads the raw alternates column)
    return [a for a in line.rstrip("\n").split("\t")[7].split("|") if a]


@cache
def _regions() -> dict[str, tuple[str, tuple[float, float], str]]:
    """Region words people put after a town: landscapes (places.toml qualifiers that are areas) and Landkreise by
    their short name ("Vogelsberg", "Mittelsachsen"): folded word -> (as written, point, district or "")."""
    raw = read_toml("places.toml")
    gazetteer = get_gazetteer()
    regions: dict[str, tuple[str, tuple[float, float], str]] = {}
    areas = {fold(a): a for a in raw["areas"]}
    for key, (lat, lon) in place_rules().qualifiers.items():
        if key in areas:
            regions[key] = (areas[key].title(), (lat, lon), "")
    for district in gazetteer.districts():
        short = re.sub(r"^(Landkreis|Kreis) |-?[Kk]reis$", "", district.name)
        if district.kind != "Landkreis" or short.endswith("s") or gazetteer.lookup(short):
            continue  # "Erzgebirgs" is no word (the landscape "Erzgebirge" is); "Landkreis Fulda" names the town
        regions[fold(short)] = (short, (district.lat, district.lon), district.name)
    return regions


def _in_region(place: Place, region: tuple[str, tuple[float, float], str], km: float = 35.0) -> bool:
    _written, point, district = region
    return place.district == district if district else haversine_km(place.lat, place.lon, *point) <= km


def _own_name(place: Place) -> str:
    """The name without its qualifier ("Neustadt" of "Neustadt an der Weinstraße", "Oelsnitz" of
    "Oelsnitz/Vogtl.")."""
    return re.split(r"\s*[(/,]| an der | am | im | in | bei | ob | auf | unter | a\. ", place.name, maxsplit=1)[0]


def region_cases() -> Iterator[Case]:
    """A name with far-apart namesakes and a region after it: the namesake in that region (landscapes within
    35 km, districts by the gazetteer's district, states by state)."""
    gazetteer = get_gazetteer()
    names: dict[str, list[Place]] = {}
    for place in gazetteer.places_of_at_least(3_000):
        names.setdefault(fold(_own_name(place)), []).append(place)
    for key, places in sorted(names.items()):
        if len(places) < 2 or " " in key:
            continue
        for place in places:
            if gazetteer.city_of(place) is not None:
                continue  # a quarter is a namesake to avoid, not a town to name with its region
            short = _own_name(place)
            others = [p for p in places if p is not place]
            if not all(haversine_km(p.lat, p.lon, place.lat, place.lon) > 60 for p in others):
                continue
            for region in _regions().values():
                if _in_region(place, region) and not any(_in_region(p, region, 60.0) for p in others):
                    for form in REGION_FORMS[: 4 if not region[2] else 3]:
                        yield Case(f"region (namesakes): {form} landscape/district",
                                   f"Ich wohne in {form.format(n=short, r=region[0])} und würde gern helfen.",
                                   ((place.lat, place.lon),))
            if fold(place.state) in place_rules().states and not any(p.state == place.state for p in others):
                for form in REGION_FORMS[:3]:
                    yield Case(f"region (namesakes): {form} state",
                               f"Ich wohne in {form.format(n=short, r=place.state)} und würde gern helfen.",
                               ((place.lat, place.lon),))


def region_town_cases(count: int = 120) -> Iterator[Case]:
    """Any town with its landscape or district after it ("Aue Erzgebirge", "Lauterbach Vogelsberg"): the town, never
    a town standing in for the region."""
    gazetteer = get_gazetteer()
    towns = [p for p in gazetteer.places_of_at_least(5_000) if gazetteer.city_of(p) is None
             and any(_in_region(p, r, 30.0) for r in _regions().values())]
    for place in _sample(towns, count, 17):
        region = next(r for r in _regions().values() if _in_region(place, r, 30.0))
        for form in REGION_FORMS[: 4 if not region[2] else 3]:
            yield from _framed(f"region (any town): {form}", form.format(n=_own_name(place), r=region[0]),
                               ((place.lat, place.lon),))


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
            yield from _framed(f"qualified: {form}", form.format(n=match["n"], q=qualifier),
                               ((place.lat, place.lon),))


def _sample(items: list[Place], count: int, seed: int) -> list[Place]:
    return random.Random(seed).sample(items, min(count, len(items)))


def choice_cases(count: int = 150) -> Iterator[Case]:
    """Two towns offered as a choice: the first named (README conventions: "X oder Y": the first)."""
    gazetteer = get_gazetteer()
    towns = _towns(gazetteer)
    firsts = _sample(towns, count, 14)
    seconds = _sample(towns, count, 15)
    frankfurt = gazetteer.lookup("Frankfurt am Main")[0]
    pairs = [(a, b) for a, b in zip(firsts, seconds) if a is not b and haversine_km(a.lat, a.lon, b.lat, b.lon) > 15]
    pairs += [(frankfurt, hanau) for hanau in gazetteer.lookup("Hanau")[:1]]
    for a, b in pairs:
        for form in CHOICE_FORMS:
            a_written = _short_city(a) if a is frankfurt else a.name
            yield from _framed(f"choice: {form}", form.format(a=a_written, b=b.name), ((a.lat, a.lon),))


def unlisted_quarter_cases(count: int = 60) -> Iterator[Case]:
    """A large city written right before another name with no joiner ("Frankfurt Bornheim"): a quarter the data
    does not know, not a namesake town elsewhere. The second names a smaller town at least 30 km away."""
    gazetteer = get_gazetteer()
    cities = [p for p in gazetteer.places_of_at_least(200_000) if gazetteer.quarters_of(p)]
    towns = [t for t in _towns(gazetteer, 3_000) if t.population < 50_000]
    for number, town in enumerate(_sample(towns, count * 3, 18)):
        city = cities[number % len(cities)]
        if min(haversine_km(p.lat, p.lon, city.lat, city.lon) for p in gazetteer.lookup(town.name)) < 30:
            continue
        yield from _framed("unlisted quarter: {c} {town}", f"{_short_city(city)} {town.name}", ((city.lat, city.lon),))


def beside_cases(count: int = 150) -> Iterator[Case]:
    """A town written right after the large city it lies beside ("Berlin Schönefeld", "München Garching"): that town.
    Towns 10 to 25 km from a city of 100,000 or more, so that the city itself lies outside the tolerance."""
    gazetteer = get_gazetteer()
    cities = [c for c in gazetteer.places_of_at_least(100_000) if gazetteer.city_of(c) is None]
    pairs = [
        (city, town) for town in _towns(gazetteer, 3_000) if town.population < 50_000
        for city in cities if 10 < haversine_km(city.lat, city.lon, town.lat, town.lon) <= 25
    ]
    for city, town in random.Random(21).sample(pairs, min(count, len(pairs))):
        yield from _framed("beside: {c} {town}", f"{_short_city(city)} {town.name}", ((town.lat, town.lon),))


def spoken_quarter_cases() -> Iterator[Case]:
    """A quarter known by its city's alias (places.toml), written as spoken: Hessian drops the final "n" and speaks
    "-heim" as "-haim" ("Sachsehause", "Bockenhaim"), Saxon softens the final "tz" ("Eutritsch"): its city."""
    gazetteer = get_gazetteer()
    for alias, target in sorted(place_rules().aliases.items()):
        places = gazetteer.lookup(target)
        if not alias.isalpha() or len(alias) < 8 or not places or places[0].population < 100_000:
            continue
        spoken = {re.sub(r"en$", "e", alias), alias.replace("ei", "ai"), re.sub(r"tz$", "tsch", alias)} - {alias}
        for form in sorted(spoken):
            yield from _framed("spoken quarter: as spoken", _display(form), ((places[0].lat, places[0].lon),))


def area_cases(count: int = 150) -> Iterator[Case]:
    """A town with an area word: that town."""
    gazetteer = get_gazetteer()
    for town in _sample(_towns(gazetteer), count, 16):
        for form in AREA_FORMS:
            text = form.format(a=town.name)
            yield Case(f"area: {form}", f"Suche was mit Tieren, {text}.", ((town.lat, town.lon),))
            yield Case(f"area: {form}", f"{text[0].upper()}{text[1:]}, was mit Senioren?", ((town.lat, town.lon),))


def area_en_cases(count: int = 100) -> Iterator[Case]:
    """A town with an English area word: that town."""
    gazetteer = get_gazetteer()
    for town in _sample(_towns(gazetteer), count, 19):
        for form in AREA_FORMS_EN:
            text = form.format(a=town.name)
            yield Case(f"area (en): {form}", f"Looking for something with animals {text}.", ((town.lat, town.lon),))


def district_cases() -> Iterator[Case]:
    """A Landkreis named alone ("Landkreis Mittelsachsen", "Vogelsbergkreis", "Kreis Bergstraße"): its seat, as a
    landscape named alone stands for its town."""
    for district in get_gazetteer().districts():
        if district.kind != "Landkreis":
            continue
        short = re.sub(r"^(Landkreis|Kreis) |-?[Kk]reis$", "", district.name)
        for form in DISTRICT_FORMS:
            yield from _framed(f"district: {form}", form.format(name=district.name, short=short),
                               ((district.lat, district.lon),))


def lowercase_quarter_cases(count: int = 200) -> Iterator[Case]:
    """Quarters with their city written all in lower case, as chats do ("leipzig gohlis")."""
    pairs = list(quarter_pairs())
    for city, name, quarter in random.Random(20).sample(pairs, min(count, len(pairs))):
        points = ((city.lat, city.lon), (quarter.lat, quarter.lon))
        for form in QUARTER_FORMS:
            text = form.format(c=_short_city(city), q=name).lower()
            yield Case(f"quarter (lower case): {form}", f"suche was mit kindern in {text}", points)


FAMILIES: dict[str, Callable[[], Iterator[Case]]] = {
    "quarter": quarter_cases, "unlisted": unlisted_quarter_cases, "merged": merged_cases, "region": region_cases,
    "region_town": region_town_cases, "qualified": qualified_cases,
    "choice": choice_cases, "area": area_cases, "area_en": area_en_cases, "district": district_cases,
    "quarter_lower": lowercase_quarter_cases, "beside": beside_cases,
    "spoken_quarter": spoken_quarter_cases,
}


def score(cases: list[Case], parse: Callable[[str], ParsedQuery]) -> dict[str, tuple[int, int, list[tuple[str, str]]]]:
    """Returns family -> (right, total, failures as (text, what was found))."""
    results: dict[str, tuple[int, int, list[tuple[str, str]]]] = {}
    for case in cases:
        place = parse(case.text).place
        right, total, failures = results.get(case.family, (0, 0, []))
        ok = _near(place, case.points)
        if not ok:
            failures.append((case.text, place.name if place else "None"))
        results[case.family] = (right + ok, total + 1, failures)
    return results


def main(argv: list[str] | None = None) -> int:
    from nlu.api import parse, parse_with_rules

    parser = argparse.ArgumentParser(prog="python -m tests.nlu.place_families")
    parser.add_argument("--failures", type=int, default=0, help="list this many failures per family")
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("families", nargs="*", default=list(FAMILIES))
    args = parser.parse_args(argv)
    cases = [case for name in args.families for case in FAMILIES[name]()]
    results = score(cases, parse_with_rules if args.rules_only else parse)
    for family, (right, total, failures) in results.items():
        print(f"{family:55} {right:5}/{total:<5} {right / total:.3f}")
        for text, found in failures[: args.failures]:
            print(f"    {text!r} -> {found}")
    right = sum(r for r, _, _ in results.values())
    total = sum(t for _, t, _ in results.values())
    print(f"{'all':55} {right:5}/{total:<5} {right / total:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
