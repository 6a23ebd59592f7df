"""Sessions and pooled connections: a dropped connection is replaced on checkout; reads write nothing and, on
PostgreSQL, run without a transaction around them."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select, text, update

from bot.search.sql import SqlText
from bot.store.db import Database, ReadOnlyWrite
from bot.store.models import Organisation


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


async def test_reads_on_postgres_run_without_a_transaction_around_them(postgres_database: Database) -> None:
    # In a transaction now() is the time of its BEGIN; a statement on its own is its own transaction.
    since_start = text("SELECT statement_timestamp() - now() < interval '20 milliseconds'")
    async with postgres_database.read_only() as session:
        await session.execute(text("SELECT pg_sleep(0.05)"))
        assert (await session.execute(since_start)).scalar_one() is True
    async with postgres_database.unit_of_work() as session:
        await session.execute(text("SELECT pg_sleep(0.05)"))
        assert (await session.execute(since_start)).scalar_one() is False


async def test_a_read_only_session_refuses_to_write(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        session.add(Organisation(name="Tafel Kassel e.V."))
    with pytest.raises(ReadOnlyWrite):
        async with any_database.read_only() as session:
            session.add(Organisation(name="Nie gespeichert"))
            await session.flush()
    with pytest.raises(ReadOnlyWrite):
        async with any_database.read_only() as session:
            await session.execute(insert(Organisation).values(name="Auch nicht"))
    with pytest.raises(ReadOnlyWrite):
        async with any_database.read_only() as session:
            organisation = (await session.execute(select(Organisation))).scalar_one()
            organisation.name = "Umbenannt"
            await session.execute(update(Organisation).values(name="Umbenannt"))
    async with any_database.read_only() as session:
        names = list((await session.execute(select(Organisation.name))).scalars())
    assert names == ["Tafel Kassel e.V."]


async def test_reads_survive_connections_ended_under_them_whether_or_not_the_driver_has_noticed(
    postgres_database: Database, second_process: Database,
) -> None:
    # A read's checkout sends no ping: a connection ended a moment ago (the driver has not read its end yet) fails
    # the read's first statement, which then runs once more on a new connection. Both cases come up in a few rounds.
    seen = {await _backend(postgres_database)}
    for _ in range(6):
        async with postgres_database.read_only() as session:
            backend = int((await session.execute(text("SELECT pg_backend_pid()"))).scalar_one())
            statement = SqlText("postgresql")
            query = statement.statement(f"SELECT pg_backend_pid() + {statement.integer(0)} AS pid")
        async with second_process.unit_of_work() as session:
            assert (await session.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})).scalar_one()
        async with postgres_database.read_only() as session:  # Core, as the search runs its statements
            replaced = int((await query.run(session)).scalar_one())
        assert replaced not in seen
        seen.add(replaced)
