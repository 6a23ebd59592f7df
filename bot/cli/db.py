"""`ehrenamt-bot db upgrade|downgrade|current`: the schema through Alembic."""

from __future__ import annotations

import argparse

from alembic.util.exc import CommandError as AlembicError

from bot.cli.common import run_with_database
from bot.cli.errors import CommandError
from bot.settings import Settings
from bot.store import migrate
from bot.store.db import Database


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds the db command and its actions."""
    parser = subparsers.add_parser("db", help="database schema: upgrade, downgrade, current")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("upgrade", help="migrate to the newest schema").set_defaults(func=upgrade)
    down = actions.add_parser("downgrade", help="migrate back to a revision ('base' empties the database)")
    down.add_argument("revision", help="a revision id as `db current` prints it (e.g. 0012), or base")
    down.set_defaults(func=downgrade)
    actions.add_parser("current", help="print the database's and the code's revision").set_defaults(func=current)


def upgrade(args: argparse.Namespace) -> int:
    """Migrates the configured database to the newest schema."""

    async def work(database: Database, settings: Settings) -> None:
        current, head = await database.run_sync(migrate.revisions)
        print(f"schema at {current} (newest {head}) · {_where(database)}")

    run_with_database(work, upgrade=True)
    return 0


def downgrade(args: argparse.Namespace) -> int:
    """Migrates the configured database back to a revision."""

    async def work(database: Database, settings: Settings) -> None:
        try:
            await database.run_sync(lambda connection: migrate.downgrade(connection, args.revision))
        except AlembicError as error:  # an unknown or ambiguous revision: Alembic's sentence, not its traceback
            known = migrate.revision_ids()
            raise CommandError(f"db downgrade {args.revision}: {error}; known: base, {known[0]} … {known[-1]} "
                               "(the leading digits are enough, e.g. 0012)") from None
        print(f"downgraded to {args.revision} · {_where(database)}")

    run_with_database(work, prepare=False)
    return 0


def current(args: argparse.Namespace) -> int:
    """Prints the database's revision and the code's newest one."""

    async def work(database: Database, settings: Settings) -> None:
        current_revision, head = await database.run_sync(migrate.revisions)
        state = "up to date" if current_revision == head else "behind: run `ehrenamt-bot db upgrade`"
        print(f"database {current_revision or '-'} · code {head} · {state}")

    run_with_database(work, prepare=False)
    return 0


def _where(database: Database) -> str:
    """Names the database without its password."""
    from sqlalchemy.engine import make_url

    return make_url(database.url).render_as_string(hide_password=True)
