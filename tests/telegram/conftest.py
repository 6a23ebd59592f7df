"""Fixtures for the chat tests: the real Application on an offline Bot API, the test listings, no network."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from tests.telegram.botchat import Chat, Clock, OfflineBotApi
from tests.factories.chat_listings import seed_listings

from bot.settings import Settings
from bot.store.db import Database
from bot.telegram.app import build_application, serving
from bot.telegram.flood import FloodGuard
from bot.telegram.local.api import LocalRequest


@pytest.fixture
async def data_home(tmp_path: Path) -> Path:
    """Gives a data folder for a bot process: its SQLite database is migrated and holds the test listings."""
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'ehrenamt.sqlite3'}")
    await database.prepare()
    await seed_listings(database)
    await database.close()
    return tmp_path


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fails any test that reaches python-telegram-bot's real HTTP transport."""

    async def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a chat test tried to reach the network")

    monkeypatch.setattr("telegram.request.HTTPXRequest.do_request", refuse)


@pytest.fixture
async def listings(database: Database) -> dict[str, int]:
    """Stores the test listings; returns their ids by key."""
    return await seed_listings(database)


@pytest.fixture
async def chat(database: Database, settings: Settings, listings: dict[str, int]) -> AsyncIterator[Chat]:
    """Runs the bot's Application on the test database (SQLite) and an offline Bot API."""
    async with _chat_on(database, settings) as running:
        yield running


@pytest.fixture
async def postgres_chat(postgres_database: Database, settings: Settings) -> AsyncIterator[Chat]:
    """Runs the bot's Application on PostgreSQL (skipped without TEST_POSTGRES_URL)."""
    await seed_listings(postgres_database)
    async with _chat_on(postgres_database, settings) as running:
        yield running


@asynccontextmanager
async def _chat_on(database: Database, settings: Settings) -> AsyncIterator[Chat]:
    """Serves the Application on a database with an offline Bot API that fails the test on unknown calls."""
    api, clock = OfflineBotApi(), Clock()
    application = build_application(settings, request=LocalRequest(api), database=database,
                                    flood=FloodGuard(clock=clock))
    async with serving(application):
        yield Chat(application, api, clock)
    assert not api.unexpected, f"unexpected Bot API calls: {api.unexpected}"
