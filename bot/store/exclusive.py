"""Work that one process at a time may do: a PostgreSQL advisory lock, tried without waiting.

Every bot process schedules the same jobs (alert matching, digests, expiry, reminders). Run in two processes
at once, a digest or a reminder could go out twice, so each run first tries the job's lock and is skipped
when another process holds it; the next run tries again. The lock belongs to the connection's session, so a
process that dies releases it with its connection. Its key includes the schema, so test and benchmark
schemas on one server never block each other. SQLite serves one process: there everything runs.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text

from bot.store.db import Database

_KEY = "hashtext(current_schema() || ':' || :name)"
_TRY = text(f"SELECT pg_try_advisory_lock({_KEY})")
_RELEASE = text(f"SELECT pg_advisory_unlock({_KEY})")


@asynccontextmanager
async def exclusively(database: Database, name: str) -> AsyncIterator[bool]:
    """Yields True when this process holds the lock `name` for the block, False when another one does."""
    if database.is_sqlite:
        yield True
        return
    async with database.engine.connect() as connection:
        mine = bool((await connection.execute(_TRY, {"name": name})).scalar_one())
        await connection.commit()  # the lock is the session's; no transaction stays open while the job runs
        try:
            yield mine
        finally:
            if mine:
                await connection.execute(_RELEASE, {"name": name})
                await connection.commit()
