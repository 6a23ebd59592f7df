"""The health check as plain Python: database, schema, taking updates; and the metrics the hooks collect."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

from prometheus_client import generate_latest

from bot.ops import health, metrics
from bot.ops.health import Liveness
from bot.store import migrate
from bot.store.db import Database


def _polling(**values: float | str | None) -> Liveness:
    liveness = Liveness(mode="polling", receiving=True)
    for key, value in values.items():
        setattr(liveness, key, value)
    return liveness


async def test_a_healthy_process_answers_200_with_every_check(database: Database) -> None:
    result = await health.check(database, _polling(last_poll_ok_at=time.monotonic()))
    assert result.status_code == 200 and result.ok
    body = result.to_json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] and body["checks"]["schema"]["ok"]
    assert body["checks"]["updates"] == {"mode": "polling", "receiving": True, "last_update_seconds_ago": None,
                                         "last_poll_ok_seconds_ago": 0.0, "ok": True}


async def test_a_database_that_is_gone_gives_503_and_says_so() -> None:
    gone = Database("postgresql+asyncpg://nobody@127.0.0.1:1/nothing")  # nothing listens on port 1
    try:
        started = time.monotonic()
        result = await health.check(gone, _polling(last_poll_ok_at=time.monotonic()))
    finally:
        await gone.close()
    assert time.monotonic() - started < health.DATABASE_TIMEOUT_SECONDS + 1
    assert result.status_code == 503
    checks = result.to_json()["checks"]
    assert not checks["database"]["ok"] and "refused" in checks["database"]["error"].lower()
    assert checks["schema"] == {"ok": False, "error": "database unreachable"}
    assert checks["updates"]["ok"]  # the other checks still tell their own story


async def test_a_deleted_sqlite_file_is_reported(tmp_path: Path) -> None:
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}")
    try:
        await database.prepare()
        assert (await health.check(database, _polling(last_poll_ok_at=time.monotonic()))).ok
        (tmp_path / "bot.sqlite3").unlink()
        result = await health.check(database, _polling(last_poll_ok_at=time.monotonic()))
    finally:
        await database.close()
    assert result.status_code == 503
    assert result.to_json()["checks"]["database"] == {
        "ok": False, "error": f"the SQLite file {tmp_path / 'bot.sqlite3'} is gone (deleted or moved)"}


async def test_an_outdated_schema_gives_503_and_the_command_that_fixes_it(database: Database) -> None:
    await database.run_sync(lambda connection: migrate.downgrade(connection, "0007"))
    result = await health.check(database, _polling(last_poll_ok_at=time.monotonic()))
    schema = result.to_json()["checks"]["schema"]
    assert result.status_code == 503 and schema["current"] == "0007" and "ehrenamt-bot db upgrade" in schema["error"]


async def test_polling_that_fails_for_a_minute_is_unhealthy_a_short_outage_is_not(database: Database) -> None:
    now = time.monotonic()
    brief = _polling(last_poll_ok_at=now - 20, last_poll_error_at=now - 5, last_poll_error="NetworkError: down")
    result = await health.check(database, brief, now=now)
    assert result.ok and result.to_json()["checks"]["updates"]["polling_failing_seconds"] == 20.0
    long = _polling(last_poll_ok_at=now - 90, last_poll_error_at=now - 1, last_poll_error="NetworkError: down")
    updates = (await health.check(database, long, now=now)).to_json()["checks"]["updates"]
    assert not updates["ok"] and updates["last_error"] == "NetworkError: down"
    starting = Liveness()  # not yet taking updates
    assert not (await health.check(database, starting)).to_json()["checks"]["updates"]["ok"]


def _value(name: str, labels: str = "") -> float:
    """Reads one sample from the metrics text."""
    text = generate_latest(metrics.REGISTRY).decode()
    for line in text.splitlines():
        if line.startswith(f"{name}{labels} ") or (not labels and line.startswith(f"{name} ")):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_broadcast_counters_are_read_from_the_engine_when_scraped() -> None:
    engine = SimpleNamespace(outcomes=Counter(sent=7, blocked=1, rate_limited=2), limiter=SimpleNamespace(pauses=2))
    previous = metrics.BROADCASTS.engine
    metrics.BROADCASTS.engine = lambda: engine
    metrics.BROADCASTS.outbox_depth = {"pending": 120, "sending": 8}
    try:
        assert _value("ehrenamt_announcement_sends_total", '{outcome="sent"}') == 7
        assert _value("ehrenamt_announcement_sends_total", '{outcome="rate_limited"}') == 2
        assert _value("ehrenamt_announcement_pauses_total") == 2
        assert _value("ehrenamt_outbox_depth", '{state="pending"}') == 120
    finally:
        metrics.BROADCASTS.engine = previous
        metrics.BROADCASTS.outbox_depth = {}


async def test_errors_are_counted_by_class() -> None:
    from bot.telegram.operator_hooks import count_error, update_kind

    before = _value("ehrenamt_errors_total", '{kind="TimeoutError"}')
    await count_error(None, SimpleNamespace(error=TimeoutError("slow")))  # type: ignore[arg-type]
    assert _value("ehrenamt_errors_total", '{kind="TimeoutError"}') == before + 1
    assert update_kind(object()) == "other"
