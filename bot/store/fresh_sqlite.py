"""A new SQLite file is migrated under a temporary name and renamed into place when complete.

SQLite's migrations run without a transaction around their DDL (Alembic's SQLite support assumes none), so
a process stopped half-way through the first migration (SIGTERM during start-up) left a file with some
tables and no alembic_version, which the next start could not migrate ("table admin_roles already exists").
Migrating a new database under another name and renaming it when done (an atomic rename on one file system)
means the real file either does not exist yet or is complete; a leftover half-built file is deleted at the
next start.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import make_url

SUFFIX = ".migrating"


def new_file(url: str) -> Path | None:
    """Returns the SQLite file of a URL if it does not exist yet (None: exists, in memory, or not SQLite)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    if parsed.database.startswith("file:") or parsed.query:
        return None  # URI file names and options: leave them to SQLite itself
    path = Path(parsed.database)
    return None if path.exists() else path


def building_url(url: str, path: Path) -> tuple[str, Path]:
    """Returns the URL and path to build the new file under, with any leftover of an earlier try removed."""
    building = path.with_name(path.name + SUFFIX)
    for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm"), Path(f"{building}-journal")):
        leftover.unlink(missing_ok=True)
    return make_url(url).set(database=str(building)).render_as_string(hide_password=False), building


def move_into_place(building: Path, path: Path) -> None:
    """Renames the complete file to its real name (its connections must be closed, so no WAL is left)."""
    os.replace(building, path)
