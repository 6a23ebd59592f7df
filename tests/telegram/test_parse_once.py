"""One message, one parse: the chat passes the parse it made on to the search instead of parsing the text again."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from tests.telegram.botchat import ANNA, Chat

import nlu
from bot.conversation.followups import text_place
from nlu.query import ParsedQuery


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Counts the NLU's parses by text (every parse the bot makes goes through nlu.parse)."""
    counted: Counter[str] = Counter()
    real = nlu.parse

    def counting(text: str) -> ParsedQuery:
        counted[text] += 1
        return real(text)

    monkeypatch.setattr(nlu, "parse", counting)
    yield counted


async def test_a_search_parses_its_message_once(chat: Chat, parses: Counter[str]) -> None:
    reply = await chat.send(ANNA, "Tiere in Kassel am Wochenende")
    assert "Angebote gefunden" in reply.text
    assert parses == Counter({"Tiere in Kassel am Wochenende": 1})


async def test_a_search_around_the_home_place_parses_once(chat: Chat, parses: Counter[str]) -> None:
    await chat.send(ANNA, "/standort")
    await chat.send(ANNA, "Kassel")
    parses.clear()
    reply = await chat.send(ANNA, "Tierheim")  # no place named: searched again around the home place
    assert "Kassel" in reply.text
    assert parses == Counter({"Tierheim": 1})


async def test_a_follow_up_parses_the_message_and_the_last_search_once_each(
    chat: Chat, parses: Counter[str]
) -> None:
    await chat.send(ANNA, "Tiere in Kassel")
    parses.clear()
    later = await chat.send(ANNA, "lieber am Wochenende")  # the last search's text, searched with a time
    assert "am Wochenende" in later.text
    assert parses == Counter({"lieber am Wochenende": 1, "Tiere in Kassel": 1})
    parses.clear()
    other = await chat.send(ANNA, "was mit Kindern")  # a new interest keeps the place: the message is searched
    assert "Kassel" in other.text
    assert parses == Counter({"was mit Kindern": 1, "Tiere in Kassel": 1})


async def test_weiter_parses_the_search_it_goes_on_from_once(chat: Chat, parses: Counter[str]) -> None:
    await chat.send(ANNA, "Tiere in Kassel am Wochenende")
    parses.clear()
    more = await chat.send(ANNA, "weiter")
    assert "<b>6. " in more.text  # the second page
    assert parses == Counter({"Tiere in Kassel am Wochenende": 1})


async def test_the_saved_place_check_parses_an_earlier_search_once(chat: Chat, parses: Counter[str]) -> None:
    text_place.cache_clear()
    await chat.send(ANNA, "/standort")
    await chat.send(ANNA, "Marburg")
    await chat.send(ANNA, "Tafel in Leipzig")  # said after the saved place: newer than it
    await chat.send(ANNA, "was mit Kindern")  # keeps Leipzig
    await chat.send(ANNA, "was mit Senioren")  # keeps it again: the place goes back to "Tafel in Leipzig"
    parses.clear()
    reply = await chat.send(ANNA, "was mit Tieren")
    assert "Leipzig" in reply.text.splitlines()[0]
    assert "Tafel in Leipzig" not in parses  # where the place was said is read from the earlier search once
