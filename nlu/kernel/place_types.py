"""The gazetteer's records (Place, District), their order, and the id scheme of the municipalities GeoNames lacks.

The id scheme lives here alone: data/build_postal_towns.py makes such ids (added_id), data/build_postal_codes.py
reads the postal code back (first_postal_code), and the NLU tells them apart (is_added_id).
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

STARTING_STATES = ("05", "13")  # Hessen and Sachsen: preferred only when everything else is equal
# Ids from here on are municipalities GeoNames lacks, added from postal-code place names (data/build_postal_towns.py):
# ADDED_ID_BASE + first postal code x 100 (+1 for a second name of the same code), stable across rebuilds. Their
# population is unknown, and a GeoNames place of the same size comes first.
ADDED_ID_BASE = 1_000_000_000
_PER_POSTAL_CODE = 100
# Ids from here on are city quarters GeoNames lacks (data/build_quarter_points.py, data/places/quarter_points.toml):
# QUARTER_POINT_ID_BASE + first postal code x 100 (+1 ... for more quarters of that code). They count as added
# places too (is_added_id): population unknown, no GeoNames entry, never a demo listing's place.
QUARTER_POINT_ID_BASE = 2_000_000_000


def is_added_id(place_id: int) -> bool:
    """Tells whether a place id is one of the municipalities added from postal-code names."""
    return place_id >= ADDED_ID_BASE


def added_id(first_postal_code: str, taken: Container[int]) -> int:
    """Returns the id of a municipality added from the place names of postal codes, made from the first of its
    codes; the next free one when another name of that code took it."""
    place_id = ADDED_ID_BASE + int(first_postal_code) * _PER_POSTAL_CODE
    while place_id in taken:
        place_id += 1
    return place_id


def quarter_point_id(first_postal_code: str, taken: Container[int]) -> int:
    """Returns the id of a city quarter added from quarter_points.toml, made from the first of its postal codes;
    the next free one when another quarter of that code took it."""
    place_id = QUARTER_POINT_ID_BASE + int(first_postal_code) * _PER_POSTAL_CODE
    while place_id in taken:
        place_id += 1
    return place_id


def first_postal_code(place_id: int) -> str:
    """Returns the postal code an added municipality's or quarter's id was made from (added_id, quarter_point_id)."""
    base = QUARTER_POINT_ID_BASE if place_id >= QUARTER_POINT_ID_BASE else ADDED_ID_BASE
    return f"{(place_id - base) // _PER_POSTAL_CODE:05d}"


@dataclass(frozen=True, slots=True)
class Place:
    """A German place (town, village or city quarter) with its state, district and position."""

    id: int
    name: str
    state_code: str
    state: str
    district: str | None
    population: int
    lat: float
    lon: float
    postal_code: str | None = None

    @property
    def is_added(self) -> bool:
        """Tells whether this is a municipality added from postal-code names (ADDED_ID_BASE): population unknown,
        no GeoNames entry."""
        return is_added_id(self.id)


@dataclass(frozen=True, slots=True)
class District:
    """A Landkreis or kreisfreie Stadt with a representative point (its seat)."""

    name: str
    kind: str
    state_code: str
    lat: float
    lon: float


def place_rank(place: Place) -> tuple[int, bool, int, int]:
    """Orders places: larger first, then GeoNames before added ones, then Hessen/Sachsen, then by id."""
    return (-place.population, place.is_added, 0 if place.state_code in STARTING_STATES else 1, place.id)
