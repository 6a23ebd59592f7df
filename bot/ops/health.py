"""Is this bot process healthy? Plain Python on the Database, reusable by any front end (no Telegram here).

Three checks, each with a short answer an operator can act on:
  database  a trivial query answers within DATABASE_TIMEOUT_SECONDS
  schema    the database is at the newest migration of this code
  updates   the process takes updates: long polling works (no getUpdates error in the last STALE_SECONDS
            without a success after it), or the webhook server listens; the age of the last handled update
            is reported, but a quiet hour is no fault
A SQLite file deleted under the running process is reported as a database fault too (SQLite would go on
writing to the deleted file). The result is a JSON-able dict and an HTTP status: 200 when every check
passes, 503 otherwise.
"""

from __future__ import annotations

import asyncio
import os
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import make_url

from bot.store import migrate
from bot.store.db import Database

DATABASE_TIMEOUT_SECONDS = 2.0
STALE_SECONDS = 60.0  # polling errors for this long without a success in between mean "not taking updates"


@dataclass
class Liveness:
    """What the running process reports about taking updates (monotonic times; None: never)."""

    mode: str = "starting"  # "polling", "webhook", "starting", "stopping"
    started_at: float = field(default_factory=time.monotonic)
    last_update_at: float | None = None
    last_poll_ok_at: float | None = None  # polling: the last getUpdates that answered (updates or not)
    last_poll_error_at: float | None = None
    last_poll_error: str | None = None
    receiving: bool = False  # the poller runs, or the webhook server listens

    def update_handled(self) -> None:
        """Notes that an update was handled (it came in, so taking updates works too)."""
        self.last_update_at = self.last_poll_ok_at = time.monotonic()

    def poll_failed(self, error: BaseException) -> None:
        """Notes a getUpdates error (PTB retries on its own)."""
        self.last_poll_error_at = time.monotonic()
        self.last_poll_error = f"{type(error).__name__}: {error}"[:200]


@dataclass(frozen=True)
class Health:
    """The outcome of one health check."""

    checks: dict[str, dict[str, Any]]

    @property
    def ok(self) -> bool:
        """Tells whether every check passed."""
        return all(check["ok"] for check in self.checks.values())

    @property
    def status_code(self) -> int:
        """Returns 200 when healthy, 503 otherwise."""
        return 200 if self.ok else 503

    def to_json(self) -> dict[str, Any]:
        """Returns the body of /healthz."""
        return {"status": "ok" if self.ok else "unhealthy", "checks": self.checks}


async def check(database: Database | None, liveness: Liveness, *, now: float | None = None) -> Health:
    """Runs every check; never raises (a failing check says why)."""
    now = time.monotonic() if now is None else now
    database_check, schema_check = await _database(database)
    return Health({"database": database_check, "schema": schema_check, "updates": _updates(liveness, now)})


async def _database(database: Database | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """Checks that the database answers and that its schema is current."""
    if database is None:
        down = {"ok": False, "error": "not opened yet"}
        return down, down
    missing = _missing_sqlite_file(database.url)
    if missing is not None:  # SQLite goes on writing to a deleted file; a new connection would create an empty one
        return {"ok": False, "error": f"the SQLite file {missing} is gone (deleted or moved)"}, {
            "ok": False, "error": "database unreachable"}
    started = time.monotonic()
    try:
        current, head = await asyncio.wait_for(database.run_sync(migrate.revisions), DATABASE_TIMEOUT_SECONDS)
    except TimeoutError:
        error = {"ok": False, "error": f"no answer within {DATABASE_TIMEOUT_SECONDS:g} s"}
        return error, {"ok": False, "error": "database unreachable"}
    except Exception as failure:  # any driver error means the same to an operator: the database is not usable
        cause = getattr(failure, "orig", None) or failure  # the driver's own words, without SQLAlchemy's wrapping
        cause = cause.__cause__ or cause  # asyncpg's exception behind SQLAlchemy's adapter
        first_line = str(cause).splitlines()[0] if str(cause) else ""
        error = {"ok": False, "error": f"{type(cause).__name__}: {first_line}"[:300]}
        return error, {"ok": False, "error": "database unreachable"}
    database_check: dict[str, Any] = {"ok": True, "ms": round((time.monotonic() - started) * 1000, 1)}
    if current != head:
        return database_check, {"ok": False, "current": current, "head": head,
                                "error": "run `ehrenamt-bot db upgrade`"}
    return database_check, {"ok": True, "current": current}


def _missing_sqlite_file(url: str) -> str | None:
    """Returns the path of the database's SQLite file if it no longer exists (None: it does, or not SQLite)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    if parsed.database.startswith("file:"):
        return None
    return None if os.path.exists(parsed.database) else parsed.database


def _updates(liveness: Liveness, now: float) -> dict[str, Any]:
    """Checks that updates come in: the poller or the webhook server is up and polling is not failing."""
    report: dict[str, Any] = {"mode": liveness.mode, "receiving": liveness.receiving,
                              "last_update_seconds_ago": _ago(liveness.last_update_at, now)}
    ok = liveness.receiving
    if liveness.mode == "polling":
        report["last_poll_ok_seconds_ago"] = _ago(liveness.last_poll_ok_at, now)
        error_at = liveness.last_poll_error_at
        if error_at is not None and (liveness.last_poll_ok_at or 0.0) < error_at:
            # failing since the last answer, or since the start if there never was one
            failing_since = liveness.last_poll_ok_at if liveness.last_poll_ok_at is not None else liveness.started_at
            report["polling_failing_seconds"] = round(now - failing_since, 1)
            report["last_error"] = liveness.last_poll_error
            if now - failing_since >= STALE_SECONDS:
                ok = False
    report["ok"] = ok
    return report


def _ago(moment: float | None, now: float) -> float | None:
    """Returns seconds since a moment, rounded (None: never)."""
    return None if moment is None else round(now - moment, 1)
