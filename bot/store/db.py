"""The database: one engine per process, one session per unit of work, migrations on demand."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, Executable, Result, event, text
from sqlalchemy.dialects.sqlite.aiosqlite import AsyncAdapt_aiosqlite_dbapi, SQLiteDialect_aiosqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.util import await_only

from bot.store import fresh_sqlite, inline_sqlite, migrate
from bot.store.postgres_ssl import ssl_mode

log = logging.getLogger(__name__)


def rows_affected(result: Result[Any]) -> int:
    """Returns how many rows an INSERT, UPDATE or DELETE changed (AsyncSession.execute types its result plainly)."""
    return int(cast("CursorResult[Any]", result).rowcount or 0)


class ReadOnlyWrite(RuntimeError):
    """A read-only session was asked to write."""


_AUTOCOMMIT = {"isolation_level": "AUTOCOMMIT"}
# Set while Database.read_only checks a PostgreSQL connection out: the checkout then skips the SELECT 1 ping, as
# a read whose connection turns out dead is run once more on a new one (_ReadingSession, execute).
_READER_CHECKOUT: ContextVar[bool] = ContextVar("reader_checkout", default=False)


class _ReadingSession(Session):
    """The session of Database.read_only: ORM writes and Core INSERT, UPDATE and DELETE are refused.

    On PostgreSQL a read that finds its pooled connection dead (the server restarted) runs once more, and at most
    once, on a new connection (_run_again_on_a_new_connection): a read changes nothing and runs without a
    transaction around it, so running it again is safe, and it spares every read the round trip of a ping when
    its connection is checked out. It is not run again when the session has already loaded objects (taking a new
    connection rolls the session back, which would expire them), nor when it failed after running for a while
    (_FAILED_AT_ONCE: a long query an operator ended with pg_terminate_backend stays ended); then the error is
    raised as it was.
    """


# A read whose connection was dead fails within one round trip; one that failed later was running when its
# connection ended (an operator's pg_terminate_backend, say) and is not run again.
_FAILED_AT_ONCE = 1.0  # seconds


@event.listens_for(_ReadingSession, "before_flush")
def _refuse_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.new or session.deleted or any(session.is_modified(item) for item in session.dirty):
        raise ReadOnlyWrite("a read-only session cannot write; use Database.unit_of_work")


@event.listens_for(_ReadingSession, "do_orm_execute")
def _refuse_writes(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        raise ReadOnlyWrite("a read-only session cannot write; use Database.unit_of_work")


@event.listens_for(_ReadingSession, "do_orm_execute")
def _run_again_on_a_new_connection(state: ORMExecuteState) -> Result[Any]:
    """Every execution of a read-only session (execute, scalar, scalars, get, lazy loads) passes here, after
    _refuse_writes (SQLAlchemy's public hook: the result returned here is the execution's result)."""
    started = time.monotonic()
    try:
        return state.invoke_statement()
    except DBAPIError as error:
        if not _may_run_again(state.session, error, state.statement, time.monotonic() - started):
            raise
    _reconnect(state.session)
    return state.invoke_statement()


def _may_run_again(session: Session, error: DBAPIError, statement: Executable, seconds: float) -> bool:
    """Tells whether a read that failed may run once more: its PostgreSQL connection was gone (SQLAlchemy has
    invalidated it) when the statement was sent, and the session holds no loaded objects. Logs the first error."""
    if not error.connection_invalidated or session.get_bind().dialect.name == "sqlite":
        return False
    if seconds >= _FAILED_AT_ONCE or len(session.identity_map) > 0:
        return False
    # The statement's kind and the driver's message only: never the statement's values.
    log.warning(
        "a read (%s) found its PostgreSQL connection closed (%s: %s); running it once more on a new connection",
        type(statement).__name__, type(error.orig).__name__, error.orig,
    )
    return True


def _reconnect(session: Session) -> None:
    """Ends the session's transaction on the dead connection and takes a new one, without a transaction again."""
    session.rollback()
    session.connection(execution_options=_AUTOCOMMIT)


async def execute(
    session: AsyncSession, statement: Executable, values: dict[str, Any], *, started: float | None = None,
) -> Result[Any]:
    """Executes a Core statement on the session's connection (no ORM), as a read-only session's statements are:
    once more, at most once, on a new connection when a read's PostgreSQL connection turns out dead
    (_ReadingSession says when). started: when the read was first tried (by fetch_on_driver), if earlier."""
    started = time.monotonic() if started is None else started
    try:
        return await (await session.connection()).execute(statement, values)
    except DBAPIError as error:
        reading = session.sync_session
        if not isinstance(reading, _ReadingSession):
            raise
        if not _may_run_again(reading, error, statement, time.monotonic() - started):
            raise
    await session.run_sync(_reconnect)
    return await (await session.connection()).execute(statement, values)


def reads_on_driver(session: AsyncSession) -> bool:
    """Tells whether a session's statements may go to the PostgreSQL driver directly (fetch_on_driver): a read-only
    session's, which run without a transaction around them."""
    return isinstance(session.sync_session, _ReadingSession) and session.get_bind().dialect.name != "sqlite"


def reads_inline(session: AsyncSession) -> bool:
    """Tells whether a session's statements may go to the SQLite driver directly (bot.store.inline_reads): a read-only
    session's on SQLite."""
    return isinstance(session.sync_session, _ReadingSession) and session.get_bind().dialect.name == "sqlite"


# Statements a pooled connection keeps prepared for fetch_on_driver, least recently used closed first. Each costs the
# server about 500 KiB (its parsed and analysed query: pg_backend_memory_contexts after preparing 100 of the search
# benchmark's shapes), so a connection's kept statements hold at most about 32 MB. A statement not kept is prepared
# again: a round trip and the parse of 5-13 kB of text (about 1 ms), before the one that runs it. On the benchmark's
# 500 requests (211 shapes, 99 run once) 32 kept cost 470 prepares, and 167 of the 351 requests of one statement
# paid one, which put the median request among them; 64 kept: 335 prepares, 123 of 351.
DRIVER_STATEMENTS = 64
# Shapes a connection has run once lately (their texts' hashes): a shape is kept prepared from its second run on, so
# a request of a shape seldom seen runs prepared once and closed, and does not push a shape in use out of the kept.
SEEN_ONCE = 1024


async def fetch_on_driver(
    session: AsyncSession, sql: str, arguments: Sequence[Any],
    statement: Callable[[], tuple[Executable, dict[str, Any]]],
    result: Callable[[Sequence[str], Sequence[Any]], Result[Any]],
) -> Result[Any]:
    """Runs a read of a read-only PostgreSQL session (reads_on_driver) on the driver's connection itself: sql is the
    statement as SQLAlchemy compiles it, arguments its values in order, result makes the driver's column names and
    records a result. statement returns SQLAlchemy's statement and values, made only when needed.

    SQLAlchemy's execution of a kept, compiled statement cost 0.76 ms of CPU for a search's statement, asyncpg's
    alone 0.37 ms (measured on the benchmark's statements). The statement is prepared on the connection and, from its
    second run there on, kept with it (the pool's connection info, cleared when the connection is replaced; see
    DRIVER_STATEMENTS and SEEN_ONCE). When the driver fails, the read
    goes through SQLAlchemy's own path (execute) instead, which returns its result or raises as SQLAlchemy does,
    and runs the read once more on a new connection when this one turned out dead (a read changes nothing).
    """
    started = time.monotonic()
    connection = (await session.connection()).sync_connection
    pooled = connection.connection if connection is not None else None
    driver = pooled.driver_connection if pooled is not None else None
    if pooled is None or driver is None:  # the session's connection is always open here; SQLAlchemy's path says
        return await execute(session, *statement())
    # Each statement is kept with its column names: asyncpg builds its attribute list anew on every call.
    kept: OrderedDict[str, tuple[Any, list[str]]] = pooled.info.setdefault("driver_statements", OrderedDict())
    try:
        prepared, keys = kept.get(sql) or (None, [])
        if prepared is None:
            keep = _seen_before(pooled.info, sql)
            # A statement run once is prepared unnamed (the server replaces it with the next one): a named one left
            # behind costs asyncpg a Close round trip of its own before the connection's next prepare.
            prepared = await driver.prepare(sql, name=None if keep else "")
            keys = [attribute.name for attribute in prepared.get_attributes()]
            if keep:
                kept[sql] = (prepared, keys)
                if len(kept) > DRIVER_STATEMENTS:
                    kept.popitem(last=False)  # asyncpg closes it on the server once it is no longer referenced
        else:
            kept.move_to_end(sql)
        records = await prepared.fetch(*arguments)
    except Exception:  # noqa: BLE001 - SQLAlchemy's path raises it again as it would have
        kept.pop(sql, None)
        return await execute(session, *statement(), started=started)
    return result(keys, records)


def _seen_before(info: dict[Any, Any], sql: str) -> bool:
    """Tells whether a connection has run this statement once lately (then it is to be kept), noting it if not."""
    seen: OrderedDict[int, None] = info.setdefault("driver_seen_once", OrderedDict())
    key = hash(sql)
    if key in seen:
        del seen[key]
        return True
    seen[key] = None
    if len(seen) > SEEN_ONCE:
        seen.popitem(last=False)
    return False


UNREACHABLE = "Die Datenbank ist nicht erreichbar / database unreachable"


class DatabaseUnreachable(RuntimeError):
    """The database server refuses the connection or the database does not exist; the message says why."""


class Database:
    """Owns the async engine and hands out sessions; commit happens when a unit of work ends cleanly."""

    def __init__(self, url: str, *, echo: bool = False, schema: str | None = None) -> None:
        self.url = url
        # A PostgreSQL schema of its own lets test runs and benchmarks share one server without colliding.
        self.engine: AsyncEngine = _create_engine(url, echo=echo, schema=schema)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        self._reading = async_sessionmaker(self.engine, expire_on_commit=False, sync_session_class=_ReadingSession)

    @property
    def is_sqlite(self) -> bool:
        """Tells whether this is the embedded SQLite store."""
        return self.engine.dialect.name == "sqlite"

    @asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[AsyncSession]:
        """Yields a session; commits when the block ends normally, rolls back on any error."""
        async with self.sessions() as session:
            try:
                yield session
                await session.commit()
            except BaseException:
                await session.rollback()
                raise

    @asynccontextmanager
    async def read_only(self) -> AsyncIterator[AsyncSession]:
        """Yields a session for queries only; it refuses to write (ReadOnlyWrite), so nothing is ever committed.

        On PostgreSQL its statements run without a transaction around them (autocommit), which saves the BEGIN
        and ROLLBACK round trips of every read: a search is one statement, and under load each trip waits for
        the server process to be scheduled (0.9 ms of a search's median wall time at load average 3). Each
        statement still reads one consistent snapshot, as it does in PostgreSQL's default isolation anyway.
        """
        async with self._reading() as session:
            if not self.is_sqlite:  # SQLite's BEGIN costs no round trip; its reads keep their transaction
                checkout = _READER_CHECKOUT.set(True)
                try:
                    await session.connection(execution_options=_AUTOCOMMIT)
                finally:
                    _READER_CHECKOUT.reset(checkout)
            yield session

    async def reach(self) -> None:
        """Connects once, so that a database server that refuses us or a database that does not exist is said in
        one line (DatabaseUnreachable, in the driver's words) instead of a traceback from the first statement."""
        try:
            async with self.engine.connect():
                pass
        except DBAPIError as error:  # raised on connecting here: never an error of a statement
            original = error.orig or error
            cause = original.__cause__ or original  # asyncpg's own exception behind SQLAlchemy's adapter
            first_line = (str(cause).splitlines() or [""])[0]
            raise DatabaseUnreachable(f"{UNREACHABLE}: {type(cause).__name__}: {first_line}") from None
        except OSError as error:  # nothing listens there ("Connect call failed")
            raise DatabaseUnreachable(f"{UNREACHABLE}: {error}") from None

    async def prepare(self, *, upgrade: bool | None = None) -> None:
        """Brings the schema to the newest migration (SQLite: always; PostgreSQL: only when asked)."""
        if not self.is_sqlite:  # SQLite builds a new file under a temporary name: no connection before that
            await self.reach()
        should_upgrade = self.is_sqlite if upgrade is None else upgrade
        if should_upgrade:
            path = fresh_sqlite.new_file(self.url)
            if path is not None:  # built under another name, so a stop half-way leaves no broken file
                url, building = fresh_sqlite.building_url(self.url, path)
                scratch = Database(url)
                try:
                    await scratch.run_sync(migrate.upgrade)
                finally:
                    await scratch.close()
                fresh_sqlite.move_into_place(building, path)
                return
            await self.run_sync(migrate.upgrade)
            return
        current, head = await self.run_sync(migrate.revisions)
        if current != head:
            raise migrate.SchemaOutOfDate(current, head)

    async def refresh_statistics(self) -> None:
        """Updates the planner's statistics after a bulk write (seeding, import), so the next search plans well.

        PostgreSQL's autovacuum gets there too, but only minutes later; until then a freshly loaded table has
        no statistics and the search's plans were 3 to 10 times slower (measured on the bot benchmark).
        VACUUM also marks the pages all-visible, which the covering indexes' index-only scans need.
        """
        async with self.engine.connect() as connection:
            if self.is_sqlite:
                # Sampled (about 1,000 rows an index), so a large file is analysed in milliseconds and a running
                # bot's writes do not wait behind it.
                await connection.execute(text("PRAGMA analysis_limit=1000"))
                await connection.execute(text("ANALYZE"))
                await connection.commit()
                return
            autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
            await autocommit.execute(text("VACUUM ANALYZE opportunities"))
            await autocommit.execute(text("ANALYZE organisations"))
            await autocommit.execute(text("ANALYZE search_terms"))

    async def run_sync(self, function: Any) -> Any:
        """Runs a synchronous migration function on one of this engine's connections."""
        async with self.engine.begin() as connection:
            return await connection.run_sync(function)

    async def close(self) -> None:
        """Closes every pooled connection."""
        await self.engine.dispose()


def _create_engine(url: str, *, echo: bool, schema: str | None = None) -> AsyncEngine:
    """Creates the engine; SQLite runs in the loop's thread (inline_sqlite) with WAL and foreign keys."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        # Plans per execution with its values (see bot.search.sql); no JIT compiling for millisecond queries.
        settings = {"plan_cache_mode": "force_custom_plan", "jit": "off", **({"search_path": schema} if schema else {})}
        connect_args: dict[str, object] = {"server_settings": settings}
        parsed, mode = ssl_mode(parsed)  # "?sslmode=require" of hosted databases: asyncpg's ssl argument
        if mode is not None:
            connect_args["ssl"] = mode
        engine = create_async_engine(parsed, echo=echo, pool_size=10, max_overflow=10, connect_args=connect_args)
        event.listen(engine.sync_engine, "checkout", _postgres_ping)
        return engine
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    # The URL's own options (a file: URI, say) as SQLAlchemy would pass them to sqlite3.connect.
    (database,), options = SQLiteDialect_aiosqlite().create_connect_args(parsed)
    # SQLAlchemy's SQLite asyncio dialect, driven by our own driver module instead of aiosqlite (inline_sqlite
    # says why): `module` replaces the driver the dialect would import, `async_creator` opens the connections.
    engine = create_async_engine(
        url, echo=echo, module=AsyncAdapt_aiosqlite_dbapi(inline_sqlite, sqlite3),
        async_creator=inline_sqlite.connector(database, **options),
    )
    event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


def _postgres_ping(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """Lets a pooled connection notice that the server restarted, instead of failing the request that takes it.

    SQLAlchemy's pool_pre_ping does this on asyncpg with three round trips (BEGIN, a query, ROLLBACK, for
    pgbouncer's transaction mode, which the bot does not use); a plain SELECT 1 outside a transaction is
    one. A search is one statement, so the two saved round trips were a third of its trips to the server.
    Raising DisconnectionError makes the pool drop the connection and hand out a new one.
    A read-only session's checkout only asks the driver whether it saw the connection close (no round trip): a read
    that finds it dead all the same runs once more, at most once, on a new one (_ReadingSession says when). At a
    search's two or three round trips, the ping was one of them.
    """
    connection = dbapi_connection.driver_connection
    if _READER_CHECKOUT.get():
        if connection.is_closed():
            raise DisconnectionError("PostgreSQL connection closed")
        return
    try:
        await_only(connection.execute("SELECT 1"))
    except Exception as error:  # whatever broke the connection, a fresh one is the answer
        raise DisconnectionError(f"PostgreSQL connection lost: {error!r}") from error


SQLITE_CACHE_KIB = 32 * 1024  # per connection, filled only as pages are read


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Sets the pragmas the bot relies on for every new SQLite connection."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # A page cache of up to 32 MiB (SQLite's default is 2 MiB): a search reading a few thousand listings by id or a
    # city's box read most pages from the operating system again on every request. Measured on the search
    # benchmark's 1,070 statements at 100,000 listings: system time 0.35 -> 0.06 s, the same rows.
    # Memory: each pooled connection (5 + 10 overflow) keeps its own cache, so the bound is 15 x 32 MiB, but a cache
    # holds only the pages its connection read, and searches read a small part of the file. Measured (session 16)
    # at 12,525 listings (a 27 MB file), 10 connections at once running 30 searches each: resident memory +25 MiB
    # with this cache, +17 MiB with SQLite's 2 MiB default (run-to-run noise about 5 MiB). Kept; mmap would share
    # the pages between connections but turns an I/O error into a crash of the process.
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cursor.close()
