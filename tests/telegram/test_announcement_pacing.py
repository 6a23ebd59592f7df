"""Announcements as `ehrenamt-bot run` sends them: built by build_application with PTB's limiter on for chat
replies, while announcements go through a bot of their own that only the broadcast engine paces.
"""

from __future__ import annotations

import asyncio
import time

import pytest
from sqlalchemy import select
from telegram.ext import AIORateLimiter
from tests.telegram.botchat import ANNA, OfflineBotApi

from bot.broadcasts import Audience, DeliveryConfig
from bot.domain import BroadcastStatus, DeliveryState
from bot.settings import Settings
from bot.store.db import Database
from bot.store.models import Broadcast, BroadcastDelivery, Volunteer
from bot.telegram.announcement_bot import announcement_bot
from bot.telegram.app import build_application, serving
from bot.telegram.announcements.runner import CONFIG_KEY, RUNNER_KEY
from bot.telegram.local.api import LocalRequest

# PTB 22.8's own RetryAfter constructor reads its retry_after property, which warns about the coming timedelta
# type unless PTB_TIMEDELTA is set; the sender reads both forms (telegram_sender.retry_after_seconds).
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
RECIPIENTS = (701, 702, 703)
RETRY_AFTER = 2


async def _state(database: Database, chat_id: int) -> str:
    async with database.read_only() as session:
        return str((await session.execute(select(BroadcastDelivery.state)
                                          .where(BroadcastDelivery.chat_id == chat_id))).scalar_one())


async def test_a_429_pauses_the_engine_at_once_and_gives_the_row_back(database: Database, settings: Settings) -> None:
    api = OfflineBotApi()
    application = build_application(settings, request=LocalRequest(api), database=database)  # as `run` builds it
    assert isinstance(application.bot.rate_limiter, AIORateLimiter)  # chat replies keep PTB's limiter
    assert announcement_bot(application) is not application.bot
    assert announcement_bot(application).rate_limiter is None  # announcements: the engine is the only pacer
    application.bot_data[CONFIG_KEY] = DeliveryConfig(rate_per_second=20.0, per_chat_interval=0.0, max_in_flight=1,
                                                      poll_seconds=0.02, progress_seconds=60.0)
    async with database.unit_of_work() as session:
        session.add_all([Volunteer(telegram_id=chat_id) for chat_id in RECIPIENTS])
        session.add(Broadcast(created_by=ANNA.id, text="Sommerfest", audience=Audience().to_json(),
                              status=BroadcastStatus.RUNNING.value))
    flooded: list[float] = []
    api.fail_next("sendMessage", 429, "Too Many Requests: retry after 2")
    api.failures["sendMessage"][0].parameters = {"retry_after": RETRY_AFTER}
    original = api.call

    def recording(method: str, params: dict[str, object], files: object = None) -> object:
        if method == "sendMessage" and api.failures.get("sendMessage"):
            flooded.append(time.monotonic())
        return original(method, params, files)  # type: ignore[arg-type]

    api.call = recording  # type: ignore[method-assign]
    async with serving(application):
        runner = application.bot_data[RUNNER_KEY]
        runner.wake()
        for _ in range(250):
            if flooded:
                break
            await asyncio.sleep(0.01)
        assert flooded, "the announcement was never sent"
        first = RECIPIENTS[0]
        await asyncio.sleep(0.2)
        # PTB did not retry it: the engine's pause holds, and the row is pending again, not `sending`.
        assert runner.engine.limiter.paused
        assert await _state(database, first) == DeliveryState.PENDING.value
        assert [c for c in api.calls if c.method == "sendMessage"] == []  # the 429 was the only attempt so far
        for _ in range(500):
            if all([await _state(database, chat_id) == DeliveryState.SENT.value for chat_id in RECIPIENTS]):
                break
            await asyncio.sleep(0.02)
        finished = time.monotonic()
    sent = [c for c in api.calls if c.method == "sendMessage"]
    assert sorted(int(c.params["chat_id"]) for c in sent) == list(RECIPIENTS)  # exactly one each
    assert finished - flooded[0] >= RETRY_AFTER - 0.05  # everything waited for retry_after
    assert all(c.buttons for c in sent)  # the announcement bot still adds the unsubscribe button


async def test_ptb_limiter_would_have_retried_inside(database: Database, settings: Settings) -> None:
    """The reason for the second bot: the Application's own bot retries a 429 itself, hidden from the engine."""
    api = OfflineBotApi()
    application = build_application(settings, request=LocalRequest(api), database=database)
    api.fail_next("sendMessage", 429, "Too Many Requests: retry after 1")
    api.failures["sendMessage"][0].parameters = {"retry_after": 1}
    async with serving(application):
        started = time.monotonic()
        await application.bot.send_message(ANNA.id, "Hallo")
        assert time.monotonic() - started >= 0.9  # waited inside PTB, then succeeded
    assert [c.method for c in api.calls if c.method == "sendMessage"] == ["sendMessage"]
