"""City quarters: a name resolved inside its city ("Altona" in Hamburg, "Neustadt" in Dresden), never elsewhere.

Read from data/places/quarters.tsv (built by data/build_quarters.py from GeoNames, CC-BY 4.0). The gazetteer
(nlu.kernel.gazetteer.Gazetteer.quarter) uses it; loading takes a few milliseconds on first use.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from nlu.kernel.place_files import read_table
from nlu.kernel.place_types import Place

# The qualifier of a city's name, left out where it stands in brackets after a quarter ("Frankfurt am Main").
_QUALIFIED = re.compile(r"\s+(?:am|an der|im|in der|ob der|vor der)\s.*$|\s*\(.*\)$")

__all__ = ["QUARTER_COLUMNS", "QuarterIndex", "short_city_name", "shown_with_city", "split_city_and_quarter"]

QUARTER_COLUMNS = ["city_id", "city_population", "key", "quarter_ids"]
_BRACKETED = re.compile(r"^(?P<quarter>.+?)\s*\((?P<city>[^)]+)\)$")
_COMMA = re.compile(r"^(?P<first>[^,]+),\s*(?P<second>[^,]+)$")


class QuarterIndex:
    """Quarter names by city, and the city of every quarter."""

    def __init__(
        self, names: dict[tuple[int, str], tuple[int, ...]], populations: dict[int, int] | None = None
    ) -> None:
        self._names = names
        self._population = populations or {}  # city id -> the city's population (quarters.tsv, from places.tsv)
        self._city: dict[int, int] = {}
        self._quarters: defaultdict[int, set[int]] = defaultdict(set)
        self._by_key: defaultdict[str, set[int]] = defaultdict(set)  # folded name -> the cities with such a quarter
        for (city_id, key), quarter_ids in names.items():
            self._by_key[key].add(city_id)
            for quarter_id in quarter_ids:
                self._city[quarter_id] = city_id
                self._quarters[city_id].add(quarter_id)

    @classmethod
    def load(cls, path: Path) -> QuarterIndex:
        """Reads quarters.tsv (the gazetteer's table reader checks its column line)."""
        names: dict[tuple[int, str], tuple[int, ...]] = {}
        populations: dict[int, int] = {}
        for city, population, key, ids in read_table(path, QUARTER_COLUMNS):
            names[(int(city), key)] = tuple(map(int, ids.split(",")))
            populations[int(city)] = int(population)
        return cls(names, populations)

    def find(self, city_id: int, key: str) -> tuple[int, ...]:
        """Returns the ids of the quarters of a city called by a folded name, best first."""
        return self._names.get((city_id, key), ())

    def only_city_with(self, key: str) -> int | None:
        """Returns the id of the one city that has a quarter called by a folded name, None when none or several
        have one ("Südstadt", "Neustadt")."""
        cities = self._by_key.get(key, ())
        return next(iter(cities)) if len(cities) == 1 else None

    def cities_with(self, key: str) -> list[int]:
        """Returns the ids of the cities with a quarter called by a folded name ("suedvorstadt": Dresden, Leipzig)."""
        return sorted(self._by_key.get(key, ()))

    def typical_quarter(self, city_id: int) -> int:
        """Returns how many people a quarter of a city has where its own count is unknown: the city's population
        (quarters.tsv, from places.tsv) shared over the quarters the table knows of it (München: 1.5 million over
        31, about 48,000)."""
        return self._population.get(city_id, 0) // max(1, len(self._quarters.get(city_id, ())))

    def city_of(self, place_id: int) -> int | None:
        """Returns the id of the city a place is a quarter of, None for anything else."""
        return self._city.get(place_id)

    def has_quarters(self, city_id: int) -> bool:
        """Tells whether a place is a city with known quarters."""
        return city_id in self._quarters

    def quarters_of(self, city_id: int) -> frozenset[int]:
        """Returns the ids of a city's quarters."""
        return frozenset(self._quarters.get(city_id, ()))


def split_city_and_quarter(text: str) -> list[tuple[str, str]]:
    """Returns the ways a text may name a city and a quarter, as (city, quarter) pairs to try in order.

    "Hamburg-Altona", "Hamburg Altona", "Hamburg/Altona", "Altona (Hamburg)", "Altona, Hamburg" and
    "Frankfurt am Main-Bornheim" all name a quarter with its city; so do the other orders people type, tried
    after them: "Wehlheiden Kassel", "Kassel (Wehlheiden)".
    """
    text = " ".join(text.split())
    pairs: list[tuple[str, str]] = []
    if match := _BRACKETED.match(text):
        pairs.append((match["city"], match["quarter"]))
    if match := _COMMA.match(text):
        pairs += [(match["second"], match["first"]), (match["first"], match["second"])]
    for index, character in enumerate(text):
        if character in "-/ " and 0 < index < len(text) - 1:
            pairs.append((text[:index].strip(" -/"), text[index + 1 :].strip(" -/")))
    pairs += [(quarter, city) for city, quarter in pairs if (quarter, city) not in pairs]
    return [(city, quarter) for city, quarter in pairs if city and quarter]


def quarter_of(written: str, city: Place) -> Place:
    """Returns the city as its quarter of that name, for a question between the quarter and a town: "Bornheim
    (Frankfurt)", not "Frankfurt am Main", beside "Bornheim" (by Bonn). The quarter table lacks it, so the point
    is the city's, and choosing it searches the city; its population is unknown (0), not the city's."""
    short = _QUALIFIED.sub("", city.name)
    return replace(city, name=f"{written[:1].upper()}{written[1:]} ({short})", population=0)


def short_city_name(city: Place) -> str:
    """Returns a city's name without its qualifier, as it stands in brackets after a quarter ("Frankfurt")."""
    return _QUALIFIED.sub("", city.name)


def shown_with_city(place: Place, city: Place | None) -> Place:
    """Returns a quarter GeoNames lacks (data/places/quarter_points.toml) under its name with its city, at its own
    point: "Wehlheiden (Kassel)", as quarter_of names one the data lacks; any other place as it is."""
    if city is None or not place.is_added or place.name.endswith(f" ({short_city_name(city)})"):
        return place  # named with its city already (nlu.quarter_namesakes)
    return replace(place, name=f"{place.name} ({short_city_name(city)})")
