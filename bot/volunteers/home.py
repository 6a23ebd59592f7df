"""The home place: stored only after the person agreed, used as the search centre next time."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.search.model import PlaceRef
from bot.store.models import Volunteer
from bot.store.types import utcnow


async def remember_home(
    session: AsyncSession, volunteer: Volunteer, place: PlaceRef, *, now: datetime | None = None
) -> None:
    """Stores the home place with the time of consent; call it only after the person agreed."""
    state, district = region_of(place)
    volunteer.home_place_name = place.name
    volunteer.home_lat = place.lat
    volunteer.home_lon = place.lon
    volunteer.home_state = state
    volunteer.home_district = district
    volunteer.home_consent_at = now or utcnow()
    await session.flush()


async def forget_home(session: AsyncSession, volunteer: Volunteer) -> None:
    """Removes the home place and the consent record."""
    volunteer.home_place_name = None
    volunteer.home_lat = None
    volunteer.home_lon = None
    volunteer.home_state = None
    volunteer.home_district = None
    volunteer.home_consent_at = None
    await session.flush()


def home_place(volunteer: Volunteer) -> PlaceRef | None:
    """Returns the stored home place as a search centre, or None when there is none."""
    if volunteer.home_lat is None or volunteer.home_lon is None or volunteer.home_consent_at is None:
        return None
    return PlaceRef(
        name=volunteer.home_place_name or "", lat=volunteer.home_lat, lon=volunteer.home_lon, state=volunteer.home_state
    )


def region_of(place: PlaceRef) -> tuple[str | None, str | None]:
    """Returns (state, district) of a place from the gazetteer's nearest place; broadcasts target by these."""
    from nlu.kernel.gazetteer import get_gazetteer  # imported late: loading the gazetteer is only needed here

    nearest = get_gazetteer().nearest(place.lat, place.lon)
    if nearest is None:
        return place.state, None
    return place.state or nearest.state, nearest.district
