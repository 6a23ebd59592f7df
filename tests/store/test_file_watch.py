"""A SQLite file deleted or replaced under the running process stops it, instead of losing every later write."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.store import file_watch
from bot.store.db import Database
from bot.store.file_watch import DatabaseFileGone

INSERT = text("INSERT INTO notes (body) VALUES (:body)")


def _raise_instead_of_exiting(message: str) -> None:
    raise DatabaseFileGone(message)


@pytest.fixture
async def notes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Database]:
    """A database file with one table, whose watch raises instead of ending the test process."""
    monkeypatch.setattr(file_watch, "stop_process", _raise_instead_of_exiting)
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'notes.sqlite3'}")
    async with database.unit_of_work() as session:
        await session.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"))
        await session.execute(INSERT, {"body": "before"})
    yield database
    await database.close()


async def test_a_deleted_file_stops_the_next_commit(notes: Database, tmp_path: Path) -> None:
    (tmp_path / "notes.sqlite3").unlink()
    with pytest.raises(DatabaseFileGone, match=r"notes.sqlite3 was deleted while this process had it open"):
        async with notes.unit_of_work() as session:
            await session.execute(INSERT, {"body": "would be lost"})


async def test_a_replaced_file_stops_the_next_commit(notes: Database, tmp_path: Path) -> None:
    restored = tmp_path / "restored.sqlite3"
    sqlite3.connect(restored).close()
    os.replace(restored, tmp_path / "notes.sqlite3")  # as a restore from a backup would
    with pytest.raises(DatabaseFileGone, match="was replaced by another file"):
        async with notes.unit_of_work() as session:
            await session.execute(INSERT, {"body": "would be lost"})


async def test_reads_notice_it_too_after_a_while(notes: Database, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(file_watch, "CHECK_EVERY_SECONDS", 0.0)
    (tmp_path / "notes.sqlite3").unlink()
    with pytest.raises(DatabaseFileGone, match="was deleted"):
        async with notes.read_only() as session:
            await session.execute(text("SELECT count(*) FROM notes"))


async def test_the_same_file_goes_on_working(notes: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(file_watch, "CHECK_EVERY_SECONDS", 0.0)
    for number in range(3):
        async with notes.unit_of_work() as session:
            await session.execute(INSERT, {"body": f"note {number}"})
    async with notes.read_only() as session:
        assert (await session.execute(text("SELECT count(*) FROM notes"))).scalar_one() == 4


def test_in_memory_databases_are_not_watched() -> None:
    assert file_watch.FileWatch.of(":memory:") is None and file_watch.FileWatch.of("file:x?mode=memory") is None


def test_a_real_process_stops_with_a_critical_line_and_exit_code_75(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import asyncio, logging, os
        from sqlalchemy import text
        from bot.store.db import Database

        async def main():
            database = Database("sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}")
            async with database.unit_of_work() as session:
                await session.execute(text("CREATE TABLE notes (body TEXT)"))
            os.unlink("{tmp_path / 'bot.sqlite3'}")
            for number in range(5):
                async with database.unit_of_work() as session:
                    await session.execute(text("INSERT INTO notes VALUES ('lost')"))
                print("answered normally", number, flush=True)

        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
        asyncio.run(main())
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == file_watch.EXIT_CODE == 75
    assert "answered normally" not in done.stdout
    assert "CRITICAL bot.store.file_watch: the SQLite database" in done.stderr and "was deleted" in done.stderr
