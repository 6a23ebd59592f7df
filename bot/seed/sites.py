"""Where demo listings are: gazetteer places as sites, jittered points and plausible postal codes."""

from __future__ import annotations

import math
import random
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from nlu.kernel.gazetteer import Gazetteer, Place, get_gazetteer, haversine_km
from nlu.kernel.place_files import read_table
from nlu.kernel.resources import data_path

BIG_CITY = 100_000  # from here on, listings name city quarters ("Kassel-Nordstadt")
UNKNOWN_POPULATION = 500  # GeoNames lists some places with population 0; they are villages
_QUALIFIER = re.compile(r"\s*(\(.*\)|/.*| vor der Höhe| im Odenwald| in Hessen)$")


@dataclass(frozen=True, slots=True)
class Site:
    """A gazetteer place as the demo uses it: names for texts, position, region and a weight."""

    place_id: int
    name: str  # the gazetteer's display name, stored as place_name ("Oberursel (Taunus)")
    short: str  # for titles and organisation names ("Oberursel")
    state_code: str
    state: str
    district: str | None
    population: int
    lat: float
    lon: float

    @property
    def big(self) -> bool:
        """Tells whether the place is a city with quarters worth naming."""
        return self.population >= BIG_CITY


def site(place: Place) -> Site:
    """Turns a gazetteer place into a site."""
    return Site(
        place_id=place.id,
        name=place.name,
        short=short_name(place.name),
        state_code=place.state_code,
        state=place.state,
        district=place.district,
        population=place.population or UNKNOWN_POPULATION,
        lat=place.lat,
        lon=place.lon,
    )


def short_name(name: str) -> str:
    """Drops qualifiers people leave out in names: "Friedberg (Hessen)" -> "Friedberg"."""
    return _QUALIFIER.sub("", name).strip() or name


def real_quarter(where: Site, drawn: int, gazetteer: Gazetteer | None = None) -> str:
    """Returns one of the city's own quarters (the `drawn`th, counting round), or "" for a city the gazetteer knows
    no quarters of: a title then names the city alone."""
    gazetteer = gazetteer or get_gazetteer()
    city = gazetteer.get(where.place_id)
    quarters = gazetteer.quarters_of(city) if city is not None else []
    # a quarter named with its city ("Hamburg-Mitte", a borough) is left out: titles write "{place}-{quarter}", and
    # "Hamburg-Hamburg-Mitte" or "im Stadtteil Mitte" would be no name anyone uses
    prefix = f"{short_name(city.name)}-" if city is not None else ""
    names = [name for name in (short_name(quarter.name) for quarter in quarters) if not name.startswith(prefix)]
    return names[drawn % len(names)] if names else ""


def district_sites(state_code: str, gazetteer: Gazetteer | None = None) -> dict[str, list[Site]]:
    """Returns the sites of every district of a state, largest first, districts in name order."""
    gazetteer = gazetteer or get_gazetteer()
    result = {}
    for district in sorted(gazetteer.districts(state_code), key=lambda d: d.name):
        sites = [site(place) for place in gazetteer.places_in_district(district.name) if is_geonames(place)]
        if not sites:
            raise ValueError(f"the gazetteer has no places in district {district.name!r}")
        result[district.name] = sites
    return result


def city_site(name: str, gazetteer: Gazetteer | None = None) -> Site:
    """Returns the largest place of this name (the city, not a namesake village)."""
    places = (gazetteer or get_gazetteer()).lookup(name)
    if not places:
        raise ValueError(f"the gazetteer does not know {name!r}")
    return site(max(places, key=lambda place: place.population))


def all_sites(gazetteer: Gazetteer | None = None) -> list[Site]:
    """Returns every German place of the gazetteer as a site, in a stable order."""
    gazetteer = gazetteer or get_gazetteer()
    places = (gazetteer.get(place_id) for _, ids in gazetteer.surface_forms() for place_id in ids)
    unique = {place.id: place for place in places if is_geonames(place)}
    return [site(unique[place_id]) for place_id in sorted(unique)]


def is_geonames(place: Place) -> bool:
    """Tells a GeoNames place from a municipality added from postal-code names: demo and benchmark listings lie in
    GeoNames places only, whose population weighs them, so the demo data stay as they were."""
    return not place.is_added


def spread_km(population: int) -> float:
    """How far from a place's point its listings may lie: a few hundred metres in a village, km in a city."""
    return min(9.0, 0.4 + math.sqrt(population) / 250)


def jitter(rng: random.Random, where: Site) -> tuple[float, float]:
    """Returns a point spread evenly over a disc around the site (rounded to about 10 metres)."""
    distance = spread_km(where.population) * math.sqrt(rng.random())
    angle = rng.random() * 2 * math.pi
    lat = where.lat + distance * math.cos(angle) / 111.2
    lon = where.lon + distance * math.sin(angle) / (111.2 * math.cos(math.radians(where.lat)))
    return round(lat, 5), round(lon, 5)


class PostalCodes:
    """The postal codes of each place, to give an address the code of the nearest code area."""

    def __init__(self, codes: dict[int, list[tuple[str, float, float]]]) -> None:
        self._codes = codes

    @classmethod
    def load(cls) -> PostalCodes:
        """Reads the gazetteer's postal code file (code, centroid, place it belongs to)."""
        codes: defaultdict[int, list[tuple[str, float, float]]] = defaultdict(list)
        columns = ["postal_code", "lat", "lon", "place_id", "state_code"]
        for code, lat, lon, place_id, _state in read_table(data_path("places", "postal_codes.tsv"), columns):
            codes[int(place_id)].append((code, float(lat), float(lon)))
        return cls(dict(codes))

    def nearest(self, where: Site, lat: float, lon: float, *, fallback: Sequence[Site] = ()) -> str | None:
        """Returns the place's code nearest to the point; else a code of a neighbour; else None. Only codes
        within 8 km count: a place whose point lies far from its codes (GeoNames puts Ostrau in Mittelsachsen
        17 km from 04749, the code the post names for it) gets a neighbour's code or none."""
        candidates = [c for c in self._codes.get(where.place_id, ()) if haversine_km(lat, lon, c[1], c[2]) <= 8.0]
        if not candidates:
            candidates = [code for other in fallback for code in self._codes.get(other.place_id, ())]
            candidates = [c for c in candidates if haversine_km(lat, lon, c[1], c[2]) <= 8.0]
        if not candidates:
            return None
        return min(candidates, key=lambda c: (c[1] - lat) ** 2 + (c[2] - lon) ** 2)[0]


@cache
def postal_codes() -> PostalCodes:
    """Returns the process-wide postal code table."""
    return PostalCodes.load()
