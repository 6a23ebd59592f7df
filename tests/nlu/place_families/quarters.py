"""Quarters with their city ("Frankfurt Bornheim", "Bornheim (Frankfurt)"), in lower case as chats write them, as
spoken, and towns the data does not know as quarters written after a large city."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from functools import cache

from nlu.kernel.gazetteer import Place, get_gazetteer, haversine_km
from nlu.kernel.place_files import read_table
from nlu.kernel.resources import data_path
from nlu.kernel.text import fold
from nlu.lexicon import place_rules
from nlu.quarters import QUARTER_COLUMNS
from tests.nlu.place_families.cases import Case, display, framed, named_towns, sample, short_city

QUARTER_FORMS = ("{c} {q}", "{c}-{q}", "{q} in {c}", "{q} ({c})", "{c}, {q}")


@cache
def quarter_pairs() -> tuple[tuple[Place, str, Place], ...]:
    """(city, quarter name as written, quarter place or the city) for every quarter the data knows: the quarter
    table's own names and the quarter aliases of data/nlu/places.toml and data/places/quarters.toml."""
    gazetteer = get_gazetteer()
    seen: set[tuple[int, str]] = set()
    pairs: list[tuple[Place, str, Place]] = []
    for city_id, _population, _key, ids in read_table(data_path("places") / "quarters.tsv", QUARTER_COLUMNS):
        city, quarter = gazetteer.get(int(city_id)), gazetteer.get(int(ids.split(",")[0]))
        name = quarter.name
        for prefix in (city.name, short_city(city)):
            if fold(name).startswith(fold(prefix) + "-") or fold(name).startswith(fold(prefix) + " "):
                name = name[len(prefix) + 1:]
        if (city.id, fold(name)) not in seen and fold(name) != fold(city.name):
            seen.add((city.id, fold(name)))
            pairs.append((city, name, quarter))
    for alias, target in place_rules().aliases.items():
        found = gazetteer.lookup(target)
        if found and (found[0].id, alias) not in seen and found[0].population >= 100_000:
            seen.add((found[0].id, alias))
            pairs.append((found[0], display(alias), found[0]))
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
            for short in dict.fromkeys((city.name, short_city(city))):  # in this order: a set's varies by process
                yield from framed(f"quarter: {form}", form.format(c=short, q=name), points)


def lowercase_quarter_cases(count: int = 200) -> Iterator[Case]:
    """Quarters with their city written all in lower case, as chats do ("leipzig gohlis")."""
    pairs = list(quarter_pairs())
    for city, name, quarter in random.Random(20).sample(pairs, min(count, len(pairs))):
        points = ((city.lat, city.lon), (quarter.lat, quarter.lon))
        for form in QUARTER_FORMS:
            text = form.format(c=short_city(city), q=name).lower()
            yield Case(f"quarter (lower case): {form}", f"suche was mit kindern in {text}", points)


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
            yield from framed("spoken quarter: as spoken", display(form), ((places[0].lat, places[0].lon),))


def unlisted_quarter_cases(count: int = 60) -> Iterator[Case]:
    """A large city written right before another name with no joiner ("Frankfurt Bornheim"): a quarter the data
    does not know, not a namesake town elsewhere. The second names a smaller town at least 30 km away."""
    gazetteer = get_gazetteer()
    cities = [p for p in gazetteer.places_of_at_least(200_000) if gazetteer.quarters_of(p)]
    towns = [t for t in named_towns(gazetteer, 3_000) if t.population < 50_000]
    for number, town in enumerate(sample(towns, count * 3, 18)):
        city = cities[number % len(cities)]
        if min(haversine_km(p.lat, p.lon, city.lat, city.lon) for p in gazetteer.lookup(town.name)) < 30:
            continue
        yield from framed("unlisted quarter: {c} {town}", f"{short_city(city)} {town.name}", ((city.lat, city.lon),))
