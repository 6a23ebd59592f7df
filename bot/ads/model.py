"""The typed ad: what the use cases and the chat read, built from a stored row in one place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.categories import category_mask
from bot.domain import AdStatus, PlacePrecision, time_mask
from bot.store.models import VolunteerAd

MAX_AD_CHARS = 600  # an ad is a few sentences: longer texts are letters, and the card must stay short
MIN_AD_CHARS = 15  # "Kinder" alone says too little for an organisation to answer
TRAVEL_KM_CHOICES = (2, 5, 10, 25, 50)


@dataclass(frozen=True, slots=True)
class AdPlace:
    """Where an ad's person would help: a town or a district, never a closer point."""

    name: str
    lat: float
    lon: float
    state: str | None
    district: str | None
    precision: PlacePrecision  # TOWN or QUARTER (a city district)


@dataclass(frozen=True, slots=True)
class Ad:
    """A volunteer's ad as the domain sees it; no name, handle, phone or e-mail ever lives here."""

    id: int
    text: str
    categories: tuple[str, ...]
    time_tags: tuple[str, ...]
    languages: tuple[str, ...]
    newcomer: bool  # new in Germany, little German: organisations that welcome that find it
    place: AdPlace | None  # None: online only
    remote: bool
    travel_km: int | None
    status: AdStatus
    published_at: datetime | None
    expires_at: datetime | None

    @property
    def content(self) -> AdContent:
        """Returns what the ad says, for editing it."""
        return AdContent(self.text, self.categories, self.time_tags, self.languages, self.newcomer, self.place,
                         self.remote, self.travel_km)

    @property
    def live(self) -> bool:
        """Tells whether organisations can find the ad now."""
        return self.status is AdStatus.PUBLISHED

    @classmethod
    def from_row(cls, row: VolunteerAd) -> Ad:
        """Builds the typed ad from its stored row (unknown stored values read as the safest meaning)."""
        place = None
        if row.place_name and row.lat is not None and row.lon is not None:
            precision = (PlacePrecision.QUARTER if row.place_precision == PlacePrecision.QUARTER.value
                         else PlacePrecision.TOWN)
            place = AdPlace(row.place_name, row.lat, row.lon, row.state, row.district, precision)
        return cls(
            id=row.id,
            text=row.text,
            categories=tuple(row.categories or ()),
            time_tags=tuple(row.time_tags or ()),
            languages=tuple(row.languages or ()),
            newcomer=bool(row.newcomer_friendly),
            place=place,
            remote=bool(row.remote),
            travel_km=row.travel_km,
            status=AdStatus(row.status) if row.status in AdStatus.__members__.values() else AdStatus.PAUSED,
            published_at=row.published_at,
            expires_at=row.expires_at,
        )


@dataclass(frozen=True, slots=True)
class AdContent:
    """What a person says in an ad, confirmed in the chat: everything but its life (status and dates)."""

    text: str
    categories: tuple[str, ...] = ()
    time_tags: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    newcomer: bool = False
    place: AdPlace | None = None
    remote: bool = False
    travel_km: int | None = None

    def columns(self) -> dict[str, object]:
        """Returns the stored columns, the readable lists and their bitmasks alike (the search reads the masks)."""
        place = self.place
        return {
            "text": self.text,
            "categories": list(self.categories),
            "category_mask": category_mask(self.categories),
            "time_tags": list(self.time_tags),
            "time_mask": time_mask(self.time_tags),
            "languages": list(self.languages),
            "newcomer_friendly": self.newcomer,
            "place_name": place.name if place else None,
            "lat": place.lat if place else None,
            "lon": place.lon if place else None,
            "state": place.state if place else None,
            "district": place.district if place else None,
            "place_precision": place.precision.value if place else None,
            "remote": self.remote,
            "travel_km": self.travel_km if place else None,
        }
