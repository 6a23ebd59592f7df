"""A part of the searched city named beside it ("Hamburg Altona", "Hamburg Nord", "Frankfurt Nord"): the centre.

The NLU may read "Hamburg Nord" as the city plus a free word "nord". Searched so, "nord" filtered for
listings repeating the word and the centre stayed at the city hall. The gazetteer knows the quarters and
district areas of large cities (nlu.kernel.gazetteer.Gazetteer.quarter, data/places/quarters.tsv): a free word
that names one of the searched city's is taken as where, not as what.

Most cities have no quarter called "Nord" or "Innenstadt" in the place data. A direction word beside such a
city (data/search/areas.toml) centres the search on that part of the city, approximately: a point off the
city's own in that direction, by a distance that grows with the city's size. Nothing tells where the city's
north ends, so the outcome says the centre is approximate (widened "area:<bearing>").
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from bot.search.criteria import Criteria
from bot.search.model import PlaceRef
from nlu.kernel.gazetteer import Place, get_gazetteer, haversine_km
from nlu.kernel.text import fold

DATA = Path(__file__).resolve().parents[2] / "data" / "search" / "areas.toml"
_WORD = re.compile(r"[a-z0-9]+")
AREA = "area"  # the widened step: "area:0" (north of the centre) ... "area:centre"
CENTRE = "centre"
# How far off the city's point its part in a direction is taken to lie: half a typical radius of a city of
# that population (Frankfurt, 650,000 people: 5 km; Kassel, 200,000: 3 km), within these bounds.
_KM_PER_ROOT_PEOPLE = 0.0065
_MIN_SHIFT_KM, _MAX_SHIFT_KM = 1.5, 7.0
_KM_PER_DEGREE = 111.2


@dataclass(frozen=True, slots=True)
class Centred:
    """The criteria centred where the text said, and the approximate part of the city taken, if any."""

    criteria: Criteria
    area: str | None = None  # "area:<bearing in degrees>" or "area:centre": the centre is approximate

    @property
    def widened(self) -> tuple[str, ...]:
        """Returns the step to report ahead of any widening: the centre stands for a part of the city."""
        return (self.area,) if self.area else ()


@dataclass(frozen=True, slots=True)
class _Words:
    bearings: dict[str, float]
    centre: frozenset[str]
    min_population: int


def within_city(criteria: Criteria, text: str) -> Centred:
    """Returns the criteria centred on the quarter, or the part of the city, a word of the text names."""
    if criteria.place is None or criteria.place.postal_code:
        return Centred(criteria)  # a postal code is more precise than any quarter
    gazetteer = get_gazetteer()
    words = list(dict.fromkeys([*criteria.keywords, *_WORD.findall(fold(text))]))
    own = set(_WORD.findall(fold(criteria.place.name)))
    for word in words:
        if len(word) < 3 or word in own:
            continue
        quarter = gazetteer.quarter(word, criteria.place.name)
        if quarter is not None:
            place = PlaceRef(quarter.name, quarter.lat, quarter.lon, quarter.state, None)
            return Centred(_centred(criteria, place, word))
    city = _city(criteria.place)
    if city is None:
        return Centred(criteria)
    table = _area_words()
    for word in words:
        if word in own:
            continue
        if word in table.centre:
            return Centred(_centred(criteria, criteria.place, word), f"{AREA}:{CENTRE}")
        bearing = table.bearings.get(word)
        if bearing is not None:
            return Centred(_centred(criteria, _moved(criteria.place, city, bearing), word), f"{AREA}:{bearing:g}")
    return Centred(criteria)


def _centred(criteria: Criteria, place: PlaceRef, word: str) -> Criteria:
    """Returns the criteria around the place, without the word that named it among the free words."""
    return replace(criteria, place=place, keywords=tuple(other for other in criteria.keywords if other != word))


def _city(place: PlaceRef) -> Place | None:
    """Returns the gazetteer's town at the searched point when it is large enough to have parts."""
    for found in get_gazetteer().lookup(place.name):
        if haversine_km(place.lat, place.lon, found.lat, found.lon) <= 1.0:
            return found if found.population >= _area_words().min_population else None
    return None


def _moved(place: PlaceRef, city: Place, bearing: float) -> PlaceRef:
    """Returns the point of the city's part in the bearing's direction, keeping the city's name."""
    shift = min(max(_KM_PER_ROOT_PEOPLE * math.sqrt(city.population), _MIN_SHIFT_KM), _MAX_SHIFT_KM)
    north = shift * math.cos(math.radians(bearing))
    east = shift * math.sin(math.radians(bearing))
    lat = place.lat + north / _KM_PER_DEGREE
    lon = place.lon + east / (_KM_PER_DEGREE * math.cos(math.radians(place.lat)))
    return replace(place, lat=round(lat, 5), lon=round(lon, 5))


@cache
def _area_words() -> _Words:
    """Reads the direction and centre words."""
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    return _Words(
        bearings={fold(word): float(bearing) for word, bearing in data["bearings"].items()},
        centre=frozenset(fold(word) for word in data["centre"]["words"]),
        min_population=int(data["min_population"]),
    )
