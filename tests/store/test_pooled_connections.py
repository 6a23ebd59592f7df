"""Sessions and pooled connections: a dropped connection is replaced on checkout; reads write nothing and, on
PostgreSQL, run without a transaction around them."""

from __future__ import annotations

import asyncio
import logging
import time

import asyncpg  # type: ignore[import-untyped]
import pytest
from sqlalchemy import event, insert, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import ORMExecuteState

from bot.search.sql import SqlText
from bot.store import db
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
    # In a transaction now() is the time of its BEGIN for every statement; a statement on its own is its own
    # transaction, so after a sleep between two statements their now() differ by at least the sleep. No clock limit
    # to miss on a busy machine: inside a transaction the two are exactly equal.
    now = text("SELECT now()")
    async with postgres_database.read_only() as session:
        before = (await session.execute(now)).scalar_one()
        await session.execute(text("SELECT pg_sleep(0.05)"))
        assert ((await session.execute(now)).scalar_one() - before).total_seconds() >= 0.05
    async with postgres_database.unit_of_work() as session:
        before = (await session.execute(now)).scalar_one()
        await session.execute(text("SELECT pg_sleep(0.05)"))
        assert (await session.execute(now)).scalar_one() == before


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


async def _end(second_process: Database, backend: int) -> None:
    """Ends a server process from another pool, as a server restart or an operator would, and waits until it is gone."""
    async with second_process.unit_of_work() as session:
        ended = text("SELECT pg_terminate_backend(:pid, 5000)")
        assert (await session.execute(ended, {"pid": backend})).scalar_one()


@pytest.fixture
def driver_has_not_noticed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The read-only checkout asks the driver whether the connection closed; here the driver never knows yet, so the
    statement itself must fail (without this the driver sometimes notices first and the checkout replaces it)."""
    noticed = asyncpg.Connection.is_closed

    def is_closed(connection: asyncpg.Connection) -> bool:
        return False if db._READER_CHECKOUT.get() else noticed(connection)

    monkeypatch.setattr(asyncpg.Connection, "is_closed", is_closed)


@pytest.mark.usefixtures("driver_has_not_noticed")
async def test_a_read_on_a_connection_ended_under_it_runs_once_more_on_a_new_one(
    postgres_database: Database, second_process: Database, caplog: pytest.LogCaptureFixture,
) -> None:
    statement = SqlText("postgresql")
    query = statement.statement(f"SELECT pg_backend_pid() + {statement.integer(0)} AS pid")
    first = await _backend(postgres_database)
    await _end(second_process, first)
    with caplog.at_level(logging.WARNING, logger="bot.store.db"):
        async with postgres_database.read_only() as session:  # Core, as the search runs its statements
            replaced = int((await query.run(session)).scalar_one())
    assert replaced != first
    (warning,) = [record for record in caplog.records if record.name == "bot.store.db"]
    assert "once more" in warning.getMessage() and "TextClause" in warning.getMessage()
    assert "pg_backend_pid" not in warning.getMessage()  # the statement's kind, never its text or values


@pytest.mark.usefixtures("driver_has_not_noticed")
async def test_orm_reads_on_a_connection_ended_under_them_run_once_more(
    postgres_database: Database, second_process: Database, caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="bot.store.db")
    async with postgres_database.unit_of_work() as session:
        session.add(Organisation(name="Tafel Kassel e.V."))
    await _end(second_process, await _backend(postgres_database))
    async with postgres_database.read_only() as session:
        organisation = (await session.execute(select(Organisation))).scalar_one()
        assert organisation.name == "Tafel Kassel e.V."
    await _end(second_process, await _backend(postgres_database))
    async with postgres_database.read_only() as session:
        again = await session.get(Organisation, organisation.id)
        assert again is not None and again.name == "Tafel Kassel e.V."
    await _end(second_process, await _backend(postgres_database))
    async with postgres_database.read_only() as session:
        assert await session.scalar(select(Organisation.name)) == "Tafel Kassel e.V."
    kinds = [record.args[0] for record in caplog.records if record.name == "bot.store.db"]  # type: ignore[index]
    assert kinds == ["Select", "Select", "Select"]  # execute, get and scalar each ran once more


async def test_a_read_after_objects_were_loaded_is_not_run_again(
    postgres_database: Database, second_process: Database,
) -> None:
    # Taking a new connection rolls the session back, which would expire what it loaded (and reading an expired
    # attribute in asyncio fails): the read fails as it did, and the loaded objects stay readable.
    async with postgres_database.unit_of_work() as session:
        session.add(Organisation(name="Tafel Kassel e.V."))
    async with postgres_database.read_only() as session:
        organisation = (await session.execute(select(Organisation))).scalar_one()
        await _end(second_process, int((await session.execute(text("SELECT pg_backend_pid()"))).scalar_one()))
        with pytest.raises(DBAPIError) as failed:
            await session.execute(select(Organisation.name))
        assert failed.value.connection_invalidated
        assert organisation.name == "Tafel Kassel e.V."


async def test_a_long_read_ended_by_an_operator_is_not_run_again(
    postgres_database: Database, second_process: Database, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(db, "_FAILED_AT_ONCE", 0.2)
    caplog.set_level(logging.WARNING, logger="bot.store.db")
    backend = await _backend(postgres_database)

    async def operator() -> None:
        await asyncio.sleep(0.6)
        await _end(second_process, backend)

    ending = asyncio.create_task(operator())
    started = time.monotonic()
    with pytest.raises(DBAPIError):
        async with postgres_database.read_only() as session:
            await session.execute(text("SELECT pg_sleep(5)"))
    await ending
    assert time.monotonic() - started < 4  # ended, not started over
    with pytest.raises(DBAPIError):  # the same through the Core path the search takes
        async with postgres_database.read_only() as session:
            statement = SqlText("postgresql")
            query = statement.statement(f"SELECT pg_sleep(5 + {statement.integer(0)})")
            backend = int((await session.execute(text("SELECT pg_backend_pid()"))).scalar_one())
            ending = asyncio.create_task(operator())
            await query.run(session)
    await ending
    assert not [record for record in caplog.records if record.name == "bot.store.db"]  # nothing was run again


def test_the_retry_uses_sqlalchemys_public_hook() -> None:
    # The retry hangs on the do_orm_execute event and ORMExecuteState.invoke_statement (public API); a read-only
    # session overrides none of Session's private methods.
    assert event.contains(db._ReadingSession, "do_orm_execute", db._run_again_on_a_new_connection)
    assert callable(ORMExecuteState.invoke_statement)
    overridden = {name for name in vars(db._ReadingSession) if name.startswith("_") and not name.startswith("__")}
    assert overridden <= {"_sa_class_manager"}, overridden
