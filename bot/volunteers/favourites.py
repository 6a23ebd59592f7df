"""The Merkliste: listings a volunteer keeps; entries stay when a listing is withdrawn, marked as gone, or as being
revised while an edit of it waits for review (it comes back)."""

from __future__ import annotations

from collections.abc import Sequence

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.listings_view import is_active, revised_among
from bot.store.db import rows_affected
from bot.store.models import Favourite, Opportunity, Organisation, Volunteer
from bot.store.types import utcnow
from bot.store.dialect import dialect_insert


@dataclass(frozen=True, slots=True)
class FavouriteEntry:
    """One line of the Merkliste; active is False once the listing is no longer shown to volunteers."""

    opportunity_id: int
    title: str
    organisation: str
    place: str | None
    remote: bool  # can be done from home (also when it has a place)
    added_at: datetime
    active: bool
    revised: bool = False  # not shown only while an edit waits for review: it comes back


async def add_favourite(session: AsyncSession, volunteer: Volunteer, opportunity_id: int) -> bool:
    """Puts a listing on the Merkliste; False when it is already there or no longer shown."""
    opportunity = await session.get(Opportunity, opportunity_id)
    if opportunity is None or not is_active(opportunity):
        return False
    statement = dialect_insert(session, Favourite.__table__).values(
        volunteer_id=volunteer.id, opportunity_id=opportunity_id, created_at=utcnow()
    )
    # A double tap may reach two processes at once; the primary key keeps one row, the loser reports False.
    result = await session.execute(statement.on_conflict_do_nothing(index_elements=["volunteer_id", "opportunity_id"]))
    return bool(rows_affected(result))


async def remove_favourite(session: AsyncSession, volunteer: Volunteer, opportunity_id: int) -> bool:
    """Takes a listing off the Merkliste; False when it was not there."""
    result = await session.execute(
        delete(Favourite).where(Favourite.volunteer_id == volunteer.id, Favourite.opportunity_id == opportunity_id)
    )
    return bool(rows_affected(result))


async def favourite_ids(session: AsyncSession, volunteer: Volunteer, opportunity_ids: Sequence[int]) -> frozenset[int]:
    """Returns which of these listings are on the person's Merkliste (for the stars under a result list)."""
    if not opportunity_ids:
        return frozenset()
    found = await session.execute(select(Favourite.opportunity_id).where(
        Favourite.volunteer_id == volunteer.id, Favourite.opportunity_id.in_(list(opportunity_ids))))
    return frozenset(found.scalars())


async def is_favourite(session: AsyncSession, volunteer: Volunteer, opportunity_id: int) -> bool:
    """Tells whether a listing is on the person's Merkliste (for the star on the button)."""
    found = await session.execute(
        select(Favourite.opportunity_id).where(
            Favourite.volunteer_id == volunteer.id, Favourite.opportunity_id == opportunity_id
        )
    )
    return found.first() is not None


async def count_favourites(session: AsyncSession, volunteer: Volunteer) -> int:
    """Returns how many listings are on the Merkliste (for paging)."""
    total = await session.execute(
        select(func.count()).select_from(Favourite).where(Favourite.volunteer_id == volunteer.id)
    )
    return int(total.scalar_one())


async def list_favourites(
    session: AsyncSession, volunteer: Volunteer, *, limit: int = 10, offset: int = 0, now: datetime | None = None
) -> list[FavouriteEntry]:
    """Returns one page of the Merkliste, newest first, each entry saying whether its listing is still shown."""
    now = now or utcnow()
    rows = await session.execute(
        select(Favourite.created_at, Opportunity, Organisation.name)
        .join(Opportunity, Opportunity.id == Favourite.opportunity_id)
        .join(Organisation, Organisation.id == Opportunity.organisation_id)
        .where(Favourite.volunteer_id == volunteer.id)
        .order_by(Favourite.created_at.desc(), Favourite.opportunity_id.desc())
        .limit(max(0, limit))
        .offset(max(0, offset))
    )
    found = list(rows)
    revised = await revised_among(session, [opportunity for _, opportunity, _ in found])
    return [
        FavouriteEntry(
            opportunity_id=opportunity.id,
            title=opportunity.title,
            organisation=organisation,
            place=opportunity.place_name,
            remote=bool(opportunity.remote),
            added_at=added_at,
            active=is_active(opportunity, now=now),
            revised=opportunity.id in revised,
        )
        for added_at, opportunity, organisation in found
    ]
