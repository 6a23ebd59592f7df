"""A small builder for the search's SQL text: every value bound, numbers typed as doubles.

The search statement changes shape with the request (categories, words, time families, place), and
building it as SQLAlchemy expressions cost more than running it: plain SQL text is cheap to make.
Values are bound, so requests of one shape share one text, which asyncpg prepares on a connection and keeps
there from its second run on (a round trip and the result decoder saved on every later search; at most
bot.store.db.DRIVER_STATEMENTS, so the fewer shapes the better). PostgreSQL plans each execution with its
values, because bot.store.db sets plan_cache_mode=force_custom_plan: its generic plan, chosen after five
runs of a prepared statement, ignored where and what was searched (450 ms instead of 6 ms for "Krötenzaun in
Frankfurt"). Numbers are doubles on both databases, so both do the same arithmetic.

The statement object of a shape is made once per process and kept (see `Shapes`): turning the text into a
TextClause (a regular-expression pass over it, a bound-parameter object per value) and computing its cache
key cost about as much as SQLite running the search. A kept statement carries its cache key, so SQLAlchemy
goes straight to its compiled form and only the values travel with each execution. On PostgreSQL a read-only
session's statement goes further, to the driver itself (see `DriverForm`): SQLAlchemy's execution of a compiled
statement cost as much CPU again as asyncpg's.
"""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Unpack
from weakref import WeakKeyDictionary

from sqlalchemy import Dialect, Executable, Float, Integer, Result, String, TextClause, bindparam, text
from sqlalchemy.engine import IteratorResult
from sqlalchemy.engine.result import SimpleResultMetaData
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.types import TypeEngine

from bot.store.db import execute, fetch_on_driver, reads_inline, reads_on_driver
from bot.store.inline_reads import fetch_inline

# Distinct shapes seen by the benchmarks stay in the low hundreds; the bound keeps odd traffic from growing it.
MAX_SHAPES = 1024


# A shape's key entry for a number and an integer bound without an explicit type (see SqlText.bind).
_UNTYPED_FLOAT: tuple[type, None] = (float, None)
_UNTYPED_INT: tuple[type, None] = (int, None)


class SqlText:
    """Collects bound values while a statement's text is written for one database dialect."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self._values: dict[str, Any] = {}
        self._types: list[tuple[type, type[TypeEngine[Any]] | None]] = []
        self._explicit: dict[str, TypeEngine[Any]] = {}
        self._once: dict[tuple[type, Any], str] = {}
        self._shared: dict[Any, tuple[str, str | Callable[[], str]]] = {}
        # What parts of the statement keep about it while it is written, by their own key (bot.search.textmatch:
        # the words whose holders one shared subquery reads).
        self.parts: dict[Any, Any] = {}
        # Names a shared subquery of the try's candidate ids (bot.search.retrieval), when there is one: the rows
        # holding a word are then looked for among those only (bot.search.textmatch).
        self.candidate_ids: Callable[[], str] | None = None
        # The shared subquery of the candidates, once made, and the FROM source and WHERE it reads them with.
        self.kept_candidates: tuple[str, str] | None = None
        # The try whose candidates those are, when they are exactly the listings it admits with its words aside (its
        # criteria, try, moment and table), and the shared subquery's name, made on first use: the unfound note's look
        # beside the page reads them there (bot.search.unfound.held_tests).
        self.admitted: tuple[tuple[Any, ...], Callable[[], str]] | None = None
        # PostgreSQL: the name of the row that carries the candidate's own text vector, when one does (`o` of a pooled
        # try, `w` of the words' holders a try starts from: bot.search.sources.candidates), so every word test of the
        # ranking reads it there (bot.search.textmatch), in the one pass over the candidates.
        self.row_vectors: str | None = None

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

    def bind_once(self, value: str) -> str:
        """Returns the placeholder of a text value, the same one each time the statement binds an equal text: the
        statement's equal tests are then equal in its text as well (bot.search.held_once)."""
        key = (str, value)
        if key not in self._once:
            self._once[key] = self.bind(value)
        return self._once[key]

    def number(self, value: float) -> str:
        """Binds a number computed by the code (coordinates, weights) as a double precision value."""
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"not a finite number: {value!r}")
        # bind() written out: a request's statement binds about 70 numbers.
        name = f"p{len(self._values)}"
        self._values[name] = number
        self._types.append(_UNTYPED_FLOAT)
        return f":{name}" if self.dialect == "sqlite" else f"CAST(:{name} AS DOUBLE PRECISION)"

    def integer(self, value: int) -> str:
        """Binds an integer computed by the code (a bitmask, a limit)."""
        name = f"p{len(self._values)}"
        self._values[name] = int(value)
        self._types.append(_UNTYPED_INT)
        return f":{name}" if self.dialect == "sqlite" else f"CAST(:{name} AS BIGINT)"

    def true(self, column: str) -> str:
        """Returns a condition that a boolean column is true, as the partial indexes spell it."""
        return f"{column} = 1" if self.is_sqlite else column

    def shared(self, key: Any, body: Callable[[], str], *, deferred: bool = False) -> str:
        """Returns the name of a subquery the statement computes once (a materialized WITH entry), made by body
        on the first request for key; later parts of the statement asking for the same key read the same rows.

        deferred: body is called only when the WITH clause is written, so what asks for the subquery later can
        still add to it (it must ask for any shared subquery of its own before this one's first request).
        """
        if key not in self._shared:
            if deferred:
                self._shared[key] = (f"w{len(self._shared)}", body)
            else:
                text = body()  # first: the body may ask for shared subqueries of its own, which must come before it
                self._shared[key] = (f"w{len(self._shared)}", text)
        return self._shared[key][0]

    def with_clause(self) -> str:
        """Returns the WITH clause of the shared subqueries asked for so far (empty without any), to lead the
        statement; written only once all its parts are."""
        if not self._shared:
            return ""
        entries: list[str] = []
        for key, (name, body) in list(self._shared.items()):
            text = body() if callable(body) else body  # a deferred body is written once, here
            self._shared[key] = (name, text)
            entries.append(f"{name} AS MATERIALIZED ({text})")
        return "WITH " + ", ".join(entries) + " "

    def statement(self, sql: str, *, columns: dict[str, TypeEngine[Any]] | None = None) -> BoundStatement:
        """Returns the finished statement (the kept one of its shape) with this request's values.

        columns types result columns (JSON read back as lists), as TextClause.columns does.
        """
        typed = tuple((name, type(type_)) for name, type_ in columns.items()) if columns else ()
        key = (self.dialect, sql, tuple(self._types), typed)
        values = dict(self._values)
        return BoundStatement(shapes.get(key, lambda: Shape(sql, values, dict(self._explicit), columns or {})), values)


@dataclass(slots=True)
class Shape:
    """One shape of statement: its text with :name placeholders, typed by the values of its first request, made
    into SQLAlchemy's statement or the driver's form on first use."""

    sql: str
    first_values: dict[str, Any]
    explicit: dict[str, TypeEngine[Any]]
    columns: dict[str, TypeEngine[Any]]
    _statement: Executable | None = None
    _driver: DriverForm | None = None
    _inline: InlineForm | None = None

    @property
    def statement(self) -> Executable:
        """Returns SQLAlchemy's statement of the shape, made on first use."""
        if self._statement is None:
            clause: TextClause = text(self.sql).bindparams(*(
                bindparam(name, value, type_=self.explicit.get(name)) for name, value in self.first_values.items()))
            self._statement = clause.columns(**self.columns) if self.columns else clause
        return self._statement

    def inline_form(self, dialect: Dialect) -> InlineForm:
        """Returns the statement as sqlite3 runs it, written on first use."""
        if self._inline is None:
            self._inline = InlineForm.write(self, dialect)
        return self._inline

    def driver_form(self, dialect: Dialect) -> DriverForm:
        """Returns the statement as asyncpg runs it, written on first use."""
        if self._driver is None:
            self._driver = DriverForm.write(self, dialect)
        return self._driver


# The types SQLAlchemy gives a value bound without one (what the search binds: words, numbers, integers).
_IMPLICIT: dict[type, TypeEngine[Any]] = {str: String(), float: Float(), int: Integer()}
_PLACEHOLDER = re.compile(r"(?<![:\w\x5c]):(\w+)(?![:\w])")  # as SQLAlchemy's text() finds them


@dataclass(frozen=True, slots=True)
class DriverForm:
    """A statement as SQLAlchemy sends it to asyncpg: its SQL text, the order of its values with each one's bind
    processing (UTC for timestamps), and what its result columns need (the driver decodes JSON itself).

    Written from the shape's text without SQLAlchemy: for a new shape its text() and compile cost 3-4 ms of CPU,
    paid by a third of the benchmark's requests (146 shapes in 500). The text is the one SQLAlchemy's compile
    writes, placeholders numbered by first appearance and cast to their types (tests/search/test_sql_shapes.py).
    """

    sql: str
    names: tuple[str, ...]
    binds: tuple[Callable[[Any], Any] | None, ...]
    results: Mapping[str, Callable[[Any], Any]]

    @classmethod
    def write(cls, shape: Shape, dialect: Dialect) -> DriverForm:
        """Writes a shape's statement for asyncpg once."""
        names: list[str] = []
        casts: dict[str, str] = {}
        binds: list[Callable[[Any], Any] | None] = []

        def placeholder(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in casts:
                explicit = shape.explicit.get(name)
                type_name, bind = (_typed(explicit, dialect) if explicit is not None
                                   else _implicit(type(shape.first_values[name]), dialect))
                names.append(name)
                casts[name] = f"${len(names)}::{type_name}"
                binds.append(bind)
            return casts[name]

        sql = _PLACEHOLDER.sub(placeholder, shape.sql)
        return cls(sql, tuple(names), tuple(binds), _result_processors(shape, dialect))

    def arguments(self, values: dict[str, Any]) -> list[Any]:
        """Returns one execution's values in the statement's order, processed as SQLAlchemy would."""
        return [value if bind is None else bind(value)
                for value, bind in zip((values[name] for name in self.names), self.binds)]

    def result(self, keys: Sequence[str], records: Sequence[Any]) -> Result[Any]:
        """Returns the driver's records (with their column names) as SQLAlchemy's result of rows."""
        return _result(self.results, keys, records)


@dataclass(frozen=True, slots=True)
class InlineForm:
    """A statement as sqlite3 runs it (bot.store.inline_reads): the shape's own text, whose :name placeholders
    sqlite3 reads as they are, the values that need SQLAlchemy's bind processing (UTC timestamps written as text),
    and what its result columns need (JSON read back as lists)."""

    processed: tuple[tuple[str, Callable[[Any], Any]], ...]
    results: Mapping[str, Callable[[Any], Any]]

    @classmethod
    def write(cls, shape: Shape, dialect: Dialect) -> InlineForm:
        """Writes a shape's statement for sqlite3 once (KeyError: a value of a kind bound without a type that is no
        word or number)."""
        processed: list[tuple[str, Callable[[Any], Any]]] = []
        for name, value in shape.first_values.items():
            explicit = shape.explicit.get(name)
            _, bind = _typed(explicit, dialect) if explicit is not None else _implicit(type(value), dialect)
            if bind is not None:
                processed.append((name, bind))
        return cls(tuple(processed), _result_processors(shape, dialect))

    def arguments(self, values: dict[str, Any]) -> dict[str, Any]:
        """Returns one execution's values, processed as SQLAlchemy would."""
        if not self.processed:
            return values
        arguments = dict(values)
        for name, bind in self.processed:
            arguments[name] = bind(arguments[name])
        return arguments

    def result(self, keys: Sequence[str], records: Sequence[Any]) -> Result[Any]:
        """Returns sqlite3's rows (with their column names) as SQLAlchemy's result of rows."""
        return _result(self.results, keys, records)


def _result_processors(shape: Shape, dialect: Dialect) -> dict[str, Callable[[Any], Any]]:
    """Returns the result processing of a shape's typed columns, by name (the columns that need none left out)."""
    return {name: process for name, type_ in shape.columns.items()
            if (process := type_.dialect_impl(dialect).result_processor(dialect, None)) is not None}


def _result(results: Mapping[str, Callable[[Any], Any]], keys: Sequence[str], records: Sequence[Any]) -> Result[Any]:
    """Returns a driver's records (with their column names) as SQLAlchemy's result of rows, by name and by position,
    with the result processing of the typed columns applied."""
    rows: Iterable[Sequence[Any]] = records
    if results and records:
        indexes = [(index, results[key]) for index, key in enumerate(keys) if key in results]
        rows = [_processed(record, indexes) for record in records]
    return IteratorResult(SimpleResultMetaData(keys), iter(rows))


def _typed(type_: TypeEngine[Any], dialect: Dialect) -> tuple[str, Callable[[Any], Any] | None]:
    """Returns a type's name in the dialect's SQL and its bind processing (None: the value goes as it is)."""
    return dialect.type_compiler_instance.process(type_), type_.dialect_impl(dialect).bind_processor(dialect)


# The name and bind processing of the implicit types, by the value's type and the dialect: written once, not for
# each of a new shape's 90 values (a third of writing its driver form).
_IMPLICIT_WRITTEN: WeakKeyDictionary[Dialect, dict[type, tuple[str, Callable[[Any], Any] | None]]] = (
    WeakKeyDictionary())


def _implicit(kind: type, dialect: Dialect) -> tuple[str, Callable[[Any], Any] | None]:
    """Returns _typed of the type SQLAlchemy gives a value of this kind bound without one (KeyError: none)."""
    written = _IMPLICIT_WRITTEN.setdefault(dialect, {})
    typed = written.get(kind)
    if typed is None:
        typed = written[kind] = _typed(_IMPLICIT[kind], dialect)
    return typed


def _processed(record: Sequence[Any], indexes: Sequence[tuple[int, Callable[[Any], Any]]]) -> tuple[Any, ...]:
    """Returns a record's values with the result processing of its typed columns applied."""
    values = list(record)
    for index, process in indexes:
        values[index] = process(values[index])
    return tuple(values)


@dataclass(frozen=True, slots=True)
class BoundStatement:
    """A kept statement and the values of one execution."""

    shape: Shape
    values: dict[str, Any]

    @property
    def statement(self) -> Executable:
        """The kept statement of the shape."""
        return self.shape.statement

    async def run(self, session: AsyncSession) -> Result[Unpack[tuple[Any, ...]]]:
        """Executes on the session's connection (Core, no ORM) and returns the result: a read-only session's on the
        driver directly (PostgreSQL: bot.store.db.fetch_on_driver; SQLite: bot.store.inline_reads), unless a value
        is of a kind the driver's form does not know (SQLAlchemy's path then, as before)."""
        if reads_inline(session):
            try:
                inline = self.shape.inline_form(session.get_bind().dialect)
            except KeyError:  # as below
                return await execute(session, self.statement, self.values)
            return await fetch_inline(session, self.shape.sql, inline.arguments(self.values),
                                      lambda: (self.statement, self.values), inline.result)
        if not reads_on_driver(session):
            return await execute(session, self.statement, self.values)
        try:
            form = self.shape.driver_form(session.get_bind().dialect)
        except KeyError:  # a value bound without a type that is no word or number: SQLAlchemy types it
            return await execute(session, self.statement, self.values)
        return await fetch_on_driver(session, form.sql, form.arguments(self.values),
                                     lambda: (self.statement, self.values), form.result)


class Shapes:
    """The statements of the shapes seen so far, least recently used dropped first beyond `limit`."""

    def __init__(self, limit: int = MAX_SHAPES) -> None:
        self.limit = limit
        self._kept: OrderedDict[tuple[Any, ...], Any] = OrderedDict()

    def get(self, key: tuple[Any, ...], build: Any) -> Any:
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
