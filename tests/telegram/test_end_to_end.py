"""`ehrenamt-bot run` as its own process, long polling a Bot API emulator over real HTTP, played by a person."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.telegram.bot_api_emulator import BotApiEmulator, running_bot
from tests.telegram.botchat import ANNA

from bot.telegram.local.api import ApiCall

TOKEN = "123456:end-to-end-test-token"
BOOT_SECONDS = 30.0  # the process loads the NLU and migrates before it polls; later answers take well under a second


@pytest.fixture
def bot_process(data_home: Path) -> Iterator[BotApiEmulator]:
    """Runs the bot against the emulator, polling it for updates."""
    with BotApiEmulator(TOKEN) as emulator, running_bot(emulator, data_home):
        yield emulator


def _to(person_id: int, text: str, method: str = "sendMessage"):  # type: ignore[no-untyped-def]
    """Matches a call of the bot that shows the person a text."""
    return lambda call: (call.method == method and str(call.params.get("chat_id")) == str(person_id)
                         and text in call.text)


def _answered(text: str):  # type: ignore[no-untyped-def]
    """Matches the answer to a pressed button."""
    return lambda call: call.method == "answerCallbackQuery" and text in str(call.params.get("text") or "")


def _data(call: ApiCall, label: str) -> str:
    """Returns the callback data of a button in a call."""
    return next(str(b["callback_data"]) for b in call.buttons if label in b["text"])


@pytest.mark.slow
def test_a_person_finds_keeps_and_saves_through_the_running_bot(bot_process: BotApiEmulator) -> None:
    emulator, factory = bot_process, bot_process.factory
    started = time.monotonic()

    since = emulator.send(factory.message(ANNA, "/start"))
    emulator.wait_for(since, _to(ANNA.id, "Hallo Anna"), timeout=BOOT_SECONDS)
    assert [c["command"] for c in emulator.api.commands["en"]][:2] == ["search", "favourites"]

    since = emulator.send(factory.message(ANNA, "Tiere in Kassel am Wochenende"))
    results = emulator.wait_for(since, _to(ANNA.id, "6 Angebote gefunden"))
    message_id = results.result["message_id"]

    since = emulator.send(factory.callback(ANNA, _data(results, "Mehr"), message_id=message_id))
    page = emulator.wait_for(since, _to(ANNA.id, "hier Nr. 6", "editMessageText"))
    assert int(page.params["message_id"]) == message_id

    since = emulator.send(factory.callback(ANNA, _data(page, "ℹ️ 6"), message_id=message_id))
    details = emulator.wait_for(since, _to(ANNA.id, "<b>Kontakt</b>", "editMessageText"))

    since = emulator.send(factory.callback(ANNA, _data(details, "Merken"), message_id=message_id))
    emulator.wait_for(since, _answered("Auf deiner Merkliste"))

    since = emulator.send(factory.callback(ANNA, _data(details, "Zurück"), message_id=message_id))
    back = emulator.wait_for(since, _to(ANNA.id, "Angebote gefunden", "editMessageText"))
    since = emulator.send(factory.callback(ANNA, _data(back, "Suchauftrag"), message_id=message_id))
    emulator.wait_for(since, _to(ANNA.id, "Suchauftrag gespeichert"))

    since = emulator.send(factory.location(ANNA, 51.318, 9.495))  # right after the result: the same around it
    emulator.wait_for(since, _to(ANNA.id, "Ich bleibe bei Tiere"))

    since = emulator.send(factory.message(ANNA, "/merkliste"))
    emulator.wait_for(since, _to(ANNA.id, "Deine Merkliste</b> (1)"))
    assert time.monotonic() - started < BOOT_SECONDS + 10
