"""Telling namesakes apart in a list to choose from: two villages of one name in one state (the Bornheims near
Landau and near Alzey, Rheinland-Pfalz) read alike as "Bornheim (Rheinland-Pfalz)" where the gazetteer knows no
district for them; each is then named with the nearest town of some size ("bei Landau in der Pfalz")."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from nlu.kernel.gazetteer import Place, get_gazetteer
from nlu.kernel.geo import haversine_km

NEAR_TOWN_POPULATION = 15_000


class Located(Protocol):
    """A place as the lists hold it: a gazetteer place, a search's PlaceRef."""

    @property
    def name(self) -> str: ...
    @property
    def state(self) -> str | None: ...
    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...


def near_towns(places: Sequence[Located]) -> list[str | None]:
    """Returns, for each place, the nearest town of NEAR_TOWN_POPULATION people or more when another place of the
    list bears the same name in the same state (and district, where known), else None."""
    alike = Counter(_shown_as(place) for place in places)
    return [_near_town(place) if alike[_shown_as(place)] > 1 else None for place in places]


def _shown_as(place: Located) -> tuple[str, str | None, str | None]:
    """What a list shows of a place: its name, state and district."""
    return place.name, place.state, getattr(place, "district", None)


def _near_town(place: Located) -> str | None:
    """The nearest town of some size that is not the place itself."""
    towns = [town for town in _towns() if town.name != place.name]
    if not towns:
        return None
    return min(towns, key=lambda town: haversine_km(place.lat, place.lon, town.lat, town.lon)).name


@functools.cache
def _towns() -> tuple[Place, ...]:
    """The gazetteer's towns of NEAR_TOWN_POPULATION people or more."""
    return tuple(get_gazetteer().places_of_at_least(NEAR_TOWN_POPULATION))
