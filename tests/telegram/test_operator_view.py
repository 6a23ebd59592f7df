"""/healthz and /metrics of the running bot, with long polling and with a webhook; metrics from the real hooks."""

from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import pytest
from prometheus_client import generate_latest
from sqlalchemy import text
from tests.conftest import POSTGRES_URL
from tests.telegram.bot_api_emulator import BotApiEmulator, start_bot
from tests.telegram.botchat import ANNA, Chat
from tests.factories.chat_listings import seed_listings
from tests.telegram.test_end_to_end import TOKEN, _to
from tests.telegram.test_startup import BOOT
from tests.telegram.test_webhook import SECRET, _free_port, _when_listening
from tests.telegram.watched_process import WatchedProcess

from bot.ops import metrics
from bot.settings import normalise_async_url
from bot.store.db import Database


def _sample(name: str, labels: str = "") -> float:
    for line in generate_latest(metrics.REGISTRY).decode().splitlines():
        if line.startswith(f"{name}{labels} "):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


async def test_updates_latency_and_searches_are_counted_where_ptb_hands_them_over(chat: Chat) -> None:
    application = chat.application
    updates = _sample("ehrenamt_updates_total", '{kind="message"}')
    handled = _sample("ehrenamt_update_handling_seconds_count", '{kind="message"}')
    searches = _sample("ehrenamt_search_seconds_count")
    update = chat.updates.message(ANNA, "Tierheim in Kassel")
    # What PTB does with every update from the queue: the processor runs the Application's handling.
    await application.update_processor.process_update(update, application.process_update(update))
    assert _sample("ehrenamt_updates_total", '{kind="message"}') == updates + 1
    assert _sample("ehrenamt_update_handling_seconds_count", '{kind="message"}') == handled + 1
    assert _sample("ehrenamt_search_seconds_count") == searches + 1
    assert application.bot_data["liveness"].last_update_at is not None


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status), response.read().decode()
    except urllib.error.HTTPError as error:
        return int(error.code), error.read().decode()


def _health(port: int) -> tuple[int, dict[str, Any]]:
    code, body = _get(f"http://127.0.0.1:{port}/healthz")
    return code, json.loads(body)


@pytest.mark.slow
def test_healthz_and_metrics_with_long_polling(data_home: Path) -> None:
    port = _free_port()
    with BotApiEmulator(TOKEN) as emulator:
        bot = WatchedProcess(start_bot(emulator, data_home, METRICS_PORT=str(port)))
        try:
            bot.wait_for("running: long polling", timeout=BOOT)
            assert f"/healthz und /metrics auf / on http://127.0.0.1:{port}" in bot.output
            since = emulator.send(emulator.factory.message(ANNA, "Tierheim in Kassel"))
            emulator.wait_for(since, _to(ANNA.id, "Tiere · Kassel"))
            code, body = _health(port)
            assert code == 200 and body["status"] == "ok", body
            assert body["checks"]["updates"]["mode"] == "polling"
            assert body["checks"]["updates"]["last_poll_ok_seconds_ago"] < 15
            code, text_ = _get(f"http://127.0.0.1:{port}/metrics")
            assert code == 200
            assert 'ehrenamt_updates_total{kind="message"} 1.0' in text_
            assert "ehrenamt_search_seconds_count 1.0" in text_
            assert 'ehrenamt_outbox_depth{state="pending"} 0.0' in text_
            assert 'ehrenamt_announcement_sends_total{outcome="sent"} 0.0' in text_
        finally:
            code, _ = bot.stop()
    assert code == 0 and "Traceback" not in bot.output, bot.output


@pytest.mark.slow
def test_healthz_with_a_webhook(data_home: Path) -> None:
    port, hook = _free_port(), _free_port()
    url = f"http://127.0.0.1:{hook}/telegram"
    with BotApiEmulator(TOKEN) as emulator:
        bot = WatchedProcess(start_bot(emulator, data_home, METRICS_PORT=str(port), WEBHOOK_URL=url,
                                       WEBHOOK_PORT=str(hook), WEBHOOK_SECRET=SECRET))
        try:
            bot.wait_for("running: webhook", timeout=BOOT)
            start = emulator.factory.message(ANNA, "/start").to_dict() | {"update_id": 1}
            assert _when_listening(url, start) == 200
            code, body = _health(port)
            assert code == 200 and body["checks"]["updates"]["mode"] == "webhook", body
        finally:
            code, _ = bot.stop()
    assert code == 0 and "Traceback" not in bot.output, bot.output


@pytest.mark.slow
@pytest.mark.postgres
async def test_healthz_when_the_database_is_gone(tmp_path: Path) -> None:
    """Drops the bot's PostgreSQL database under it: /healthz answers 503 and says why (quoted in the README)."""
    if not POSTGRES_URL:
        pytest.skip("TEST_POSTGRES_URL is not set")
    name = f"t_health_{uuid.uuid4().hex[:10]}"
    admin = Database(normalise_async_url(POSTGRES_URL))
    async with admin.engine.connect() as connection:
        await (await connection.execution_options(isolation_level="AUTOCOMMIT")).execute(
            text(f'CREATE DATABASE "{name}"'))
    url = normalise_async_url(POSTGRES_URL).rsplit("/", 1)[0] + f"/{name}"
    database = Database(url)
    await database.prepare(upgrade=True)
    await seed_listings(database)
    await database.close()
    port = _free_port()
    try:
        with BotApiEmulator(TOKEN) as emulator:
            bot = WatchedProcess(start_bot(emulator, tmp_path, DATABASE_URL=url, METRICS_PORT=str(port)))
            try:
                bot.wait_for("running: long polling", timeout=BOOT)
                assert _health(port)[0] == 200
                async with admin.engine.connect() as connection:
                    await (await connection.execution_options(isolation_level="AUTOCOMMIT")).execute(
                        text(f'DROP DATABASE "{name}" WITH (FORCE)'))
                started = time.monotonic()
                code, body = _health(port)
                print(f"/healthz with the database gone, {time.monotonic() - started:.2f} s: {code} {json.dumps(body)}")
                assert code == 503 and body["status"] == "unhealthy"
                assert not body["checks"]["database"]["ok"] and "does not exist" in body["checks"]["database"]["error"]
                assert body["checks"]["updates"]["ok"]  # still polling: it is the database that is gone
            finally:
                code, _ = bot.stop()
        assert code == 0, bot.output
    finally:
        async with admin.engine.connect() as connection:
            await (await connection.execution_options(isolation_level="AUTOCOMMIT")).execute(
                text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.close()


def test_the_operator_server_is_off_unless_a_port_is_set(tmp_path: Path) -> None:
    from bot.settings import Settings
    settings = Settings(_env_file=None, data_home=tmp_path)
    assert settings.metrics_port is None and settings.metrics_listen == "127.0.0.1"
    assert Settings(_env_file=None, metrics_port="").metrics_port is None


@pytest.mark.slow
def test_a_taken_operator_port_stops_the_start_with_a_message(data_home: Path) -> None:
    with socket.socket() as taken, BotApiEmulator(TOKEN) as emulator:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        bot = WatchedProcess(start_bot(emulator, data_home, METRICS_PORT=str(taken.getsockname()[1])))
        code, _ = bot.wait(timeout=BOOT)
    assert code == 1 and "check METRICS_LISTEN/METRICS_PORT" in bot.output, bot.output
    assert "Traceback" not in bot.output, bot.output
