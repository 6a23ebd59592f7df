"""A small builder for the search's SQL text: every value bound, numbers typed as doubles.

The search statement changes shape with the request (categories, words, time families, place), and
building it as SQLAlchemy expressions cost more than running it: plain SQL text is cheap to make.
Values are bound, so requests of one shape share one text, which asyncpg prepares once per connection
(a round trip and the result decoder saved on every later search). PostgreSQL plans each execution with its
values, because bot.store.db sets plan_cache_mode=force_custom_plan: its generic plan, chosen after five
runs of a prepared statement, ignored where and what was searched (450 ms instead of 6 ms for "Krötenzaun in
Frankfurt"). Numbers are doubles on both databases, so both do the same arithmetic.

The statement object of a shape is made once per process and kept (see `Shapes`): turning the text into a
TextClause (a regular-expression pass over it, a bound-parameter object per value) and computing its cache
key cost about as much as SQLite running the search. A kept statement carries its cache key, so SQLAlchemy
goes straight to its compiled form and only the values travel with each execution.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Unpack

from sqlalchemy import Executable, Result, TextClause, bindparam, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.types import TypeEngine

from bot.store.db import execute

# Distinct shapes seen by the benchmarks stay in the low hundreds; the bound keeps odd traffic from growing it.
MAX_SHAPES = 1024


class SqlText:
    """Collects bound values while a statement's text is written for one database dialect."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self._values: dict[str, Any] = {}
        self._types: list[tuple[type, type[TypeEngine[Any]] | None]] = []
        self._explicit: dict[str, TypeEngine[Any]] = {}
        self._shared: dict[Any, tuple[str, str]] = {}
        # Names a shared subquery of the try's candidate ids (bot.search.retrieval), when there is one: the rows
        # holding a word are then looked for among those only (bot.search.textmatch).
        self.candidate_ids: Callable[[], str] | None = None

    @property
    def is_sqlite(self) -> bool:
        """Tells whether the text is for SQLite (else PostgreSQL)."""
        return self.dialect == "sqlite"

    def bind(self, value: Any, type_: TypeEngine[Any] | None = None) -> str:
        """Returns a placeholder for a value that is sent separately from the text."""
        name = f"p{len(self._values)}"
        self._values[name] = value
        # The shape's key holds each value's Python type and the explicit type: an equal text with other
        # kinds of values gets a statement of its own, so every value is processed as on first use.
        self._types.append((type(value), type(type_) if type_ is not None else None))
        if type_ is not None:
            self._explicit[name] = type_
        return f":{name}"

    def number(self, value: float) -> str:
        """Binds a number computed by the code (coordinates, weights) as a double precision value."""
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"not a finite number: {value!r}")
        placeholder = self.bind(number)
        return placeholder if self.is_sqlite else f"CAST({placeholder} AS DOUBLE PRECISION)"

    def integer(self, value: int) -> str:
        """Binds an integer computed by the code (a bitmask, a limit)."""
        placeholder = self.bind(int(value))
        return placeholder if self.is_sqlite else f"CAST({placeholder} AS BIGINT)"

    def true(self, column: str) -> str:
        """Returns a condition that a boolean column is true, as the partial indexes spell it."""
        return f"{column} = 1" if self.is_sqlite else column

    def shared(self, key: Any, body: Callable[[], str]) -> str:
        """Returns the name of a subquery the statement computes once (a materialized WITH entry), made by body
        on the first request for key; later parts of the statement asking for the same key read the same rows."""
        if key not in self._shared:
            text = body()  # first: the body may ask for shared subqueries of its own, which must come before it
            self._shared[key] = (f"w{len(self._shared)}", text)
        return self._shared[key][0]

    def with_clause(self) -> str:
        """Returns the WITH clause of the shared subqueries asked for so far (empty without any), to lead the
        statement; written only once all its parts are."""
        if not self._shared:
            return ""
        return "WITH " + ", ".join(f"{name} AS MATERIALIZED ({body})" for name, body in self._shared.values()) + " "

    def statement(self, sql: str, *, columns: dict[str, TypeEngine[Any]] | None = None) -> BoundStatement:
        """Returns the finished statement (the kept one of its shape) with this request's values.

        columns types result columns (JSON read back as lists), as TextClause.columns does.
        """
        typed = tuple((name, type(type_)) for name, type_ in columns.items()) if columns else ()
        key = (self.dialect, sql, tuple(self._types), typed)
        return BoundStatement(shapes.get(key, lambda: self._build(sql, columns)), dict(self._values))

    def _build(self, sql: str, columns: dict[str, TypeEngine[Any]] | None) -> Executable:
        """Makes the statement object of a new shape, typed by this request's values."""
        clause: TextClause = text(sql).bindparams(
            *(bindparam(name, value, type_=self._explicit.get(name)) for name, value in self._values.items()))
        return clause.columns(**columns) if columns else clause


@dataclass(frozen=True, slots=True)
class BoundStatement:
    """A kept statement and the values of one execution."""

    statement: Executable
    values: dict[str, Any]

    async def run(self, session: AsyncSession) -> Result[Unpack[tuple[Any, ...]]]:
        """Executes on the session's connection (Core, no ORM) and returns the result."""
        return await execute(session, self.statement, self.values)


class Shapes:
    """The statements of the shapes seen so far, least recently used dropped first beyond `limit`."""

    def __init__(self, limit: int = MAX_SHAPES) -> None:
        self.limit = limit
        self._kept: OrderedDict[tuple[Any, ...], Executable] = OrderedDict()

    def get(self, key: tuple[Any, ...], build: Any) -> Executable:
        """Returns the statement of a shape, building it on first use."""
        statement = self._kept.get(key)
        if statement is None:
            statement = self._kept[key] = build()
            if len(self._kept) > self.limit:
                self._kept.popitem(last=False)
        else:
            self._kept.move_to_end(key)
        return statement

    def __len__(self) -> int:
        return len(self._kept)


shapes = Shapes()
