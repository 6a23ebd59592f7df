"""Alembic, driven from code: the same migrations serve SQLite and PostgreSQL."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from bot.store.models import Base

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The search's full-text tables, generated column and indexes are written by hand in migrations 0003, 0006,
# 0007, 0019, 0020 and 0021 (FTS5, tsvector, partial covering indexes, SQLite's index on the latitude's bands); the
# models do not describe them.
_BY_HAND = (
    "opportunity_search", "search_terms", "search_vector", "ix_opportunities_search",
    "volunteer_ad_search", "ix_volunteer_ads_search", "data_version",
)


class SchemaOutOfDate(RuntimeError):
    """The database is behind the code; the message says what to run."""

    def __init__(self, current: str | None, head: str | None) -> None:
        super().__init__(
            f"the database schema is at {current or 'nothing'}, the code needs {head}: run `ehrenamt-bot db upgrade`"
        )


def alembic_config(connection: Connection | None = None) -> Config:
    """Returns an Alembic configuration pointing at our migrations (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Upgrades the database behind a connection to a revision."""
    command.upgrade(alembic_config(connection), revision)


def downgrade(connection: Connection, revision: str) -> None:
    """Downgrades the database behind a connection to a revision."""
    command.downgrade(alembic_config(connection), revision)


def include_object(item: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Tells Alembic's autogenerate which objects the models own: all but the search's hand-written ones."""
    return not (name or "").startswith(_BY_HAND)


def differences(connection: Connection) -> list[Any]:
    """Returns what autogenerate would change to make the database match the models (empty when they agree)."""
    context = MigrationContext.configure(connection, opts={"compare_type": True, "include_object": include_object})
    with warnings.catch_warnings():
        # SQLAlchemy cannot reflect an index on an expression (0021's, SQLite) and says so before include_object
        # leaves it out as the search's own.
        warnings.filterwarnings("ignore", message="Skipped unsupported reflection of expression-based index "
                                "ix_opportunities_search_")
        return list(compare_metadata(context, Base.metadata))


def revision_ids() -> list[str]:
    """Returns the code's revision ids, oldest first."""
    scripts = ScriptDirectory.from_config(alembic_config()).walk_revisions()  # newest first
    return [script.revision for script in reversed(list(scripts))]


def revisions(connection: Connection) -> tuple[str | None, str | None]:
    """Returns (the database's revision, the newest revision in the code)."""
    current = MigrationContext.configure(connection).get_current_revision()
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    return current, head
