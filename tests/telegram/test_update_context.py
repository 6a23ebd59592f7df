"""One update, one unit of work: a search, its answer route and a pressed button each open one session."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest

from bot.store.db import Database
from tests.telegram.botchat import ANNA, Chat


def _count_sessions(database: Database, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the sessions the bot opens on this database from now on for the update the test sends.

    Background tasks (the broadcast runner's rounds) open sessions of their own whenever their turn comes; they
    run in tasks of their own, the update in the test's task, so only the latter's are counted.
    """
    opened: list[int] = []
    make: Callable[..., Any] = database.sessions
    update_task = asyncio.current_task()

    def counting(*args: Any, **kwargs: Any) -> Any:
        if asyncio.current_task() is update_task:
            opened.append(1)
        return make(*args, **kwargs)

    monkeypatch.setattr(database, "sessions", counting)
    return opened


async def test_a_free_text_search_opens_one_unit_of_work(
    chat: Chat, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    await chat.send(ANNA, "/start")  # Anna is known; the search below is an ordinary one
    opened = _count_sessions(database, monkeypatch)
    results = await chat.send(ANNA, "Tierheim in Kassel am Wochenende")
    assert "Tierheim" in results.text
    assert len(opened) == 1  # the open-question check and the search share it


async def test_a_pressed_button_opens_one_unit_of_work(
    chat: Chat, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = await chat.send(ANNA, "Tiere in Kassel")
    opened = _count_sessions(database, monkeypatch)
    await chat.press(ANNA, results.button("Mehr"), message_id=results.sent_id())
    assert len(opened) == 1


async def test_an_answer_to_the_place_question_opens_one_unit_of_work(
    chat: Chat, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    await chat.send(ANNA, "Tierheim")  # no place: the bot asks where
    opened = _count_sessions(database, monkeypatch)
    answered = await chat.send(ANNA, "34117")
    assert "Kassel" in answered.text
    assert len(opened) == 1
