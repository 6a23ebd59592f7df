"""When the published data last changed, for Last-Modified and If-Modified-Since on the feeds.

A feed page changes when any listing or organisation is edited, published, paused, expires or is deleted.
The newest of those moments is read in one statement and kept for a few seconds, so portals polling the
feeds cost the database almost nothing.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import ModerationEvent, Opportunity, Organisation
from bot.store.types import utcnow

EPOCH = datetime(2020, 1, 1, tzinfo=timezone.utc)


class DataClock:
    """Tells the newest change of the published data, read at most once per `ttl_seconds`."""

    def __init__(self, *, ttl_seconds: float = 5.0) -> None:
        self.ttl_seconds = ttl_seconds
        self._value: datetime | None = None
        self._read_at = 0.0

    async def changed_at(self, session: AsyncSession, *, now: datetime | None = None) -> datetime:
        """Returns the newest change, to the second (HTTP dates have no more)."""
        if self._value is None or time.monotonic() - self._read_at > self.ttl_seconds:
            self._value = await newest_change(session, now=now or utcnow())
            self._read_at = time.monotonic()
        return self._value


async def newest_change(session: AsyncSession, *, now: datetime) -> datetime:
    """Reads the newest edit of a listing or organisation, moderation event (deletions), or passed expiry."""
    statement = select(
        select(func.max(Opportunity.updated_at)).scalar_subquery(),
        select(func.max(Organisation.updated_at)).scalar_subquery(),
        select(func.max(ModerationEvent.created_at)).scalar_subquery(),
        select(func.max(Opportunity.expires_at)).where(Opportunity.expires_at <= now).scalar_subquery(),
    )
    row = (await session.execute(statement)).one()
    moments = [_aware(value) for value in row if value is not None]
    # Never in the future (seeded or imported rows may carry a later time of today): clients would cache forever.
    return min(max(moments, default=EPOCH), now).replace(microsecond=0)


def _aware(value: datetime | str) -> datetime:
    """Returns a UTC datetime (aggregates may come back naive or, on SQLite, as text)."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)
