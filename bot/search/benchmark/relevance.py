"""Judging a result list against a request's label: precision of the top five by category, radius and time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from bot.search.benchmark.queries import LabelledQuery
from bot.search.time_wish import time_fits
from nlu.kernel.gazetteer import get_gazetteer, haversine_km


@dataclass(frozen=True, slots=True)
class Found:
    """What the judge needs of one result."""

    id: int
    categories: tuple[str, ...]
    lat: float | None
    lon: float | None
    time: tuple[str, ...]
    remote: bool


@dataclass(slots=True)
class Precision:
    """Running precision@5 over many requests: strict (asked radius) and within the radius reported."""

    judged: int = 0
    empty: int = 0
    asked: int = 0  # answered with a question (which of two places far apart?), as the judged sets count it
    strict: list[float] = field(default_factory=list)
    reported: list[float] = field(default_factory=list)

    def add(self, label: LabelledQuery, found: Sequence[Found], reported_radius_km: float | None, *,
            asked: bool = False) -> None:
        """Judges one request's top five; one the search answered by asking which place it meant ("Krobach":
        Korbach or Kronach?) is counted apart, as the chat shows the question, not an empty answer."""
        self.judged += 1
        top = list(found)[:5]
        if asked and not top:
            self.asked += 1
            return
        if not top:
            self.empty += 1
            return
        self.strict.append(sum(relevant(label, hit, label.radius_km) for hit in top) / len(top))
        radius = max(label.radius_km, reported_radius_km or 0.0)
        self.reported.append(sum(relevant(label, hit, radius) for hit in top) / len(top))

    def summary(self) -> str:
        """Returns 'P@5 strict / within reported radius, and how many requests found nothing'."""
        strict = sum(self.strict) / len(self.strict) if self.strict else 0.0
        reported = sum(self.reported) / len(self.reported) if self.reported else 0.0
        asked = f", {self.asked} asked back which place" if self.asked else ""
        return (f"P@5 {strict:.3f} (within reported radius {reported:.3f}); no result for {self.empty}/{self.judged}"
                f"{asked}")


def relevant(label: LabelledQuery, hit: Found, radius_km: float) -> bool:
    """Tells whether a result fits the label's categories, stays within the radius and fits the time."""
    if label.categories and not label.categories & set(hit.categories):
        return False
    if label.remote and not hit.remote:
        return False
    if label.place is not None and not label.remote:
        if hit.lat is None or hit.lon is None:
            return False
        lat, lon = label_point(label.place)
        if haversine_km(lat, lon, hit.lat, hit.lon) > radius_km + 0.05:
            return False
    return time_fits(label.time, hit.time)


@cache
def label_point(place: str) -> tuple[float, float]:
    """Returns the coordinates of a label's place (gazetteer name or postal code)."""
    gazetteer = get_gazetteer()
    found = gazetteer.by_postal_code(place) if place.isdigit() else gazetteer.lookup(place)[0]
    if found is None:
        raise KeyError(place)
    return found.lat, found.lon
