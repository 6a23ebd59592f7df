"""A pooled PostgreSQL connection the server has dropped is replaced when it is taken, not found broken by a request."""

from __future__ import annotations

from sqlalchemy import text

from bot.store.db import Database


async def _backend(database: Database) -> int:
    """Returns the server process of the pooled connection a read-only session gets."""
    async with database.read_only() as session:
        return int((await session.execute(text("SELECT pg_backend_pid()"))).scalar_one())


async def test_a_connection_ended_by_the_server_is_replaced_on_checkout(
    postgres_database: Database, second_process: Database,
) -> None:
    first = await _backend(postgres_database)
    async with second_process.unit_of_work() as session:  # as a server restart would
        assert (await session.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": first})).scalar_one()
    replaced = await _backend(postgres_database)
    assert replaced != first
    assert await _backend(postgres_database) == replaced  # the new one stays pooled

