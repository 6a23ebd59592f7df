"""INSERT ... ON CONFLICT for whichever database a session or statement is for."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession


def dialect_insert(session: AsyncSession, table: Any) -> Any:
    """Returns an INSERT for the session's database that supports on_conflict_do_nothing/update."""
    return insert_for(session.get_bind().dialect.name, table)


def insert_for(dialect: str, table: Any) -> Any:
    """Returns an INSERT with on_conflict_do_nothing/update for the named database dialect."""
    return (pg_insert if dialect == "postgresql" else sqlite_insert)(table)


def dialect_of(session: AsyncSession) -> str:
    """Returns the name of the session's database dialect ("sqlite" or "postgresql")."""
    return session.get_bind().dialect.name
