"""Reads of a read-only SQLite session run on its sqlite3 connection itself, past SQLAlchemy's execution."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Executable, Result
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store import inline_sqlite
from bot.store.db import execute


async def fetch_inline(
    session: AsyncSession, sql: str, values: dict[str, Any], statement: Callable[[], tuple[Executable, dict[str, Any]]],
    result: Callable[[Sequence[str], Sequence[Any]], Result[Any]],
) -> Result[Any]:
    """Runs a read of a read-only SQLite session (reads_inline) on the session's sqlite3 connection itself (through
    bot.store.inline_sqlite, which waits out locks): sql with :name placeholders, values already processed as
    SQLAlchemy binds them, result makes the column names and rows a result. statement returns SQLAlchemy's statement
    and values: when the driver fails, the read runs that way instead and raises as SQLAlchemy does.

    SQLite runs the same text with the same values (SQLAlchemy's pysqlite dialect sends no BEGIN for a read), but
    SQLAlchemy's execution of a kept statement cost 0.5 ms of CPU on a search's 100-200 values and a new shape's
    text() and compile 3-4 ms more: together a fifth of the search benchmark's CPU per request.
    """
    connection = (await session.connection()).sync_connection
    pooled = connection.connection if connection is not None else None
    driver = pooled.driver_connection if pooled is not None else None
    if not isinstance(driver, inline_sqlite.Connection):
        return await execute(session, *statement())
    try:
        cursor = await driver.execute(sql, values)
        try:
            keys = [column[0] for column in cursor.description or ()]
            records = await cursor.fetchall()
        finally:
            await cursor.close()
    except sqlite3.Error:
        return await execute(session, *statement())
    return result(keys, records)
