"""The data version: which committed state of listings and organisations a reader sees (migration 0013).

It is read before the data of a page, or in the same statement, so whatever is read with it is at least as
new; a page kept under one version is only ever served while the version is still the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Column, Integer, MetaData, Table, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain import OpportunityStatus
from bot.store.models import Opportunity
from bot.store.types import UTCDateTime, utcnow

# The table is written by hand in the migration; this description only reads it (not in the models' metadata).
_VERSIONS = Table("data_version", MetaData(), Column("id", Integer, primary_key=True), Column("version", BigInteger))
_LATER = Opportunity.__table__.alias("later")  # never correlated with a listing the statement also reads

# The number the triggers raise, and the next moment a published listing expires, which changes what is
# shown without any write. Both as columns, so a statement can read them together with its data.
NUMBER = select(_VERSIONS.c.version).where(_VERSIONS.c.id == 1).scalar_subquery().label("version_number")
NEXT_EXPIRY = (
    select(func.min(_LATER.c.expires_at))
    .where(_LATER.c.status == OpportunityStatus.PUBLISHED.value,
           _LATER.c.expires_at > bindparam("version_now", type_=UTCDateTime()))
    .scalar_subquery().label("version_next_expiry")
)
_READ = select(NUMBER, NEXT_EXPIRY)  # made once (see bot.search.sql)


@dataclass(frozen=True, slots=True)
class DataVersion:
    """The committed state a reader sees: equal versions show equal listings, shown or not."""

    number: int
    next_expiry: datetime | None

    @classmethod
    def of(cls, row: Any) -> DataVersion:
        """Reads the version from a row holding NUMBER and NEXT_EXPIRY."""
        return cls(int(row.version_number), row.version_next_expiry)


def version_values(now: datetime | None = None) -> dict[str, datetime]:
    """Returns the bound values NUMBER and NEXT_EXPIRY need."""
    return {"version_now": now or utcnow()}


async def read_data_version(session: AsyncSession, *, now: datetime | None = None) -> DataVersion:
    """Reads the data version (one statement of two index look-ups)."""
    row = (await session.execute(_READ, version_values(now))).one()
    return DataVersion.of(row)
