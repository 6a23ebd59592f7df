"""The data version: which committed state of listings and organisations a reader sees (migration 0011).

It is read before the data of a page, so whatever is read after it is at least as new; a page kept under
one version is only ever served while the version is still the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.types import UTCDateTime, utcnow

# Made once (see bot.search.sql): the number the triggers raise, and the next moment a published listing
# expires, which changes what is shown without any write.
_READ = text(
    "SELECT (SELECT version FROM data_version WHERE id = 1) AS number, "
    "(SELECT min(expires_at) FROM opportunities WHERE status = 'published' AND expires_at > :now) AS next_expiry"
).bindparams(bindparam("now", type_=UTCDateTime()))


@dataclass(frozen=True, slots=True)
class DataVersion:
    """The committed state a reader sees: equal versions show equal listings, shown or not."""

    number: int
    next_expiry: object  # as the database gives it back (text on SQLite); only compared


async def read_data_version(session: AsyncSession, *, now: datetime | None = None) -> DataVersion:
    """Reads the data version (one statement of two index look-ups)."""
    row = (await (await session.connection()).execute(_READ, {"now": now or utcnow()})).one()
    return DataVersion(int(row.number), row.next_expiry)
