"""Alembic environment: runs on a connection handed over by bot.store.migrate, or on -x url=... for autogenerate."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from bot.store.migrate import include_object
from bot.store.models import Base

config = context.config
target_metadata = Base.metadata


def _configure_and_run(connection) -> None:  # type: ignore[no-untyped-def]
    """Runs the migrations on one connection; SQLite needs batch mode to alter tables."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,  # autogenerate leaves the search's hand-written objects alone
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _configure_and_run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url")
    if not url:
        raise SystemExit("run migrations through `ehrenamt-bot db upgrade`, or pass -x url=sqlite:///...")
    with create_engine(url).begin() as sync_connection:
        _configure_and_run(sync_connection)
