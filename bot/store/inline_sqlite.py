"""SQLite statements run in the event loop's own thread; a locked database is waited for without blocking the loop.

aiosqlite hands every call to a worker thread and waits for the answer: about nine hand-overs per statement
(cursor, execute, fetch, close, ...), each a thread wake-up and a GIL hand-over. On this project's machine a
trivial statement cost 370 µs that way, and the bot benchmark ran 61 updates per second with the hand-overs
against 156 without them, while a typical bot statement itself takes 10 to 500 µs. Running the statement
where it is awaited is the cheaper choice for an in-process database.

What the thread used to give, this module gives in other ways:
- Locks: SQLite's busy handler would sleep inside the call and so block the loop, including the coroutine
  that holds the lock and could release it. So the busy timeout is zero, and a "database is locked" answer
  to a call that changed nothing is retried here after an asyncio.sleep, for up to LOCK_WAIT_SECONDS, then
  raised as before (a stale snapshot, SQLITE_BUSY_SNAPSHOT, is raised at once: waiting cannot cure it).
- Fairness: a long run of statements never yields by itself (each await completes at once). Before a
  statement, if the loop has not been given a turn for YIELD_AFTER_SECONDS, it gets one, so polling,
  sending and jobs keep going while a large batch is written.

Everything else is aiosqlite's: its Connection and Cursor classes, whose calls all go through _execute.
The worker thread is still started, for the few calls SQLAlchemy queues to it directly (closing, the
isolation-level setter); sqlite3 is opened with check_same_thread=False, as SQLAlchemy does for aiosqlite.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

import aiosqlite

LOCK_WAIT_SECONDS = 5.0  # as long as the busy timeout the thread-based driver used
YIELD_AFTER_SECONDS = 0.01
_FIRST_RETRY_SECONDS = 0.001
_LONGEST_RETRY_SECONDS = 0.05


class _Turns:
    """When the loop was last given a turn by a statement of this process (one loop thread per process)."""

    last = time.monotonic()


class InlineConnection(aiosqlite.Connection):
    """An aiosqlite connection whose calls run at once in the calling thread."""

    async def _connect(self) -> InlineConnection:
        """Opens the sqlite3 connection here instead of in the worker thread."""
        if self._connection is None:
            try:
                self._connection = self._connector()
            except BaseException:
                self.stop()  # the worker thread would otherwise keep the process from exiting
                self._connection = None
                raise
        return self

    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Runs one driver call now; waits (asynchronously) while another connection holds the write lock."""
        if not self._running or not self._connection:
            raise ValueError("Connection closed")
        if time.monotonic() - _Turns.last >= YIELD_AFTER_SECONDS:
            await _give_the_loop_a_turn()
        delay, deadline = _FIRST_RETRY_SECONDS, None
        while True:
            changes = self._connection.total_changes
            try:
                return fn(*args, **kwargs)
            except sqlite3.OperationalError as error:
                # Retried only when the refused call changed nothing (an executemany refused half-way is not).
                if not is_locked(error) or self._connection.total_changes != changes:
                    raise
                now = time.monotonic()
                deadline = deadline if deadline is not None else now + LOCK_WAIT_SECONDS
                if now >= deadline:
                    raise
            await asyncio.sleep(delay)
            _Turns.last = time.monotonic()
            delay = min(delay * 2, _LONGEST_RETRY_SECONDS)


async def _give_the_loop_a_turn() -> None:
    """Lets every other ready task run once."""
    await asyncio.sleep(0)
    _Turns.last = time.monotonic()


_BUSY_SNAPSHOT = 517  # SQLITE_BUSY_SNAPSHOT: the transaction read data another one changed since; waiting won't help


def is_locked(error: sqlite3.OperationalError) -> bool:
    """Tells whether SQLite refused because another connection holds a lock, so that waiting can help."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF == sqlite3.SQLITE_BUSY and code != _BUSY_SNAPSHOT
    return "database is locked" in str(error)


def connector(database: str, **options: Any) -> Callable[[], Awaitable[InlineConnection]]:
    """Returns SQLAlchemy's async_creator: it opens `database` (with sqlite3 `options`) and a zero busy timeout."""
    options = {**options, "timeout": 0, "check_same_thread": False}

    async def create() -> InlineConnection:
        return await InlineConnection(partial(sqlite3.connect, database, **options), iter_chunk_size=64)

    return create
