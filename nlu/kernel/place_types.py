"""The gazetteer's records (Place, District), their order, and the ids of the municipalities GeoNames lacks."""

from __future__ import annotations

from dataclasses import dataclass

STARTING_STATES = ("05", "13")  # Hessen and Sachsen: preferred only when everything else is equal
# Ids from here on are municipalities GeoNames lacks, added from postal-code place names (data/build_postal_towns.py);
# their population is unknown, and a GeoNames place of the same size comes first.
ADDED_ID_BASE = 1_000_000_000


def is_added_id(place_id: int) -> bool:
    """Tells whether a place id is one of the municipalities added from postal-code names."""
    return place_id >= ADDED_ID_BASE


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
