"""A place the gazetteer lacks is said and asked about, also for a person whose home place the chat searches
around when a text names none: they named one, so neither "Du hast keinen Ort genannt" nor their home place."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tests.telegram.botchat import ANNA, Chat

from bot.store.types import utcnow

ASKED = "Den Ort „Kleinkleckersdorf“ kenne ich nicht. Wo soll ich suchen?"


async def test_an_unknown_place_is_said_and_asked_about_even_with_a_home_place(
    chat: Chat, monkeypatch: pytest.MonkeyPatch
) -> None:
    await chat.send(ANNA, "Senioren unterstützen")
    answer = await chat.send(ANNA, "Kassel")
    await chat.press(ANNA, answer.button("Ja, merken"), message_id=answer.sent_id())
    right_after = await chat.send(ANNA, "Tierheim in Kleinkleckersdorf")  # not the last search's town either
    assert ASKED in right_after.text and "Kassel" not in right_after.text
    later_on = utcnow() + timedelta(hours=2)
    monkeypatch.setattr("bot.telegram.search.pages.utcnow", lambda: later_on)
    reply = await chat.send(ANNA, "Tierheim in Kleinkleckersdorf")
    assert ASKED in reply.text and "keinen Ort" not in reply.text and "Kassel" not in reply.text
    assert not reply.buttons  # nothing was searched: nothing to refine or save yet
    answered = await chat.send(ANNA, "Kassel")  # the answer to the question keeps what was asked
    assert "🔎 <b>Tiere · Kassel" in answered.text
    assert "Wo soll ich suchen?" not in (await chat.send(ANNA, "Senioren unterstützen")).text  # home place as ever


async def test_a_second_unknown_name_answering_where_is_said_unknown_and_the_question_stays(chat: Chat) -> None:
    await chat.send(ANNA, "Tierheim in Kleinkleckersdorf")
    again = await chat.send(ANNA, "Großhinterwaldbach")  # searched as a word, it found "Großhennersdorf"
    assert "Den Ort „Großhinterwaldbach“ kenne ich leider nicht." in again.text
    assert "ganz Deutschland" not in again.text and not again.buttons
    also = await chat.send(ANNA, "in Höchst an der Nidder")
    assert "Den Ort „Höchst an der Nidder“ kenne ich leider nicht." in also.text
    answered = await chat.send(ANNA, "Kassel")  # the question is still open: the animals, now in Kassel
    assert "🔎 <b>Tiere · Kassel" in answered.text


async def test_a_word_answering_where_is_still_a_search(chat: Chat) -> None:
    await chat.send(ANNA, "Tierheim in Kleinkleckersdorf")
    reply = await chat.send(ANNA, "Gartenarbeit")  # an interest, not a place: a search of its own
    assert "kenne ich leider nicht" not in reply.text


async def test_an_unknown_name_without_a_question_is_searched_as_ever(chat: Chat) -> None:
    reply = await chat.send(ANNA, "Großhinterwaldbach")
    assert "kenne ich leider nicht" not in reply.text


async def test_an_emoji_answering_where_asks_for_the_place_again_not_the_area(chat: Chat) -> None:
    await chat.send(ANNA, "Tierheim in Kleinkleckersdorf")
    again = await chat.send(ANNA, "🙈")
    assert "Emojis kann ich leider noch nicht lesen" in again.text and "Wo soll ich suchen?" in again.text
    assert "Bereich" not in again.text and not again.buttons
    answered = await chat.send(ANNA, "Kassel")  # the question stayed open: the animals, now in Kassel
    assert "🔎 <b>Tiere · Kassel" in answered.text


async def test_an_emoji_without_a_question_offers_the_areas_as_ever(chat: Chat) -> None:
    reply = await chat.send(ANNA, "🙈")
    assert "wähle einen Bereich" in reply.text and reply.buttons
