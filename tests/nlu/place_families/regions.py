"""Towns with the landscape, district or state they lie in ("Aue Erzgebirge", "Lauterbach (Vogelsberg)"), and a
Landkreis named alone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from nlu.kernel.gazetteer import Place, get_gazetteer, haversine_km
from nlu.kernel.text import fold
from nlu.lexicon import place_rules
from nlu.word_lists import read_toml
from tests.nlu.place_families.cases import Case, framed, sample

DISTRICT_FORMS = ("{name}", "Landkreis {short}", "Kreis {short}", "LK {short}", "im Kreis {short}")
REGION_FORMS = ("{n} {r}", "{n} ({r})", "{n}, {r}", "{n} im {r}")


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
    for place in sample(towns, count, 17):
        region = next(r for r in _regions().values() if _in_region(place, r, 30.0))
        for form in REGION_FORMS[: 4 if not region[2] else 3]:
            yield from framed(f"region (any town): {form}", form.format(n=_own_name(place), r=region[0]),
                               ((place.lat, place.lon),))


def district_cases() -> Iterator[Case]:
    """A Landkreis named alone ("Landkreis Mittelsachsen", "Vogelsbergkreis", "Kreis Bergstraße"): its seat, as a
    landscape named alone stands for its town."""
    for district in get_gazetteer().districts():
        if district.kind != "Landkreis":
            continue
        short = re.sub(r"^(Landkreis|Kreis) |-?[Kk]reis$", "", district.name)
        for form in DISTRICT_FORMS:
            yield from framed(f"district: {form}", form.format(name=district.name, short=short),
                               ((district.lat, district.lon),))
