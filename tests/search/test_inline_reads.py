"""A read-only session's search statements on SQLite go to sqlite3 directly: the same text, the same values as
SQLAlchemy binds them, the same rows; errors and other sessions take SQLAlchemy's path as before."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest
from sqlalchemy import JSON
from sqlalchemy.exc import DBAPIError

from bot.search import sql as search_sql
from bot.search.sql import BoundStatement, SqlText
from bot.store.db import Database, execute, reads_inline
from bot.store.types import UTCDateTime

MOMENT = datetime(2026, 12, 4, 12, 30, tzinfo=timezone.utc)


def _statement(*, columns: dict[str, Any] | None = None) -> BoundStatement:
    """A statement with every kind of value the search binds, one placeholder written twice, a JSON column."""
    sql = SqlText("sqlite")
    number = sql.number(1.5)
    return sql.statement(
        f"SELECT {number} * {number} AS area, {sql.integer(7)} AS seven, {sql.bind('museum')} AS word, "
        f"{sql.bind(MOMENT, UTCDateTime())} AS moment, "
        f"{sql.bind(MOMENT, UTCDateTime())} > '2026-12-04 12:29' AS later, json('[\"ar\"]') AS languages",
        columns=columns,
    )


async def test_rows_read_inline_are_sqlalchemys_rows(database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    bound = _statement(columns={"languages": JSON(), "moment": UTCDateTime()})
    async with database.read_only() as session:
        plain = (await execute(session, bound.statement, bound.values)).all()

        def refused(*_args: Any, **_kwargs: Any) -> None:
            raise AssertionError("the read went through SQLAlchemy")

        monkeypatch.setattr(search_sql, "execute", refused)
        fast = (await bound.run(session)).all()
    assert fast == plain
    (row,) = fast
    assert row.area == 2.25 and row.seven == 7 and row.word == "museum" and row.languages == ["ar"]
    assert row.moment == MOMENT and row.moment.tzinfo == timezone.utc and row.later == 1 and row[1] == 7


async def test_a_failing_read_raises_as_sqlalchemy_does(database: Database) -> None:
    sql = SqlText("sqlite")
    failing = sql.statement(f"SELECT {sql.integer(1)} FROM no_such_table")
    async with database.read_only() as session:
        with pytest.raises(DBAPIError, match="no such table"):  # SQLAlchemy's error, not sqlite3's own
            await failing.run(session)
        assert (await _statement().run(session)).one().seven == 7  # the session goes on


async def test_only_read_only_sessions_read_inline(database: Database) -> None:
    async with database.read_only() as session:
        assert reads_inline(session)
    async with database.unit_of_work() as session:
        assert not reads_inline(session)
        assert (await _statement().run(session)).one().word == "museum"
