"""Whether there is anything to find at all: a fresh install holds no listings until they are imported or seeded,
and a database whose listings all expired, were withdrawn or wait for review has none published; a search then says
which of the two it is instead of "nothing found near Kassel"."""

from __future__ import annotations

from enum import Enum

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain import OpportunityStatus
from bot.store.models import Opportunity


class Stock(Enum):
    """What the database holds for a search to find."""

    PUBLISHED = "published"  # at least one listing is published
    NONE_PUBLISHED = "none_published"  # listings were there, none is published now (expired, withdrawn, in review)
    EMPTY = "empty"  # not a single listing ever came in (a fresh install)


async def stock_of(session: AsyncSession) -> Stock:
    """Tells what there is to find (asked only after a search found nothing: one short read, two when none is
    published)."""
    published = select(Opportunity.id).where(Opportunity.status == OpportunityStatus.PUBLISHED.value).limit(1)
    if await session.scalar(published) is not None:
        return Stock.PUBLISHED
    return Stock.EMPTY if await session.scalar(select(Opportunity.id).limit(1)) is None else Stock.NONE_PUBLISHED


# What a search says when nothing is published: to anyone, and to an admin (with how to fill the database).
_SAID = {Stock.EMPTY: ("search.no_listings_yet", "search.no_listings_yet_admin"),
         Stock.NONE_PUBLISHED: ("search.no_listings_now", "search.no_listings_now_admin")}


def unstocked_key(stock: Stock, *, admin: bool = False) -> str:
    """Returns the catalogue key that says nothing is published, and why (for an admin: how to fill the database)."""
    anyone, to_admin = _SAID[Stock.NONE_PUBLISHED if stock is Stock.PUBLISHED else stock]
    return to_admin if admin else anyone
