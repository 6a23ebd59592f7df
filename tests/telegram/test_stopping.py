"""SIGTERM and SIGINT end `ehrenamt-bot run` within seconds at any moment: while it migrates a new SQLite file,
while it polls, while a broadcast is being sent; on PostgreSQL too. Claimed announcement rows are settled.
"""

from __future__ import annotations

import signal
import time
import urllib.request
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from tests.conftest import POSTGRES_URL
from tests.telegram.bot_api_emulator import BotApiEmulator, start_bot
from tests.telegram.botchat import ANNA
from tests.factories.chat_listings import seed_listings
from tests.telegram.test_end_to_end import TOKEN, _to
from tests.telegram.test_startup import BOOT, STOP_SECONDS
from tests.telegram.test_webhook import _free_port
from tests.telegram.watched_process import WatchedProcess

from bot.broadcasts import Audience
from bot.domain import BroadcastStatus, DeliveryState
from bot.settings import normalise_async_url
from bot.store import migrate
from bot.store.db import Database
from bot.store.models import Broadcast, BroadcastDelivery, Volunteer
from bot.telegram.lifecycle import SLOW_STATEMENT_ENV

pytestmark = pytest.mark.slow
RECIPIENTS = range(10_001, 10_301)


def _stopped_cleanly(bot: WatchedProcess, sig: signal.Signals = signal.SIGTERM) -> None:
    code, seconds = bot.stop(sig)
    print(f"stopped in {seconds:.2f} s")
    assert code == 0, bot.output
    assert seconds < STOP_SECONDS, f"took {seconds:.1f} s to stop:\n{bot.output}"
    assert "Traceback" not in bot.output, bot.output
    assert f"stopping ({sig.name})" in bot.output or "before it started" in bot.output, bot.output


async def _revisions(path: Path) -> tuple[str | None, str | None]:
    database = Database(f"sqlite+aiosqlite:///{path}")
    try:
        return await database.run_sync(migrate.revisions)  # type: ignore[no-any-return]
    finally:
        await database.close()


@pytest.mark.parametrize(("sig", "after"), [(signal.SIGTERM, 0.3), (signal.SIGINT, 1.0), (signal.SIGTERM, 2.0)])
async def test_a_stop_during_the_first_migration_ends_the_process_and_the_next_start_completes_it(
    tmp_path: Path, sig: signal.Signals, after: float
) -> None:
    database_file = tmp_path / "ehrenamt.sqlite3"
    building = tmp_path / "ehrenamt.sqlite3.migrating"  # a new file is built under this name (fresh_sqlite)
    with BotApiEmulator(TOKEN) as emulator:
        bot = WatchedProcess(start_bot(emulator, tmp_path, **{SLOW_STATEMENT_ENV: "0.03"}))
        deadline = time.monotonic() + BOOT
        while not building.exists():  # created when the migration opens it
            assert time.monotonic() < deadline and bot.process.poll() is None, bot.output
            time.sleep(0.02)
        time.sleep(after)
        _stopped_cleanly(bot, sig)
        assert "running: long polling" not in bot.output  # it was stopped during start-up
        # The real file does not exist until its migration is complete: never half-built.
        print(f"stopped with the real file {'complete' if database_file.exists() else 'not there yet'}")
        if database_file.exists():
            current, head = await _revisions(database_file)
            assert current == head

        again = WatchedProcess(start_bot(emulator, tmp_path))  # a normal start migrates the rest
        try:
            again.wait_for("running: long polling", timeout=BOOT)
            since = emulator.send(emulator.factory.message(ANNA, "/start"))
            emulator.wait_for(since, _to(ANNA.id, "Hallo Anna"))
        finally:
            _stopped_cleanly(again)


def test_a_stop_while_polling_ends_the_process(data_home: Path) -> None:
    with BotApiEmulator(TOKEN) as emulator:
        bot = WatchedProcess(start_bot(emulator, data_home))
        bot.wait_for("running: long polling", timeout=BOOT)
        since = emulator.send(emulator.factory.message(ANNA, "/start"))
        emulator.wait_for(since, _to(ANNA.id, "Hallo Anna"))
        _stopped_cleanly(bot, signal.SIGINT)


async def _running_broadcast(database: Database) -> None:
    async with database.unit_of_work() as session:
        session.add_all([Volunteer(telegram_id=chat_id) for chat_id in RECIPIENTS])
        session.add(Broadcast(created_by=ANNA.id, text="Sommerfest", audience=Audience().to_json(),
                              status=BroadcastStatus.RUNNING.value))


async def _states(database: Database) -> dict[str, int]:
    async with database.read_only() as session:
        rows = await session.execute(select(BroadcastDelivery.state, func.count()).group_by(BroadcastDelivery.state))
        return {str(state): int(count) for state, count in rows.all()}


def _sent_counter(scraped: str) -> float:
    """The announcements /metrics counts as sent (0 before the first)."""
    for line in scraped.splitlines():
        if line.startswith('ehrenamt_announcement_sends_total{outcome="sent"} '):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


async def _stop_during_broadcast(emulator: BotApiEmulator, home: Path, database: Database, **settings: str) -> str:
    """Starts the bot with a running broadcast at 10/s, stops it mid-way, checks every row is settled.

    Returns what /metrics showed just before the stop.
    """
    def announcements() -> list[int]:
        return [int(call.params["chat_id"]) for call in list(emulator.calls)
                if call.method == "sendMessage" and int(call.params["chat_id"]) in RECIPIENTS]

    port = _free_port()
    bot = WatchedProcess(start_bot(emulator, home, BROADCAST_RATE_PER_SECOND="10", METRICS_PORT=str(port),
                                   **settings))
    deadline = time.monotonic() + BOOT
    while len(announcements()) < 15:
        assert time.monotonic() < deadline and bot.process.poll() is None, bot.output
        time.sleep(0.05)
    # The counter moves once the bot has read Telegram's answer, a moment after the emulator logged the call:
    # scrape until it shows the 15 sends (or the start-up deadline passes; the caller's assertion then says so).
    while True:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as response:
            scraped: str = response.read().decode()
        if _sent_counter(scraped) >= 15 or time.monotonic() >= deadline:
            break
        time.sleep(0.05)
    _stopped_cleanly(bot)
    sent = announcements()
    states = await _states(database)
    print(f"after the stop: {states}; {len(sent)} announcements arrived")
    assert len(sent) == len(set(sent)), "nobody gets an announcement twice"
    assert states.get(DeliveryState.SENDING.value, 0) == 0, "no row is left in doubt by a stop"
    assert states.get(DeliveryState.SENT.value, 0) == len(sent)
    assert states.get(DeliveryState.PENDING.value, 0) == len(RECIPIENTS) - len(sent)  # for the next start
    return scraped


async def test_a_stop_during_a_broadcast_settles_the_claimed_rows(data_home: Path) -> None:
    database = Database(f"sqlite+aiosqlite:///{data_home / 'ehrenamt.sqlite3'}")
    try:
        await _running_broadcast(database)
        with BotApiEmulator(TOKEN) as emulator:
            scraped = await _stop_during_broadcast(emulator, data_home, database)
        samples = dict(line.rsplit(" ", 1) for line in scraped.splitlines() if not line.startswith("#"))
        assert float(samples['ehrenamt_announcement_sends_total{outcome="sent"}']) >= 15  # the operator sees it move
        assert 0 < float(samples['ehrenamt_outbox_depth{state="pending"}']) < len(RECIPIENTS)
    finally:
        await database.close()


@pytest.fixture
async def postgres_home(tmp_path: Path) -> AsyncIterator[tuple[str, Database]]:
    """A PostgreSQL database of its own (the bot process takes only DATABASE_URL), migrated, with listings."""
    if not POSTGRES_URL:
        pytest.skip("TEST_POSTGRES_URL is not set")
    name = f"t_stop_{uuid.uuid4().hex[:10]}"
    admin = Database(normalise_async_url(POSTGRES_URL))
    autocommit = {"isolation_level": "AUTOCOMMIT"}
    async with admin.engine.connect() as connection:
        await (await connection.execution_options(**autocommit)).execute(text(f'CREATE DATABASE "{name}"'))
    url = normalise_async_url(POSTGRES_URL).rsplit("/", 1)[0] + f"/{name}"
    database = Database(url)
    try:
        await database.prepare(upgrade=True)
        await seed_listings(database)
        yield url, database
    finally:
        await database.close()
        async with admin.engine.connect() as connection:
            await (await connection.execution_options(**autocommit)).execute(
                text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        await admin.close()


@pytest.mark.postgres
async def test_on_postgresql_a_stop_during_start_up_and_during_a_broadcast(
    tmp_path: Path, postgres_home: tuple[str, Database]
) -> None:
    url, database = postgres_home
    await _running_broadcast(database)
    with BotApiEmulator(TOKEN) as emulator:
        slowed = WatchedProcess(start_bot(emulator, tmp_path, DATABASE_URL=url, **{SLOW_STATEMENT_ENV: "0.2"}))
        slowed.wait_for("slowed down (tests only)", timeout=BOOT)
        time.sleep(1.0)  # opening the database, checking the schema, warming up: each statement takes 0.2 s
        _stopped_cleanly(slowed)
        assert "running: long polling" not in slowed.output
        await _stop_during_broadcast(emulator, tmp_path, database, DATABASE_URL=url)


async def test_a_failed_start_in_the_serving_helper_closes_what_it_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from bot.settings import Settings
    from bot.telegram.announcements import runner as broadcasting
    from bot.telegram.app import build_application, serving
    from bot.telegram.local.api import LocalBotApi, LocalRequest

    async def broken(application: object) -> None:
        raise RuntimeError("the broadcast runner cannot start")

    monkeypatch.setattr(broadcasting, "start_runner", broken)
    before = {thread.ident for thread in threading.enumerate()}
    settings = Settings(_env_file=None, data_home=tmp_path)
    application = build_application(settings, request=LocalRequest(LocalBotApi()))
    with pytest.raises(RuntimeError, match="cannot start"):
        async with serving(application):
            pass
    assert application.bot_data["services"]._database is None  # the database it opened is closed again
    started = [t for t in threading.enumerate() if t.ident not in before and not t.daemon
               and not t.name.startswith("asyncio_")]  # the loop's executor, shut down with the loop
    for thread in started:
        thread.join(5)  # a closed connection's worker ends a moment after the close
    left = [t.name for t in started if t.is_alive()]
    assert left == [], "a thread the failed start left would hold the process at exit"


@pytest.mark.postgres
async def test_on_postgresql_an_outdated_schema_stops_the_start_with_the_command_that_fixes_it(
    tmp_path: Path, postgres_home: tuple[str, Database]
) -> None:
    url, database = postgres_home
    await database.run_sync(lambda connection: migrate.downgrade(connection, "0007"))
    with BotApiEmulator(TOKEN) as emulator:
        bot = WatchedProcess(start_bot(emulator, tmp_path, DATABASE_URL=url))
        code, _ = bot.wait(timeout=BOOT)
    assert code == 1, bot.output
    assert "the database schema is at 0007" in bot.output and "ehrenamt-bot db upgrade" in bot.output
    assert "Traceback" not in bot.output, bot.output
