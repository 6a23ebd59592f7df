"""Throw-away databases for benchmarks and tests: a temporary SQLite file or a PostgreSQL schema, never real data."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy import text

from bot.store.db import Database


@asynccontextmanager
async def scratch_schema(url: str, *, prefix: str, keep: bool = False, migrate: bool = True) -> AsyncIterator[Database]:
    """Yields a Database in a new schema on a PostgreSQL server (migrated); drops the schema afterwards.

    With keep=True the schema stays for inspection and its name is printed.
    """
    schema = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = Database(url)
    try:
        async with admin.engine.begin() as connection:
            await connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        database = Database(url, schema=schema)
        try:
            if migrate:
                await database.prepare(upgrade=True)
            yield database
        finally:
            await database.close()
            if keep:
                print(f"kept PostgreSQL schema {schema}")
            else:
                async with admin.engine.begin() as connection:
                    await connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        await admin.close()


@asynccontextmanager
async def scratch_sqlite(*, prefix: str, keep: bool = False) -> AsyncIterator[Database]:
    """Yields a migrated Database in a temporary SQLite file; deletes the folder afterwards unless kept."""
    folder = Path(tempfile.mkdtemp(prefix=f"{prefix}-"))
    database = Database(f"sqlite+aiosqlite:///{folder / 'bench.sqlite3'}")
    try:
        await database.prepare(upgrade=True)
        yield database
    finally:
        await database.close()
        if keep:
            print(f"kept SQLite file {folder / 'bench.sqlite3'}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
