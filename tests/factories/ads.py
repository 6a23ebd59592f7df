"""Factories for the ads tests: volunteers with ads around a town (fictional people, no personal data)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from itertools import count
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.ads.model import AdContent, AdPlace
from bot.domain import AdStatus, PlacePrecision
from bot.store.models import Volunteer, VolunteerAd
from tests.factories.search import NOW

KASSEL_TOWN = AdPlace("Kassel", 51.3166, 9.4912, "Hessen", "Kassel", PlacePrecision.TOWN)
LEIPZIG_TOWN = AdPlace("Leipzig", 51.3397, 12.3731, "Sachsen", "Leipzig", PlacePrecision.TOWN)
HOMEWORK = AdContent(
    text="Ich helfe Schulkindern nachmittags bei den Hausaufgaben, am liebsten in Mathe.",
    categories=("education",), time_tags=("weekday", "daytime"), languages=("en",), place=KASSEL_TOWN, travel_km=10,
)

_telegram_ids = count(9_100_000)


async def make_volunteer(session: AsyncSession, **values: Any) -> Volunteer:
    """Adds a volunteer with a made-up Telegram id."""
    volunteer = Volunteer(telegram_id=values.pop("telegram_id", next(_telegram_ids)), **values)
    session.add(volunteer)
    await session.flush()
    return volunteer


async def make_ad(
    session: AsyncSession, content: AdContent = HOMEWORK, *, volunteer: Volunteer | None = None,
    status: AdStatus = AdStatus.PUBLISHED, published_at: datetime | None = None, **changes: Any,
) -> VolunteerAd:
    """Adds an ad (published a day before NOW, for 60 days, unless told otherwise)."""
    volunteer = volunteer or await make_volunteer(session)
    published = published_at or NOW - timedelta(days=1)
    ad = VolunteerAd(volunteer_id=volunteer.id, status=status.value, published_at=published,
                     expires_at=published + timedelta(days=60),
                     **replace(content, **changes).columns())
    session.add(ad)
    await session.flush()
    return ad
