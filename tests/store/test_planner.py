"""After a bulk write the planner has statistics; PostgreSQL plans every search with its own values."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from bot.seed import seed_bench
from bot.store.db import Database


async def _has_statistics(database: Database) -> bool:
    """Tells whether the planner knows the size and spread of the listings table."""
    async with database.read_only() as session:
        if database.is_sqlite:
            rows = await session.execute(text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'opportunities'"))
        else:
            rows = await session.execute(text(
                "SELECT count(*) FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'opportunities'"))
        return bool(rows.scalar_one())


async def test_seeding_leaves_the_planner_with_statistics(any_database: Database) -> None:
    await seed_bench(any_database, 300, today=date(2026, 12, 1))
    assert await _has_statistics(any_database)


async def test_postgres_plans_each_execution_and_compiles_nothing(postgres_database: Database) -> None:
    async with postgres_database.read_only() as session:
        assert (await session.execute(text("SHOW plan_cache_mode"))).scalar_one() == "force_custom_plan"
        assert (await session.execute(text("SHOW jit"))).scalar_one() == "off"
