"""After a result, a message turning away from its interest starts over ("nicht mit Tieren, lieber mit Menschen",
"something else in Leipzig"); one narrowing it ("ohne Katzen", "am WE", "und in Fulda?") goes on from it."""

from __future__ import annotations

import pytest
from tests.telegram.botchat import ANNA, JOHN, Chat


def _header(text: str) -> str:
    return text.split("\n")[0]


async def test_ruling_out_the_area_searched_asks_what_instead_in_the_same_town(chat: Chat) -> None:
    await chat.send(ANNA, "Tiere in Kassel")
    replaced = await chat.send(ANNA, "nicht mit Tieren, lieber mit Menschen")
    assert _header(replaced.text).startswith("🔎 <b>Alle Bereiche · ohne Tiere · Kassel")
    assert "Wobei möchtest du helfen?" in replaced.text


async def test_ruling_out_the_area_searched_with_another_town_searches_only_what_it_says(chat: Chat) -> None:
    await chat.send(ANNA, "Tiere in Kassel")
    replaced = await chat.send(ANNA, "nicht mit Tieren, lieber mit Kindern in Fulda")
    assert _header(replaced.text).startswith("🔎 <b>Kinder &amp; Jugend · ohne Tiere · ") and "Fulda" in replaced.text


async def test_something_else_in_english_leaves_the_interest(chat: Chat) -> None:
    await chat.send(JOHN, "animals in Kassel")
    other = await chat.send(JOHN, "something else please")
    assert _header(other.text).startswith("🔎 <b>All areas · Kassel")
    assert "What would you like to help with?" in other.text


@pytest.mark.parametrize(("message", "said"), [("am WE", "am Wochenende"), ("und in Fulda?", "Fulda"),
                                               ("ohne Katzen", "Kassel")])
async def test_a_narrowing_message_keeps_the_interest(chat: Chat, message: str, said: str) -> None:
    await chat.send(ANNA, "Tiere in Kassel")
    narrowed = await chat.send(ANNA, message)
    assert _header(narrowed.text).startswith("🔎 <b>Tiere · ") and said in _header(narrowed.text)


async def test_a_narrowing_message_in_english_keeps_the_interest(chat: Chat) -> None:
    await chat.send(JOHN, "animals in Kassel")
    narrowed = await chat.send(JOHN, "only weekends")
    assert _header(narrowed.text).startswith("🔎 <b>Animals · Kassel") and "at the weekend" in _header(narrowed.text)
