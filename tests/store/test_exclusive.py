"""Of several processes on one PostgreSQL, one at a time does a job; on SQLite the one process always does."""

from __future__ import annotations

from bot.store.db import Database
from bot.store.exclusive import exclusively


async def test_one_process_at_a_time_holds_a_jobs_lock(
    postgres_database: Database, second_process: Database
) -> None:
    async with exclusively(postgres_database, "job:digests") as first:
        async with exclusively(second_process, "job:digests") as second:
            async with exclusively(second_process, "job:expiry") as third:
                assert (first, second, third) == (True, False, True)  # another job's lock is free
    async with exclusively(second_process, "job:digests") as later:
        assert later  # released when the first block ended


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
