"""The posting chat on PostgreSQL, alternating between two bot processes on the same database."""

from __future__ import annotations

import pytest
from tests.telegram.botchat import Chat, Clock, OfflineBotApi
from tests.telegram.posting_script import ADMIN, CLUB, LISTING, NEW_ORGANISATION, say

from bot.settings import Settings
from bot.store.db import Database
from bot.telegram.app import build_application, serving
from bot.telegram.flood import FloodGuard
from bot.telegram.local.api import LocalRequest

pytestmark = pytest.mark.postgres


async def test_two_processes_take_turns_through_the_whole_flow(
    postgres_chat: Chat, postgres_database: Database, settings: Settings
) -> None:
    api, clock = OfflineBotApi(), Clock()
    other = build_application(settings, request=LocalRequest(api), database=postgres_database,
                              flood=FloodGuard(clock=clock))
    async with serving(other):
        chats = (postgres_chat, Chat(other, api, clock))
        last = await postgres_chat.send(CLUB, "/anbieten")
        for number, answer in enumerate(NEW_ORGANISATION + LISTING):
            # Each message goes to the other process, as behind a load balancer; buttons come from the last reply.
            last = await say(chats[(number + 1) % 2], CLUB, last, answer)
        assert "<b>Vorschau</b>" in last.text
        sent = await chats[0].press(CLUB, last.button("Abschicken"))
    assert "wird kurz geprüft" in sent.text
    assert any(call.params.get("chat_id") == ADMIN.id for call in sent.calls)
