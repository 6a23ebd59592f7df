"""SQLite runs in the loop's thread, and neither a lock held elsewhere nor a long batch stalls the event loop."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import sys
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from bot.store import inline_sqlite
from bot.store.db import Database

INSERT = text("INSERT INTO notes (body) VALUES (:body)")


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    """An SQLite database with one small table."""
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'inline.sqlite3'}")
    async with database.engine.begin() as connection:
        await connection.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"))
    yield database
    await database.close()


class Ticker:
    """Counts how often the loop ran it, every millisecond, while the test does something else."""

    def __init__(self) -> None:
        self.ticks = 0
        self.moments: list[float] = []
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(0.001)
            self.ticks += 1
            self.moments.append(time.process_time())

    def stop(self) -> int:
        self._task.cancel()
        return self.ticks


async def test_statements_run_in_the_event_loops_own_thread(database: Database) -> None:
    async with database.engine.connect() as connection:
        raw = await connection.get_raw_connection()
        driver = raw.driver_connection
        assert driver is not None
        await driver.create_function("thread_id", 0, threading.get_ident)
        assert (await connection.execute(text("SELECT thread_id()"))).scalar_one() == threading.get_ident()


async def test_a_write_waits_for_another_connections_lock_while_the_loop_goes_on(database: Database) -> None:
    async with database.engine.connect() as holder, database.engine.connect() as waiter:
        await holder.execute(INSERT, {"body": "first"})  # holds the write lock until it commits
        ticker = Ticker()

        async def commit_later() -> None:
            await asyncio.sleep(0.15)
            await holder.commit()

        releasing = asyncio.create_task(commit_later())
        await waiter.execute(INSERT, {"body": "second"})  # locked at first: waits without blocking the loop
        await waiter.commit()
        await releasing
        assert ticker.stop() >= 20
    async with database.read_only() as session:
        assert (await session.execute(text("SELECT body FROM notes ORDER BY id"))).scalars().all() == [
            "first", "second"]


async def test_a_lock_held_too_long_elsewhere_ends_in_database_is_locked(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inline_sqlite, "LOCK_WAIT_SECONDS", 0.1)
    other_process = sqlite3.connect(tmp_path / "inline.sqlite3", isolation_level=None)
    other_process.execute("BEGIN IMMEDIATE")
    try:
        async with database.engine.connect() as connection:
            with pytest.raises(OperationalError, match="database is locked"):
                await connection.execute(INSERT, {"body": "blocked"})
    finally:
        other_process.execute("ROLLBACK")
        other_process.close()
    async with database.unit_of_work() as session:  # the lock is gone: writing works again
        await session.execute(INSERT, {"body": "later"})


async def test_a_long_batch_lets_other_tasks_run_in_between(database: Database) -> None:
    ticker = Ticker()
    await asyncio.sleep(0.005)
    # The process's own CPU time, not the wall clock: on a busy machine the process waits for a core between any
    # two moments, which says nothing about whether the batch gave other tasks a turn.
    started = time.process_time()
    async with database.unit_of_work() as session:
        for number in range(10_000):  # far longer than 0.1 s of statements on any machine
            await session.execute(INSERT, {"body": f"note {number}"})
    ticker.stop()
    moments = [started, *(moment for moment in ticker.moments if moment > started), time.process_time()]
    assert len(moments) > 3  # the loop ran the ticker during the batch
    assert max(later - earlier for earlier, later in zip(moments, moments[1:])) < 0.1  # yields every 10 ms


async def test_a_database_that_cannot_be_opened_leaves_no_thread_behind(tmp_path: Path) -> None:
    folder = tmp_path / "not-a-file.sqlite3"
    folder.mkdir()  # sqlite3 cannot open a directory
    before = threading.active_count()
    database = Database(f"sqlite+aiosqlite:///{folder}")
    with pytest.raises(OperationalError, match="unable to open"):
        async with database.engine.connect():
            pass
    await database.close()
    for _ in range(100):  # the worker thread ends right after its stop request
        if threading.active_count() <= before:
            break
        await asyncio.sleep(0.01)
    assert threading.active_count() <= before  # otherwise the process could not exit


def test_only_busy_errors_count_as_locked() -> None:
    assert inline_sqlite.is_locked(sqlite3.OperationalError("database is locked"))
    assert not inline_sqlite.is_locked(sqlite3.OperationalError("no such table: notes"))


async def test_no_thread_and_no_other_driver_is_involved(database: Database) -> None:
    before = threading.active_count()
    async with database.unit_of_work() as session:
        await session.execute(INSERT, {"body": "one"})
    async with database.engine.connect() as connection:
        assert isinstance((await connection.get_raw_connection()).driver_connection, inline_sqlite.Connection)
    assert threading.active_count() == before and "aiosqlite" not in sys.modules


async def test_autocommit_and_streamed_results_work_through_the_adapter(database: Database) -> None:
    async with database.engine.connect() as connection:
        autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")  # SQLAlchemy's setter path
        await autocommit.execute(INSERT, {"body": "kept without commit"})
    async with database.engine.connect() as connection:
        await connection.execute(text("INSERT INTO notes (body) SELECT 'row ' || value FROM json_each(:rows)"),
                                 {"rows": json.dumps(list(range(250)))})
        await connection.commit()
        streamed = await connection.stream(text("SELECT body FROM notes ORDER BY id"))  # a server-side cursor
        bodies = [row.body async for row in streamed]
    assert bodies[0] == "kept without commit" and len(bodies) == 251 and bodies[-1] == "row 249"


def test_a_stale_snapshot_is_not_waited_for() -> None:
    stale = sqlite3.OperationalError("database is locked")
    stale.sqlite_errorcode = 517  # SQLITE_BUSY_SNAPSHOT
    busy = sqlite3.OperationalError("database is locked")
    busy.sqlite_errorcode = sqlite3.SQLITE_BUSY
    assert not inline_sqlite.is_locked(stale) and inline_sqlite.is_locked(busy)


async def test_every_sqlite_connection_keeps_a_larger_page_cache(tmp_path: Path) -> None:
    from bot.store.db import SQLITE_CACHE_KIB

    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'cache.sqlite3'}")
    try:  # two sessions at once hold two pooled connections: each of them has the pragma, not only the first
        async with database.read_only() as first, database.read_only() as second:
            sizes = [(await session.execute(text("PRAGMA cache_size"))).scalar_one() for session in (first, second)]
            ids = [id(await (await session.connection()).get_raw_connection()) for session in (first, second)]
        assert sizes == [-SQLITE_CACHE_KIB] * 2 and ids[0] != ids[1]
    finally:
        await database.close()
