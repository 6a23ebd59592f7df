"""Whether there is anything to find at all: a fresh install holds no listings until they are imported or seeded,
and a search then says so instead of "nothing found near Kassel"."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain import OpportunityStatus
from bot.store.models import Opportunity


async def has_listings(session: AsyncSession) -> bool:
    """Tells whether any listing is published (asked only after a search found nothing: one short read)."""
    published = select(Opportunity.id).where(Opportunity.status == OpportunityStatus.PUBLISHED.value).limit(1)
    return await session.scalar(published) is not None
