"""The daily contact limit of an organisation (AD_CONTACTS_PER_DAY), counted per calendar day in Berlin."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import AdContact, Organisation
from bot.local_days import BERLIN



@dataclass(frozen=True, slots=True)
class DailyLimit:
    """How many contacts an organisation started today, of how many, and when the count starts again."""

    per_day: int
    used: int
    resets_at: datetime  # the next midnight in Berlin, aware

    @property
    def reached(self) -> bool:
        """Tells whether no further contact may start today."""
        return self.used >= self.per_day


def berlin_day(now: datetime) -> tuple[datetime, datetime]:
    """Returns the start and end, in UTC, of the Berlin calendar day that contains now (23 or 25 hours when the
    clocks change: in UTC, subtraction counts real hours, where Berlin wall times would always differ by 24)."""
    local = now.astimezone(BERLIN)
    start = datetime.combine(local.date(), time(0), tzinfo=BERLIN)
    end = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=BERLIN)
    return start.astimezone(timezone.utc), end.astimezone(timezone.utc)


async def count_alone(session: AsyncSession, organisation_id: int) -> None:
    """Makes this unit of work the only one counting the organisation's contacts until it ends.

    PostgreSQL locks the organisation's row. SQLite ignores FOR UPDATE, so there the row is written (to itself,
    which changes nothing): that takes the database's write lock, and a second send waits for the first one's
    commit before it counts; without it two sends in the same instant could both take the day's last place.
    """
    if session.get_bind().dialect.name == "sqlite":
        await session.execute(text("UPDATE organisations SET id = id WHERE id = :id"), {"id": organisation_id})
    else:
        await session.execute(select(Organisation.id).where(Organisation.id == organisation_id).with_for_update())


async def daily_limit(session: AsyncSession, organisation_id: int, *, per_day: int, now: datetime) -> DailyLimit:
    """Counts the contacts the organisation sent during today's Berlin day."""
    start, end = berlin_day(now)
    used = await session.scalar(select(func.count()).select_from(AdContact).where(
        AdContact.organisation_id == organisation_id, AdContact.sent_at >= start, AdContact.sent_at < end))
    return DailyLimit(per_day, int(used or 0), end)
