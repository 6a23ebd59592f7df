"""Fictional volunteers' ads for the demo, so organisations have something to find (data/demo/ads.toml).

Their people are made-up records with Telegram ids below DEMO_TELEGRAM_IDS (negative: no person and no group
has them), so nothing the bot sends for them can reach anybody. Running it again replaces the demo ads.
"""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete

from bot.ads.model import AdContent, AdPlace
from bot.domain import AdStatus, PlacePrecision
from bot.store.db import Database
from bot.store.models import Volunteer, VolunteerAd
from nlu.kernel.gazetteer import get_gazetteer
from nlu.kernel.resources import data_path

DEMO_TELEGRAM_IDS = -9_000_000_000  # the demo people count down from here
AD_DAYS = 60


def demo_ads() -> list[AdContent]:
    """Reads the demo ads; a town the gazetteer does not know stops the run (a typo in the file)."""
    raw: dict[str, Any] = tomllib.loads(data_path("demo", "ads.toml").read_text(encoding="utf-8"))
    found = []
    for entry in raw["ad"]:
        place = _town(entry["place"]) if entry.get("place") else None
        found.append(AdContent(
            text=entry["text"], categories=tuple(entry.get("categories", ())), time_tags=tuple(entry.get("time", ())),
            languages=tuple(entry.get("languages", ())), newcomer=bool(entry.get("newcomer", False)), place=place,
            remote=place is None, travel_km=entry.get("travel_km"),
        ))
    return found


async def seed_demo_ads(database: Database, *, now: datetime) -> int:
    """Replaces the demo ads and their made-up people; returns how many ads were written."""
    ads = demo_ads()
    async with database.unit_of_work() as session:
        await session.execute(delete(Volunteer).where(Volunteer.telegram_id <= DEMO_TELEGRAM_IDS,
                                                      Volunteer.telegram_id > DEMO_TELEGRAM_IDS - 10_000))
        for number, ad in enumerate(ads):
            person = Volunteer(telegram_id=DEMO_TELEGRAM_IDS - number, language="de")
            session.add(person)
            await session.flush()
            published = now - timedelta(days=number % 20)
            session.add(VolunteerAd(volunteer_id=person.id, status=AdStatus.PUBLISHED.value, published_at=published,
                                    expires_at=published + timedelta(days=AD_DAYS), **ad.columns()))
    return len(ads)


def _town(name: str) -> AdPlace:
    """Returns the town of that name at its own point."""
    found = get_gazetteer().lookup(name)
    if not found:
        raise ValueError(f"data/demo/ads.toml: unknown town {name!r}")
    place = found[0]
    return AdPlace(place.name, round(place.lat, 2), round(place.lon, 2), place.state, place.district,
                   PlacePrecision.TOWN)
