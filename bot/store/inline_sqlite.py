"""SQLite statements run in the event loop's own thread; a locked database is waited for without blocking the loop.

A thread-based driver (aiosqlite) hands every call to a worker thread and waits for the answer: about nine
hand-overs per statement (cursor, execute, fetch, close, ...), each a thread wake-up and a GIL hand-over. On this
project's machine a trivial statement cost 370 µs that way, and the bot benchmark ran 61 updates per second with
the hand-overs against 156 without them, while a typical bot statement itself takes 10 to 500 µs. Running the
statement where it is awaited is the cheaper choice for an in-process database, and with no thread at all
nothing can keep the process from exiting.

This module is that driver, over the standard sqlite3 module: Connection and Cursor have the asynchronous shape
SQLAlchemy's SQLite asyncio dialect drives (the aiosqlite shape; SQLAlchemy reaches for a few of its attribute
names: `_connection`, `_conn`, `_tx`, `stop`), and the module carries the DB-API names that dialect reads
(exceptions, sqlite_version). bot/store/db.py hands it over through create_async_engine's documented `module=`
and `async_creator=` parameters; tests/store/test_inline_sqlite.py checks the behaviour below through SQLAlchemy.

What the worker thread gave, this module gives in other ways:
- Locks: SQLite's busy handler would sleep inside the call and so block the loop, including the coroutine
  that holds the lock and could release it. So the busy timeout is zero, and a "database is locked" answer
  to a call that changed nothing is retried here after an asyncio.sleep, for up to LOCK_WAIT_SECONDS, then
  raised as before (a stale snapshot, SQLITE_BUSY_SNAPSHOT, is raised at once: waiting cannot cure it).
- Fairness: a long run of statements never yields by itself (each await completes at once). Before a
  statement, if the loop has not been given a turn for YIELD_AFTER_SECONDS, it gets one, so polling,
  sending and jobs keep going while a large batch is written.
And one thing more: the database file is watched (bot/store/file_watch.py); if it is deleted or replaced while
the process runs, the process stops instead of writing into a file nobody will read again.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from sqlite3 import (  # noqa: F401  (the DB-API names SQLAlchemy's dialect reads from its driver module)
    DatabaseError,
    Error,
    IntegrityError,
    NotSupportedError,
    OperationalError,
    ProgrammingError,
    sqlite_version,
    sqlite_version_info,
)
from typing import Any, TypeVar

from bot.store.file_watch import FileWatch

LOCK_WAIT_SECONDS = 5.0  # as long as the busy timeout the thread-based driver used
YIELD_AFTER_SECONDS = 0.01
_FIRST_RETRY_SECONDS = 0.001
_LONGEST_RETRY_SECONDS = 0.05
_BUSY_SNAPSHOT = 517  # SQLITE_BUSY_SNAPSHOT: the transaction read data another one changed since; waiting won't help
T = TypeVar("T")


class _Turns:
    """When the loop was last given a turn by a statement of this process (one loop thread per process)."""

    last = time.monotonic()


class _RunsAtOnce:
    """Stands in for aiosqlite's call queue (`_tx`), which SQLAlchemy's isolation-level setter puts a call on."""

    def put_nowait(self, item: tuple[asyncio.Future[Any], Callable[[], Any]]) -> None:
        """Runs the call now and settles its future."""
        future, function = item
        try:
            future.set_result(function())
        except Exception as error:  # handed to the awaiting caller, as the queue would
            future.set_exception(error)


class Connection:
    """An sqlite3 connection with asynchronous methods that run at once in the calling thread."""

    def __init__(self, connection: sqlite3.Connection, watch: FileWatch | None = None) -> None:
        self._connection: sqlite3.Connection | None = connection  # None once closed (SQLAlchemy checks it)
        self._watch = watch
        self._tx = _RunsAtOnce()

    @property
    def _conn(self) -> sqlite3.Connection:
        """The open sqlite3 connection (SQLAlchemy's isolation-level setter reaches for it by this name)."""
        if self._connection is None:
            raise ValueError("Connection closed")
        return self._connection

    @property
    def isolation_level(self) -> str | None:
        """sqlite3's isolation level (None: autocommit)."""
        return self._conn.isolation_level

    @isolation_level.setter
    def isolation_level(self, value: Any) -> None:
        self._conn.isolation_level = value

    @property
    def in_transaction(self) -> bool:
        """Whether a transaction is open."""
        return self._conn.in_transaction

    @property
    def total_changes(self) -> int:
        """Rows changed since the connection was opened."""
        return self._conn.total_changes

    def cursor(self) -> Cursor:
        """Returns a new cursor (awaitable and usable with `async with`, as SQLAlchemy's versions expect)."""
        return Cursor(self, self._conn.cursor())

    async def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> Cursor:
        """Runs one statement on a new cursor."""
        cursor = self.cursor()
        await cursor.execute(sql, parameters)
        return cursor

    async def commit(self) -> None:
        """Commits, after making sure the file written to is still the database's file."""
        if self._watch is not None:
            self._watch.check()
        await self.run(self._conn.commit)

    async def rollback(self) -> None:
        """Rolls back (never refused for a vanished file: dropping changes loses nothing)."""
        await self.run(self._conn.rollback, watched=False)

    async def create_function(self, name: str, num_params: int, func: Callable[..., Any], *,
                              deterministic: bool = False) -> None:
        """Makes a Python function callable from SQL."""
        self._conn.create_function(name, num_params, func, deterministic=deterministic)

    async def close(self) -> None:
        """Closes the connection; closing twice is harmless."""
        self.stop()

    def stop(self) -> None:
        """Closes at once (SQLAlchemy's terminate); there is no thread to stop."""
        if self._connection is not None:
            connection, self._connection = self._connection, None
            connection.close()

    async def run(self, function: Callable[..., T], *args: Any, watched: bool = True) -> T:
        """Runs one driver call now; waits (asynchronously) while another connection holds the write lock."""
        connection = self._conn
        if time.monotonic() - _Turns.last >= YIELD_AFTER_SECONDS:
            await _give_the_loop_a_turn()
        if watched and self._watch is not None:
            self._watch.check_now_and_then()
        delay, deadline = _FIRST_RETRY_SECONDS, None
        while True:
            changes = connection.total_changes
            try:
                return function(*args)
            except sqlite3.OperationalError as error:
                # Retried only when the refused call changed nothing (an executemany refused half-way is not).
                if not is_locked(error) or connection.total_changes != changes:
                    self._explain(error)
                    raise
                now = time.monotonic()
                deadline = deadline if deadline is not None else now + LOCK_WAIT_SECONDS
                if now >= deadline:
                    raise
            except sqlite3.DatabaseError as error:
                self._explain(error)
                raise
            await asyncio.sleep(delay)
            _Turns.last = time.monotonic()
            delay = min(delay * 2, _LONGEST_RETRY_SECONDS)

    def _explain(self, error: sqlite3.DatabaseError) -> None:
        """A failed call may mean the file went away: then that is the news, not the error."""
        if self._watch is not None:
            self._watch.check(because=error)


class Cursor:
    """An sqlite3 cursor with asynchronous methods that run at once (through the connection's retries)."""

    def __init__(self, connection: Connection, cursor: sqlite3.Cursor) -> None:
        self._connection = connection
        self._cursor = cursor

    def __await__(self) -> Any:
        """`await connection.cursor()` gives the cursor itself (SQLAlchemy 2.0 awaits it)."""
        return self._itself().__await__()

    async def _itself(self) -> Cursor:
        return self

    async def __aenter__(self) -> Cursor:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    @property
    def description(self) -> Any:
        """The result's columns (None for statements without rows)."""
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        """Rows changed by the last statement."""
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        """The row id of the last inserted row."""
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        """Rows fetchmany returns by default."""
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value

    async def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> Cursor:
        """Runs one statement."""
        await self._connection.run(self._cursor.execute, sql, parameters)
        return self

    async def executemany(self, sql: str, parameters: Iterable[Sequence[Any] | dict[str, Any]]) -> Cursor:
        """Runs one statement for each set of parameters."""
        await self._connection.run(self._cursor.executemany, sql, parameters)
        return self

    async def fetchone(self) -> Any:
        """The next row, or None."""
        return await self._connection.run(self._cursor.fetchone)

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        """Up to `size` (default: arraysize) more rows."""
        return await self._connection.run(self._cursor.fetchmany, self._cursor.arraysize if size is None else size)

    async def fetchall(self) -> list[Any]:
        """Every remaining row."""
        return await self._connection.run(self._cursor.fetchall)

    async def setinputsizes(self, *sizes: Any) -> None:
        """Nothing to do for SQLite (DB-API)."""

    async def nextset(self) -> None:
        """SQLite has one result set per statement (DB-API)."""

    async def close(self) -> None:
        """Closes the cursor."""
        self._cursor.close()

    async def __aiter__(self) -> AsyncIterator[Any]:
        while rows := await self.fetchmany():
            for row in rows:
                yield row


async def _give_the_loop_a_turn() -> None:
    """Lets every other ready task run once."""
    await asyncio.sleep(0)
    _Turns.last = time.monotonic()


def is_locked(error: sqlite3.OperationalError) -> bool:
    """Tells whether SQLite refused because another connection holds a lock, so that waiting can help."""
    code: int | None = getattr(error, "sqlite_errorcode", None)  # absent on errors not raised by SQLite itself
    if code is not None:
        return code & 0xFF == sqlite3.SQLITE_BUSY and code != _BUSY_SNAPSHOT
    return "database is locked" in str(error)


async def connect(database: str, **options: Any) -> Connection:
    """Opens `database` with sqlite3 `options` and a zero busy timeout (waiting for locks happens in `run`)."""
    return await connector(database, **options)()


def connector(database: str, **options: Any) -> Callable[[], Awaitable[Connection]]:
    """Returns SQLAlchemy's async_creator: it opens `database` (with sqlite3 `options`) and a zero busy timeout.

    Every connection of one engine watches the same file identity: the one the first connection found.
    """
    options = {**options, "timeout": 0, "check_same_thread": False}
    watched = FileWatch.of(database, uri=bool(options.get("uri")))

    async def create() -> Connection:
        connection = sqlite3.connect(database, **options)
        if watched is not None:
            watched.opened()
        return Connection(connection, watched)

    return create
