"""Of several processes on one PostgreSQL, one at a time does a job; on SQLite the one process always does."""

from __future__ import annotations

import asyncio

from sqlalchemy import text

from bot.store.db import Database
from bot.store.exclusive import exclusively


async def _other_process(postgres_database: Database) -> Database:
    """Opens a second pool on the same schema, as another bot process would."""
    async with postgres_database.read_only() as session:
        schema = (await session.execute(text("SELECT current_schema()"))).scalar_one()
    return Database(postgres_database.url, schema=schema)


async def test_one_process_at_a_time_holds_a_jobs_lock(postgres_database: Database) -> None:
    other = await _other_process(postgres_database)
    try:
        async with exclusively(postgres_database, "job:digests") as first:
            async with exclusively(other, "job:digests") as second, exclusively(other, "job:expiry") as third:
                assert (first, second, third) == (True, False, True)  # another job's lock is free
        async with exclusively(other, "job:digests") as later:
            assert later  # released when the first block ended
    finally:
        await other.close()


async def test_a_lock_is_released_when_the_job_fails(postgres_database: Database) -> None:
    try:
        async with exclusively(postgres_database, "job:alerts") as mine:
            assert mine
            raise RuntimeError("the job failed")
    except RuntimeError:
        pass
    async with exclusively(postgres_database, "job:alerts") as again:
        assert again


async def test_on_sqlite_the_one_process_always_runs_the_job(sqlite_database: Database) -> None:
    async with exclusively(sqlite_database, "job:digests") as first:
        async with exclusively(sqlite_database, "job:digests") as second:
            assert first and second
    await asyncio.sleep(0)
