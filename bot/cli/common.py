"""Helpers shared by subcommands: settings, the database, progress on a terminal."""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Awaitable, Callable
from typing import TextIO, TypeVar

from pydantic import ValidationError

from bot.cli.errors import CommandError
from bot.settings import Settings, load_settings
from bot.store.db import UNREACHABLE, Database, DatabaseUnreachable
from bot.store.migrate import SchemaOutOfDate

T = TypeVar("T")


def settings_or_exit() -> Settings:
    """Reads the settings, or explains what is wrong and exits."""
    try:
        return load_settings()
    except ValidationError as error:
        lines = [f"  {'.'.join(str(p) for p in e['loc']).upper()}: {e['msg']}" for e in error.errors()]
        raise SystemExit("Die Konfiguration ist fehlerhaft / configuration error:\n" + "\n".join(lines)) from None


def run_with_database(
    work: Callable[[Database, Settings], Awaitable[T]], *, upgrade: bool | None = None, prepare: bool = True
) -> T:
    """Opens the database (migrating SQLite on first use unless prepare=False), runs the work, closes it."""
    settings = settings_or_exit()

    async def _run() -> T:
        database = Database(settings.sqlalchemy_url())
        try:
            if prepare:
                await database.prepare(upgrade=upgrade)
            elif not database.is_sqlite:
                await database.reach()
            return await work(database, settings)
        finally:
            await database.close()

    try:
        return asyncio.run(_run())
    except (SchemaOutOfDate, DatabaseUnreachable, CommandError) as error:
        raise SystemExit(str(error)) from None
    except BrokenPipeError:
        raise  # the reader of our output went away (e.g. `| head`); main() ends quietly
    except OSError as error:
        raise SystemExit(f"{UNREACHABLE}: {error}") from None


class Progress:
    """Shows 'label: done/total (rate/s)' on a terminal, at most a few times a second; silent otherwise."""

    def __init__(self, label: str, total: int | None = None, *, stream: TextIO | None = None) -> None:
        # sys.stderr as it is now, not as it was at import: a default bound then may be a stream closed since
        self.label, self.total = label, total
        self.stream: TextIO = stream if stream is not None else sys.stderr
        self.done = 0
        self.started = self._last = time.monotonic()
        self.enabled = self.stream.isatty()

    def advance(self, count: int = 1) -> None:
        """Counts work done and redraws the line when enough time passed."""
        self.done += count
        now = time.monotonic()
        if self.enabled and now - self._last >= 0.25:
            self._last = now
            self.stream.write(f"\r{self._line(now)}")
            self.stream.flush()

    def finish(self) -> float:
        """Ends the progress line and returns the elapsed seconds."""
        elapsed = time.monotonic() - self.started
        if self.enabled:
            self.stream.write(f"\r{self._line(time.monotonic())}\n")
            self.stream.flush()
        return elapsed

    def _line(self, now: float) -> str:
        """Formats the progress line."""
        rate = self.done / max(now - self.started, 1e-9)
        total = f"/{self.total:,}" if self.total else ""
        return f"{self.label}: {self.done:,}{total} ({rate:,.0f}/s)".replace(",", ".")
