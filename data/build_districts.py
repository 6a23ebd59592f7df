"""Which district (Landkreis or kreisfreie Stadt) a place of Hessen or Sachsen belongs to (build time only; see
build_places.py and data/places/README.md): the district that lists it in districts.toml, else a kreisfreie Stadt it
is named a quarter of ("Wiesbaden-Schierstein"), else the district of the nearest listed town of its state. An
approximation, not legal boundaries.
"""

from __future__ import annotations

import sys
from typing import Protocol, TypeVar

from nlu.kernel.gazetteer import haversine_km
from nlu.kernel.text import fold


class Row(Protocol):
    """The fields of a gazetteer row this module reads and writes (build_place_rows.PlaceRow)."""

    id: int
    name: str
    state_code: str
    lat: float
    lon: float
    alternates: list[str]
    district: str


R = TypeVar("R", bound=Row)


def resolve_town(ref: str | int, state_rows: list[R], district: str) -> R:
    """Finds one listed town of a district by id or by (unique) display name, else by alternate."""
    if isinstance(ref, int):
        hits = [row for row in state_rows if row.id == ref]
    else:
        key = fold(ref)
        hits = [row for row in state_rows if fold(row.name) == key]
        if not hits:
            hits = [row for row in state_rows if key in {fold(a) for a in row.alternates}]
    if len(hits) != 1:
        options = ", ".join(f"{row.name} #{row.id}" for row in hits) or "none"
        sys.exit(f"districts.toml: {district}: town {ref!r} matches {options}; use a unique name or the id")
    return hits[0]


def assign_districts(rows: list[R], districts: list[dict], added: list[R] | None = None) -> list[tuple[dict, R]]:
    """Puts every place of a state with districts into its district; returns each district with its seat.

    Towns are named in districts.toml by GeoNames places (`rows`); `added` places get a district all the same."""
    seats = []
    for state in sorted({d["state"] for d in districts}):
        state_rows = [row for row in rows if row.state_code == state]
        anchors: list[tuple[R, str]] = []
        for district in (d for d in districts if d["state"] == state):
            seat = resolve_town(district["seat"], state_rows, district["name"])
            seats.append((district, seat))
            for ref in [district["seat"], *district["towns"]]:
                anchors.append((resolve_town(ref, state_rows, district["name"]), district["name"]))
        fixed = {row.id: name for row, name in anchors}
        if len(fixed) != len(anchors):
            sys.exit(f"districts.toml: a town is listed twice in state {state}")
        cities = [(d["name"], fold(d["seat"])) for d in districts if d["state"] == state and is_city(d)]
        for row in [*state_rows, *(row for row in added or () if row.state_code == state)]:
            row.district = fixed.get(row.id) or city_by_prefix(row, cities) or nearest_district(row, anchors)
    return seats


def is_city(district: dict) -> bool:
    """Tells a kreisfreie Stadt from a Landkreis."""
    return district["kind"] == "kreisfreie Stadt"


def city_by_prefix(row: Row, cities: list[tuple[str, str]]) -> str | None:
    """Returns the kreisfreie Stadt a place is named after as a quarter ("Wiesbaden-Schierstein")."""
    for name in (row.name, *row.alternates):
        key = fold(name)
        for district, city in cities:
            if key.startswith(city + "-"):
                return district
    return None


def nearest_district(row: Row, anchors: list[tuple[Row, str]]) -> str:
    """Returns the district of the nearest listed town."""
    return min(anchors, key=lambda anchor: haversine_km(row.lat, row.lon, anchor[0].lat, anchor[0].lon))[1]
