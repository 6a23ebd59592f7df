"""Small factories for volunteer-side tests: organisations, listings, volunteers and places (fictional data).

Imported by tests in tests/volunteers, tests/alerts, tests/links and tests/privacy as `tests.factories.volunteers`.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from itertools import count
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain import OpportunityStatus
from bot.search.model import PlaceRef
from bot.store.listings import opportunity_row
from bot.store.models import Opportunity, Organisation, Volunteer

# Listings expire relative to the wall clock in the functions that take no `now`, so the tests use it too.
NOW = datetime.now(timezone.utc).replace(microsecond=0)
KASSEL = PlaceRef(name="Kassel", lat=51.3127, lon=9.4797, state="Hessen")
BAUNATAL = PlaceRef(name="Baunatal", lat=51.2519, lon=9.4183, state="Hessen")  # ~8 km from Kassel
FRITZLAR = PlaceRef(name="Fritzlar", lat=51.1339, lon=9.2744, state="Hessen")  # ~24 km from Kassel
GOETTINGEN = PlaceRef(name="Göttingen", lat=51.5413, lon=9.9158, state="Niedersachsen")  # ~38 km from Kassel
LEIPZIG = PlaceRef(name="Leipzig", lat=51.3397, lon=12.3731, state="Sachsen")

_numbers = count(1)


async def make_organisation(session: AsyncSession, **values: Any) -> Organisation:
    """Adds an organisation with fictional contact data."""
    number = next(_numbers)
    organisation = Organisation(
        name=values.pop("name", f"Tierschutzverein Nordhessen {number} e.V."),
        contact_email=values.pop("contact_email", f"kontakt{number}@example.org"),
        **values,
    )
    session.add(organisation)
    await session.flush()
    return organisation


async def make_listing(
    session: AsyncSession, *, place: PlaceRef | None = KASSEL, organisation: Organisation | None = None, **values: Any
) -> Opportunity:
    """Adds a published listing (animals, weekends, in Kassel unless told otherwise)."""
    organisation = organisation or await make_organisation(session)
    number = next(_numbers)
    fields: dict[str, Any] = {
        "organisation_id": organisation.id,
        "title": f"Gassi gehen mit Tierheimhunden {number}",
        "description": "Wir suchen Menschen, die mit unseren Hunden spazieren gehen.",
        "categories": ["animals"],
        "time_tags": ["weekend"],
        "place_name": place.name if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "status": OpportunityStatus.PUBLISHED.value,
        "published_at": NOW - timedelta(hours=1),
        "expires_at": NOW + timedelta(days=90),
        "contact_name": "Erika Beispiel",
        "contact_phone": "+49 30 1234 5001",
        "contact_email": f"tierheim{number}@example.org",
        "contact_url": "https://example.org/gassi",
    }
    fields.update(values)
    row = opportunity_row(fields, now=NOW)
    opportunity = Opportunity(**row)
    session.add(opportunity)
    await session.flush()
    return opportunity


async def make_volunteer(session: AsyncSession, telegram_id: int | None = None, **values: Any) -> Volunteer:
    """Adds a volunteer with a fictional Telegram id."""
    volunteer = Volunteer(telegram_id=telegram_id or 9_000_000 + next(_numbers), **values)
    session.add(volunteer)
    await session.flush()
    return volunteer


def query(
    *,
    categories: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
    place: PlaceRef | None = None,
    radius_km: float | None = None,
    time: tuple[str, ...] = (),
    time_either: bool = False,
    languages: tuple[str, ...] = (),
    remote: bool = False,
    keywords: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Builds a parse result in issue 3's contract, as nlu.parse / SearchOutcome.query give it."""
    return {
        "categories": list(categories),
        "exclude_categories": list(exclude),
        "place": place.to_dict() if place else None,
        "place_candidates": [],
        "radius_km": radius_km,
        "time": list(time),
        "languages": list(languages),
        "remote": remote,
        "lang": "de",
        "keywords": list(keywords),
        "time_either": time_either,
    }
