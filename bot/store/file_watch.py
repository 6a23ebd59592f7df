"""The SQLite file must stay the file the process opened; if it is deleted or replaced, the process stops.

SQLite keeps writing into a file that was deleted (or renamed away) after it was opened: every answer looks
normal, and everything written is gone at the next start, which opens the new (or no) file. Nothing the process
does from then on can be kept, so the honest reaction is to stop at once with a critical log line and let the
supervisor (systemd, the container runtime) start the process again on a real file. No graceful stop: its steps
(settling broadcast rows, say) would write into the lost file too.

The file's identity (st_dev, st_ino) is taken when the engine's first connection opens it, and compared
- before every commit (a few microseconds: one stat call),
- before a statement when CHECK_EVERY_SECONDS passed since the last comparison (so reads notice too),
- when a call fails (a vanished file may be the cause; then that is what the log says).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

log = logging.getLogger(__name__)
CHECK_EVERY_SECONDS = 1.0
EXIT_CODE = 75  # EX_TEMPFAIL: "try again later" — a restart on the real file is the cure


class DatabaseFileGone(RuntimeError):
    """The database file was deleted or replaced while the process had it open."""


class FileWatch:
    """Watches one SQLite file for an engine's connections."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.identity: tuple[int, int] | None = None
        self.checked = time.monotonic()

    @classmethod
    def of(cls, database: str, *, uri: bool = False) -> FileWatch | None:
        """Returns a watch for a database file, or None for an in-memory database or a file: URI (not watched)."""
        if uri or not database or database == ":memory:" or database.startswith("file:"):
            return None
        return cls(Path(database).resolve())

    def opened(self) -> None:
        """Takes the file's identity when the first connection has opened it; checks it for later ones."""
        if self.identity is None:
            self.identity = _identity(self.path)
            self.checked = time.monotonic()
        else:
            self.check()

    def check_now_and_then(self) -> None:
        """Compares the identity when CHECK_EVERY_SECONDS passed since the last comparison."""
        if time.monotonic() - self.checked >= CHECK_EVERY_SECONDS:
            self.check()

    def check(self, because: BaseException | None = None) -> None:
        """Stops the process when the file is no longer the one opened."""
        self.checked = time.monotonic()
        if self.identity is None:
            return
        now = _identity(self.path)
        if now == self.identity:
            return
        what = "deleted" if now is None else "replaced by another file"
        cause = f" (noticed when a call failed: {because})" if because is not None else ""
        stop_process(f"the SQLite database {self.path} was {what} while this process had it open{cause}; "
                     f"whatever it writes now would be lost, so it stops (exit code {EXIT_CODE}): "
                     f"restart it on the real file")


def stop_process(message: str) -> None:
    """Logs the message as critical and ends the process at once, with EXIT_CODE (tests replace this)."""
    log.critical(message)
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(EXIT_CODE)


def _identity(path: Path) -> tuple[int, int] | None:
    """Returns (st_dev, st_ino) of the file, or None when there is none."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    return status.st_dev, status.st_ino
