"""Distances between places and the nearest place to a point."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator

from nlu.kernel.place_types import Place


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Returns the great-circle distance between two points in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(min(1.0, h)))


def far_apart(places: Iterable[Place], km: float) -> list[Place]:
    """Keeps the first (best) place of each group of same-named places closer than km to each other."""
    kept: list[Place] = []
    for place in places:
        if all(haversine_km(place.lat, place.lon, other.lat, other.lon) > km for other in kept):
            kept.append(place)
    return kept


class PlaceGrid:
    """Places in roughly square cells (about 11 x 11 km), searched ring by ring outwards from a point."""

    LAT_STEP, LON_STEP = 0.1, 0.16
    MIN_CELL_KM = 10.0  # the smaller side of a cell anywhere in Germany (47-55 degrees north)

    def __init__(self, places: Iterable[Place]) -> None:
        self.cells: defaultdict[tuple[int, int], list[Place]] = defaultdict(list)
        for place in places:
            self.cells[self._cell(place.lat, place.lon)].append(place)
        self.all = [p for cell in self.cells.values() for p in cell]

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / self.LAT_STEP), math.floor(lon / self.LON_STEP)

    def nearest(self, lat: float, lon: float) -> Place:
        """Returns the nearest place; a point far outside Germany falls back to scanning everything."""
        y, x = self._cell(lat, lon)
        best: tuple[float, Place] | None = None
        for ring in range(60):
            if best is not None and (ring - 1) * self.MIN_CELL_KM > best[0]:
                return best[1]  # every cell further out is farther away than the best place found
            for cell in self._ring(y, x, ring):
                for place in self.cells.get(cell, ()):
                    distance = haversine_km(lat, lon, place.lat, place.lon)
                    if best is None or distance < best[0]:
                        best = (distance, place)
        return best[1] if best else min(self.all, key=lambda p: haversine_km(lat, lon, p.lat, p.lon))

    @staticmethod
    def _ring(y: int, x: int, ring: int) -> Iterator[tuple[int, int]]:
        """Yields the cells at exactly `ring` steps from a cell."""
        for dy in range(-ring, ring + 1):
            step = 1 if abs(dy) == ring else 2 * ring or 1
            for dx in range(-ring, ring + 1, step):
                yield (y + dy, x + dx)
