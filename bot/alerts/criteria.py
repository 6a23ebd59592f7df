"""What a saved search means, resolved once when it is saved, and the columns that prefilter it in SQL.

The meaning is the search's own: bot.search.criteria merges the parse with the button refinements into a
Criteria exactly as `search` does, so an alert fires for what the person saw when they saved it.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping
from typing import Any

from bot.categories import category_mask
from bot.search.criteria import MAX_RADIUS_KM, Criteria, criteria_from_json, merged_query
from bot.search.place_doubts import ambiguous_places
from bot.search.geo import KM_PER_DEGREE_LAT
from bot.search.model import PlaceRef, Refinement
from bot.search.time_wish import reads_as_choice, wish_mask
from bot.search.understanding import parse_text

DEFAULT_RADIUS_KM = 15.0
# Saved searches are grouped by radius so the SQL prefilter can use a latitude band as narrow as the group
# allows (class 0: no place, i.e. all of Germany or remote). A new listing then reads a few index ranges.
RADIUS_CLASS_BOUNDS_KM = (10.0, 25.0, 50.0, 100.0, MAX_RADIUS_KM)


class EmptySearch(ValueError):
    """The search asks for nothing (no interest, place or filter): there is nothing to alert about."""


class AmbiguousPlace(ValueError):
    """The text names a place that exists far apart; the person picks one (Refinement.place) first."""

    def __init__(self, candidates: tuple[PlaceRef, ...]) -> None:
        super().__init__(f"the place is ambiguous: {', '.join(place.name for place in candidates)}")
        self.candidates = candidates


def resolve(
    text: str,
    refinement: Refinement,
    *,
    query: Mapping[str, Any] | None = None,
    default_radius_km: float = DEFAULT_RADIUS_KM,
) -> tuple[dict[str, Any], Criteria]:
    """Returns the query to store (parse plus refinements, radius fixed) and the Criteria it means."""
    merged = merged_query(query if query is not None else parse_text(text), refinement)
    criteria = criteria_from_json(merged, default_radius_km=default_radius_km)
    if not criteria.asks_anything:
        raise EmptySearch("an empty search cannot be saved")
    candidates = ambiguous_places(criteria)
    if candidates:
        raise AmbiguousPlace(candidates)
    # The default radius may change in the settings later; a saved search keeps the one it was saved with.
    merged["radius_km"] = criteria.radius_km
    merged["place_candidates"] = []
    return merged, criteria


def stored_criteria(filters: object) -> Criteria | None:
    """Returns the Criteria of a stored saved search; None when the record holds no readable query."""
    stored = filters.get("query") if isinstance(filters, Mapping) else None
    if not isinstance(stored, Mapping):
        return None
    return criteria_from_json(stored, default_radius_km=DEFAULT_RADIUS_KM)


def criteria_key(criteria: Criteria) -> str:
    """Returns a digest of the meaning, so saving the same search twice finds the first one.

    The place counts by position (to about 10 m), not by its name: "Kassel" and "34117 Kassel" at the same
    point are the same search; order of categories or words carries no meaning.
    """
    place = criteria.place if not criteria.remote else None
    data: dict[str, object] = {
        "categories": sorted(criteria.categories),
        "exclude": sorted(criteria.exclude_categories),
        "place": [round(place.lat, 4), round(place.lon, 4)] if place else None,
        "radius_km": round(criteria.radius_km, 1) if place else None,
        "time": sorted(criteria.time),
        "languages": sorted(criteria.languages),
        "remote": criteria.remote,
        "keywords": sorted(criteria.keywords),
    }
    if reads_as_choice(criteria.time, criteria.time_either):  # only then: the digests of all other searches stay
        data["time_either"] = True
    if criteria.whole_state is not None:  # "ganz Sachsen" is not all of Germany (only then, as above)
        data["whole_state"] = criteria.whole_state
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:32]


def prefilter_columns(criteria: Criteria) -> dict[str, Any]:
    """Returns the saved_searches columns that let SQL narrow the searches a new listing may match."""
    place = criteria.place if not criteria.remote else None
    return {
        "criteria_key": criteria_key(criteria),
        "centre_lat": place.lat if place else None,
        "centre_lon": place.lon if place else None,
        "radius_km": criteria.radius_km if place else None,
        "radius_class": radius_class(criteria.radius_km if place else None),
        "category_mask": category_mask(criteria.categories),
        "exclude_mask": category_mask(criteria.exclude_categories),
        "time_mask": wish_mask(criteria.time, criteria.time_either),  # with the choice bit (bot.search.time_wish)
        "remote_only": criteria.remote,
        "has_keywords": bool(criteria.keywords),
        "whole_state": criteria.whole_state,
    }


def radius_class(radius_km: float | None) -> int:
    """Returns the prefilter class of a radius: 0 for no place, else 1 + the index of the first bound it fits."""
    if radius_km is None:
        return 0
    for index, bound in enumerate(RADIUS_CLASS_BOUNDS_KM):
        if radius_km <= bound:
            return index + 1
    return len(RADIUS_CLASS_BOUNDS_KM)


def band_degrees(radius_km: float, lat: float) -> tuple[float, float]:
    """Returns (latitude, longitude) half-widths in degrees that contain every point within radius_km of lat.

    Generous on purpose (longitude measured at the band's pole-ward edge): the exact check follows in Python.
    """
    dlat = radius_km / KM_PER_DEGREE_LAT
    widest = min(89.0, abs(lat) + dlat)
    dlon = radius_km / (KM_PER_DEGREE_LAT * math.cos(math.radians(widest)))
    return dlat, min(dlon, 180.0)
