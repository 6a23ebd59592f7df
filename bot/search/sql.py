"""A small builder for the search's SQL text: every value bound, numbers typed as doubles.

The search statement changes shape with the request (categories, words, time families, place), and
building it as SQLAlchemy expressions cost more than running it: plain SQL text is cheap to make.
Values are bound, so requests of one shape share one text, which asyncpg prepares once per connection
(a round trip and the result decoder saved on every later search). PostgreSQL plans each execution with its
values, because bot.store.db sets plan_cache_mode=force_custom_plan: its generic plan, chosen after five
runs of a prepared statement, ignored where and what was searched (450 ms instead of 6 ms for "Krötenzaun in
Frankfurt"). Numbers are doubles on both databases, so both do the same arithmetic.
"""

from __future__ import annotations

import math
from typing import Any

from sqlalchemy import TextClause, bindparam, text
from sqlalchemy.types import TypeEngine


class SqlText:
    """Collects bound values while a statement's text is written for one database dialect."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self._binds: list[Any] = []

    @property
    def is_sqlite(self) -> bool:
        """Tells whether the text is for SQLite (else PostgreSQL)."""
        return self.dialect == "sqlite"

    def bind(self, value: Any, type_: TypeEngine[Any] | None = None) -> str:
        """Returns a placeholder for a value that is sent separately from the text."""
        name = f"p{len(self._binds)}"
        self._binds.append(bindparam(name, value, type_=type_))
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

    def statement(self, sql: str) -> TextClause:
        """Returns the finished statement with its bound values."""
        return text(sql).bindparams(*self._binds)
