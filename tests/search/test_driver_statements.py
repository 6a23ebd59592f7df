"""A read-only session's search statements on PostgreSQL go to asyncpg directly: the same SQL text SQLAlchemy would
send, the same values, the same rows; and a try's candidates are read from the index once."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, cast

import pytest
from sqlalchemy import JSON, TextClause
from sqlalchemy.exc import DBAPIError
from sqlalchemy.dialects.postgresql.asyncpg import dialect as asyncpg_dialect

from bot.search.corpus import LISTINGS
from bot.search.sources import from_kept_candidates, keep_candidates
from bot.search import sql as search_sql
from bot.search.sql import BoundStatement, SqlText
from bot.search.textmatch import holds_any
from bot.search.vocabulary import TermGroup
from bot.store import db
from bot.store.db import Database, execute
from bot.store.types import UTCDateTime

MOMENT = datetime(2026, 12, 4, 12, 30, tzinfo=timezone.utc)


def _statement(sql: SqlText, *, columns: dict[str, Any] | None = None) -> BoundStatement:
    """A statement with every kind of value the search binds, one placeholder written twice, a cast in the text."""
    number = sql.number(1.5)
    return sql.statement(
        f"SELECT {number} * {number} AS area, {sql.integer(7)} AS seven, "
        f"to_tsquery('simple'::regconfig, {sql.bind('museum | chor')}) AS query, "
        f"{sql.bind(MOMENT, UTCDateTime())} AS moment, CAST('[\"ar\"]' AS JSON) AS languages",
        columns=columns,
    )


def test_the_drivers_text_is_what_sqlalchemy_compiles() -> None:
    dialect = asyncpg_dialect()  # type: ignore[no-untyped-call]
    bound = _statement(SqlText("postgresql"))
    compiled = cast(TextClause, bound.statement).compile(dialect=dialect)
    form = bound.shape.driver_form(dialect)
    assert form.sql == compiled.string
    assert form.names == tuple(compiled.positiontup or ())
    assert "$1::FLOAT" in form.sql and form.sql.count("$1::FLOAT") == 2  # one value, written twice
    assert form.arguments(bound.values) == [1.5, 7, "museum | chor", MOMENT]


async def test_rows_on_the_driver_are_sqlalchemys_rows(postgres_database: Database) -> None:
    columns = {"languages": JSON(), "moment": UTCDateTime()}
    bound = _statement(SqlText("postgresql"), columns=columns)
    async with postgres_database.read_only() as session:
        fast = (await bound.run(session)).all()
        plain = (await execute(session, bound.statement, bound.values)).all()
    assert fast == plain
    (row,) = fast
    assert row.area == 2.25 and row.seven == 7 and row.languages == ["ar"] and row.moment == MOMENT
    assert row[1] == 7 and row.moment.tzinfo == timezone.utc


async def test_a_failing_read_on_the_driver_raises_as_sqlalchemy_does(postgres_database: Database) -> None:
    sql = SqlText("postgresql")
    failing = sql.statement(f"SELECT 1 / {sql.integer(0)}")
    async with postgres_database.read_only() as session:
        with pytest.raises(DBAPIError, match="division by zero"):  # SQLAlchemy's error, not asyncpg's own
            await failing.run(session)
        assert (await _statement(SqlText("postgresql")).run(session)).one().seven == 7  # the session goes on


def _group(word: str, documents: int) -> TermGroup:
    return TermGroup(word=word, terms=(word,), prefixes=(), documents=documents, fuzzy=False)


def test_the_ranking_reads_the_candidates_the_holders_were_looked_for_among() -> None:
    sql = SqlText("postgresql")
    source = "opportunities o WHERE o.status = 'published' AND o.lat BETWEEN 50 AND 51"
    keep_candidates(sql, source)
    assert from_kept_candidates(sql, source) == source  # no word asked for them: the index as before
    holds_any(sql, [_group("museum", 40)], per_candidate=True, corpus=LISTINGS)
    assert from_kept_candidates(sql, source) == "w0 o"
    assert from_kept_candidates(sql, f"{source} AND o.id > 3") == "w0 o WHERE o.id > 3"
    shared = sql.with_clause()
    assert shared.startswith("WITH w0 AS MATERIALIZED (SELECT o.id, o.category_mask, o.time_mask, ")
    assert shared.count(source) == 1  # the box is read once


async def test_an_empty_result_has_its_columns_and_the_connection_keeps_few_statements(
    postgres_database: Database, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(db, "DRIVER_STATEMENTS", 2)
    async with postgres_database.read_only() as session:
        for limit in range(4):  # four shapes: the text holds the limit
            sql = SqlText("postgresql")
            nothing = sql.statement(f"SELECT {sql.integer(1)} AS one WHERE false LIMIT {limit}")
            assert list((await nothing.run(session)).scalars()) == []
            assert (await nothing.run(session)).keys() == ["one"]
        kept = (await session.connection()).sync_connection.connection.info["driver_statements"]  # type: ignore[union-attr]
        assert len(kept) == 2 and all(text.endswith(("LIMIT 2", "LIMIT 3")) for text in kept)


async def test_a_shape_is_kept_prepared_from_its_second_run_on(postgres_database: Database) -> None:
    async with postgres_database.read_only() as session:
        def once(limit: int) -> BoundStatement:
            sql = SqlText("postgresql")
            return sql.statement(f"SELECT {sql.integer(1)} AS one LIMIT {limit}")

        assert list((await once(7).run(session)).scalars()) == [1]
        kept = (await session.connection()).sync_connection.connection.info["driver_statements"]  # type: ignore[union-attr]
        assert not any(text.endswith("LIMIT 7") for text in kept)  # seen once: run, not kept
        assert list((await once(7).run(session)).scalars()) == [1]
        assert any(text.endswith("LIMIT 7") for text in kept)


async def test_a_shape_run_once_leaves_no_statement_to_close(postgres_database: Database) -> None:
    async with postgres_database.read_only() as session:
        def once(limit: int) -> BoundStatement:
            sql = SqlText("postgresql")
            return sql.statement(f"SELECT {sql.integer(1)} AS one LIMIT {limit}")

        async def on_server(limit: int) -> int:
            sql = SqlText("postgresql")
            count = sql.statement("SELECT count(*) AS n FROM pg_prepared_statements WHERE statement LIKE "
                                  f"{sql.bind(f'% LIMIT {limit}')}")
            return int((await count.run(session)).scalar_one())

        pooled = (await session.connection()).sync_connection.connection  # type: ignore[union-attr]
        driver = pooled.driver_connection
        assert driver is not None
        assert list((await once(11).run(session)).scalars()) == [1]
        assert await on_server(11) == 0  # prepared unnamed: nothing named left on the server
        assert list((await once(12).run(session)).scalars()) == [1]
        assert not driver._stmts_to_close  # nothing for asyncpg to close with a round trip of its own
        assert list((await once(11).run(session)).scalars()) == [1]  # the second run: kept, named
        assert await on_server(11) == 1
        assert list((await once(12).run(session)).scalars()) == [1]  # the unnamed one replaced, not mixed up


def test_a_second_shape_is_written_from_the_kept_types_as_sqlalchemy_compiles_it() -> None:
    dialect = asyncpg_dialect()  # type: ignore[no-untyped-call]
    first = _statement(SqlText("postgresql")).shape.driver_form(dialect)
    sql = SqlText("postgresql")
    second = sql.statement(f"SELECT {sql.integer(3)} + {sql.integer(4)} AS seven, {sql.number(0.5)} AS half, "
                           f"{sql.bind('chor')} AS word, {sql.bind(MOMENT, UTCDateTime())} AS moment")
    compiled = cast(TextClause, second.statement).compile(dialect=dialect)
    form = second.shape.driver_form(dialect)
    assert form.sql == compiled.string and "$1::INTEGER" in form.sql and "$4::VARCHAR" in form.sql
    assert form.arguments(second.values) == [3, 4, 0.5, "chor", MOMENT]
    assert first.sql.startswith("SELECT CAST($1::FLOAT")
    # The implicit types were written once for the dialect: the float's, the integer's and the word's.
    assert {kind: name for kind, (name, _) in search_sql._IMPLICIT_WRITTEN[dialect].items()} == {
        float: "FLOAT", int: "INTEGER", str: "VARCHAR"}
