"""Different chats are handled at the same time; one chat's updates strictly one after another."""

from __future__ import annotations

import asyncio

from tests.telegram.botchat import ANNA, JOHN
from telegram import Bot

from bot.settings import Settings
from bot.telegram.local.updates import UpdateFactory
from bot.telegram.ordering import MAX_CONCURRENT_UPDATES, PerChatUpdateProcessor, concurrency_for


async def test_one_chat_in_order_other_chats_alongside() -> None:
    factory = UpdateFactory(Bot("1:x"))
    processor = PerChatUpdateProcessor(8)
    events: list[str] = []

    async def handle(name: str, pause: float) -> None:
        events.append(f"{name} start")
        await asyncio.sleep(pause)
        events.append(f"{name} end")

    updates = [(factory.message(ANNA, "eins"), "anna-1", 0.05), (factory.message(ANNA, "zwei"), "anna-2", 0.0),
               (factory.message(JOHN, "one"), "john-1", 0.0)]
    await asyncio.gather(*(processor.process_update(update, handle(name, pause)) for update, name, pause in updates))
    assert events.index("anna-2 start") > events.index("anna-1 end")  # no overtaking within a chat
    assert events.index("john-1 end") < events.index("anna-1 end")  # another chat did not wait
    assert not processor._locks  # nothing kept once the chats are idle


def test_sqlite_handles_one_update_at_a_time_postgres_several() -> None:
    assert concurrency_for(Settings(_env_file=None).sqlalchemy_url()) == 1
    postgres = Settings(_env_file=None, database_url="postgresql://bot@db/ehrenamt")
    assert concurrency_for(postgres.sqlalchemy_url()) == MAX_CONCURRENT_UPDATES > 1
