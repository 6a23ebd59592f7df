"""A place ruled out ("Tierheim, aber nicht in Kassel") asks where to look instead: a town answers it, also after a
"ja", and a plain "nein" closes the question politely (moved out of test_search_chat.py, which had grown past 400
lines)."""

from __future__ import annotations

import pytest
from tests.telegram.botchat import ANNA, JOHN, Chat, Person


async def test_after_a_ruled_out_place_alone_the_chat_asks_for_another_place_not_where(chat: Chat) -> None:
    first = await chat.send(ANNA, "Tierheim, aber bitte nicht in Kassel")
    assert "Kassel lasse ich weg" in first.text and "keinen Ort genannt" not in first.text
    question = first.calls[-1]
    assert question.text.startswith("Wo soll ich stattdessen suchen?") and "Wo soll ich suchen" not in first.text
    answer = await chat.send(ANNA, "Baunatal")
    assert "Baunatal" in answer.text.splitlines()[0] and "ohne Kassel" in answer.text.splitlines()[0]


@pytest.mark.parametrize("answer", ["Ja, Baunatal", "Ja gerne in Baunatal", "ja, gern: Baunatal"])
async def test_a_yes_before_the_place_instead_still_answers_the_question(chat: Chat, answer: str) -> None:
    await chat.send(ANNA, "Tierheim, aber nicht in Kassel")
    found = await chat.send(ANNA, answer)
    header = found.text.splitlines()[0]
    assert "Tiere" in header and "ohne Kassel" in header and "Baunatal" in header


async def test_a_yes_in_english_before_the_place_instead(chat: Chat) -> None:
    first = await chat.send(JOHN, "animal shelter, but not in Kassel")
    assert first.calls[-1].text.startswith("Where should I look instead?")
    found = await chat.send(JOHN, "yes, Baunatal")
    header = found.text.splitlines()[0]
    assert "Animals" in header and "without Kassel" in header and "Baunatal" in header


@pytest.mark.parametrize(("person", "no", "closing"), [
    (ANNA, "nein", "Alles klar"), (ANNA, "Nein danke", "Alles klar"), (JOHN, "no", "All right"),
    (JOHN, "No thanks.", "All right"),
])
async def test_a_plain_no_closes_the_place_question_politely(chat: Chat, person: Person, no: str, closing: str) -> None:
    await chat.send(person, "Tierheim, aber nicht in Kassel")
    closed = await chat.send(person, no)
    assert closed.text.startswith(closing) and "Angebote gefunden" not in closed.text
    assert "opportunities found" not in closed.text
    later = await chat.send(person, "Baunatal")  # the question is closed: a town alone is a new search now
    assert "Kassel" not in later.text.splitlines()[0]


async def test_egal_was_but_not_in_a_town_asks_where_instead(chat: Chat, listings: dict[str, int]) -> None:
    asked = await chat.send(ANNA, "egal was, nur nicht in Kassel")
    assert "allen Bereichen, aber nicht in Kassel" in asked.text and "stattdessen" in asked.text
    found = await chat.send(ANNA, "Leipzig")
    assert "🔎 <b>Alle Bereiche · ohne Kassel · Leipzig + 15 km</b>" in found.text and "Angebote gefunden" in found.text
