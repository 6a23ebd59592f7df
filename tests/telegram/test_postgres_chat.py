"""The same conversation on PostgreSQL: search, page, details, keep, save, delete."""

from __future__ import annotations

import pytest
from tests.telegram.botchat import ANNA, Chat

pytestmark = pytest.mark.postgres


async def test_the_main_path_works_on_postgresql(postgres_chat: Chat) -> None:
    chat = postgres_chat
    results = await chat.send(ANNA, "Tierheim in Kassel am Wochenende")
    assert "🔎 <b>Tiere · Kassel + 15 km · am Wochenende</b>" in results.text and "6 Angebote gefunden" in results.text
    more = await chat.press(ANNA, results.button("Mehr"), message_id=results.sent_id())
    assert "hier Nr. 6" in more.text
    details = await chat.press(ANNA, more.button("ℹ️ 6"), message_id=results.sent_id())
    kept = await chat.press(ANNA, details.button("Merken"), message_id=results.sent_id())
    assert kept.answers == ["Auf deiner Merkliste ⭐"]
    back = await chat.press(ANNA, details.button("Zurück"), message_id=results.sent_id())
    saved = await chat.press(ANNA, back.button("Suchauftrag"), message_id=results.sent_id())
    assert "Suchauftrag gespeichert" in saved.text
    located = await chat.share(ANNA, 51.318, 9.495)
    assert "Wobei möchtest du helfen?" in located.text
    asked = await chat.send(ANNA, "/loeschen")
    deleted = await chat.press(ANNA, asked.button("Ja, alles löschen"), message_id=asked.sent_id())
    assert "gelöscht" in deleted.text
    assert "Deine Merkliste ist noch leer" in (await chat.send(ANNA, "/merkliste")).text
