"""The same conversation on PostgreSQL: search, page, details, keep, save, delete."""

from __future__ import annotations

import logging

import pytest
from tests.telegram.botchat import ANNA, Chat
from telegram.ext import CallbackContext

from bot.store.db import Database
from bot.store.exclusive import exclusively

pytestmark = pytest.mark.postgres


async def test_the_main_path_works_on_postgresql(postgres_chat: Chat) -> None:
    chat = postgres_chat
    results = await chat.send(ANNA, "Tiere in Kassel am Wochenende")
    assert "🔎 <b>Tiere · Kassel + 15 km · am Wochenende</b>" in results.text and "6 Angebote gefunden" in results.text
    more = await chat.press(ANNA, results.button("Mehr"), message_id=results.sent_id())
    assert "hier Nr. 6" in more.text
    details = await chat.press(ANNA, more.button("ℹ️ 6"), message_id=results.sent_id())
    kept = await chat.press(ANNA, details.button("Merken"), message_id=results.sent_id())
    assert kept.answers == ["Auf deiner Merkliste ⭐"]
    back = await chat.press(ANNA, details.button("Zurück"), message_id=results.sent_id())
    saved = await chat.press(ANNA, back.button("Suchauftrag"), message_id=results.sent_id())
    assert "Suchauftrag gespeichert" in saved.text
    located = await chat.share(ANNA, 51.318, 9.495)  # right after a result: the same search around the location
    assert "Ich bleibe bei Tiere" in located.text
    asked = await chat.send(ANNA, "/loeschen")
    deleted = await chat.press(ANNA, asked.button("Ja, alles löschen"), message_id=asked.sent_id())
    assert "gelöscht" in deleted.text
    assert "Deine Merkliste ist noch leer" in (await chat.send(ANNA, "/merkliste")).text


async def test_a_scheduled_job_skips_its_round_while_another_process_runs_it(
    postgres_chat: Chat, postgres_database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    job_queue = postgres_chat.application.job_queue
    assert job_queue is not None
    (digests,) = job_queue.get_jobs_by_name("digests")
    async with exclusively(postgres_database, "job:send_digests") as elsewhere:
        assert elsewhere
        with caplog.at_level(logging.DEBUG, logger="bot.telegram.services"):
            await digests.callback(CallbackContext(postgres_chat.application))
    assert "send_digests runs in another process now" in caplog.text
