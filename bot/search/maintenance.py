"""Upkeep of the search's vocabulary, for a nightly job or after large deletions."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.dialect import dialect_of

_REBUILD_POSTGRES = (
    "DELETE FROM search_terms",
    # A listing published meanwhile may have added its words already (the trigger): those stay as they are.
    "INSERT INTO search_terms (term) SELECT DISTINCT term FROM opportunities, "
    "unnest(tsvector_to_array(search_vector)) AS term WHERE status = 'published' ON CONFLICT (term) DO NOTHING",
)


async def rebuild_vocabulary(session: AsyncSession) -> int:
    """Drops words no published listing holds any more (PostgreSQL); returns how many words remain.

    SQLite's vocabulary is read from the full-text index itself and is always exact. On PostgreSQL the
    triggers only ever add words, so after many listings expired their words linger and typo
    corrections may aim at them. Runs in the caller's unit of work.
    """
    if dialect_of(session) == "sqlite":
        query = "SELECT count(*) FROM opportunity_search_vocabulary"
    else:
        for statement in _REBUILD_POSTGRES:
            await session.execute(text(statement))
        query = "SELECT count(*) FROM search_terms"
    return int((await session.execute(text(query))).scalar_one())
