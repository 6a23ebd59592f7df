"""Distances on the local flat map the search uses, in SQL and in Python alike.

Within the 50 km a search reaches, an equirectangular projection around the centre differs from the
great-circle distance by well under one percent, and it needs only arithmetic: both databases evaluate
it identically and the distance shown is the very one the radius filter used.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

KM_PER_DEGREE_LAT = 111.2


@dataclass(frozen=True, slots=True)
class Frame:
    """A flat map around a centre: kilometres per degree in each direction and the bounding box."""

    lat: float
    lon: float
    km_per_lat: float
    km_per_lon: float

    @classmethod
    def around(cls, lat: float, lon: float) -> Frame:
        """Returns the frame centred on a point."""
        return cls(lat, lon, KM_PER_DEGREE_LAT, KM_PER_DEGREE_LAT * max(math.cos(math.radians(lat)), 0.01))

    def box(self, radius_km: float) -> tuple[float, float, float, float]:
        """Returns (min_lat, max_lat, min_lon, max_lon) enclosing the circle of the radius."""
        dlat, dlon = radius_km / self.km_per_lat, radius_km / self.km_per_lon
        return self.lat - dlat, self.lat + dlat, self.lon - dlon, self.lon + dlon

    def distance_km(self, lat: float, lon: float) -> float:
        """Returns the distance of a point from the centre on this frame."""
        dy = (lat - self.lat) * self.km_per_lat
        dx = (lon - self.lon) * self.km_per_lon
        return math.sqrt(dy * dy + dx * dx)
