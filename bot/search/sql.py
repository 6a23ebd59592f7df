"""A small builder for the search's SQL text: numbers typed as doubles, a person's words always bound.

The search statement changes shape with the request (categories, words, time families, place), and
building it as SQLAlchemy expressions cost more than running it: plain SQL text is cheap to make.
Numbers the code computed (coordinates, weights, bitmasks) are written into PostgreSQL's text: with
them bound, requests of one shape shared a prepared statement, and after five runs PostgreSQL's generic
plan ignored where and what was searched (450 ms instead of 6 ms for "Krötenzaun in Frankfurt"). SQLite
plans every statement with its values, so there they stay bound. Either way they are doubles, so both
databases do the same arithmetic.
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
        """Returns a number computed by the code as a double: bound on SQLite, written out on PostgreSQL."""
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"not a finite number: {value!r}")
        return self.bind(number) if self.is_sqlite else f"CAST({number!r} AS DOUBLE PRECISION)"

    def integer(self, value: int) -> str:
        """Returns an integer computed by the code (a bitmask, a limit): bound on SQLite, written out on PostgreSQL."""
        return self.bind(int(value)) if self.is_sqlite else str(int(value))

    def true(self, column: str) -> str:
        """Returns a condition that a boolean column is true, as the partial indexes spell it."""
        return f"{column} = 1" if self.is_sqlite else column

    def statement(self, sql: str) -> TextClause:
        """Returns the finished statement with its bound values."""
        return text(sql).bindparams(*self._binds)
