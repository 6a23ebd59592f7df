"""Defects a tester found walking the chat: a state written wins over the saved place, a general request starts
anew, a state after a result keeps the interest."""

from __future__ import annotations

from tests.telegram.botchat import ANNA, Chat


async def _save_home(chat: Chat, place: str) -> None:
    await chat.send(ANNA, "/standort")
    assert "Gemerkt" in (await chat.send(ANNA, place)).text


async def test_a_state_in_the_message_wins_over_the_saved_place(chat: Chat) -> None:
    await _save_home(chat, "Kassel")
    answer = await chat.send(ANNA, "Tierheim in Sachsen")
    assert "Sachsen ist groß" in answer.text and "Kassel" not in answer.text
    linked = await chat.send(ANNA, "/start s-tierheim_in_sachsen")
    assert "Sachsen ist groß" in linked.text and "Kassel +" not in linked.text


async def test_a_state_after_a_result_keeps_the_interest(chat: Chat) -> None:
    await chat.send(ANNA, "Tierheim in München")
    answer = await chat.send(ANNA, "und in NRW?")
    assert "Nordrhein-Westfalen ist groß" in answer.text


async def test_a_general_request_starts_anew_and_a_kept_interest_is_said(chat: Chat) -> None:
    await chat.send(ANNA, "Tierheim in Kassel")
    general = await chat.send(ANNA, "was kann ich in Gießen machen? am liebsten abends")
    assert "Tiere" not in general.text.splitlines()[0] and "Gießen" in general.text.splitlines()[0]
    await chat.send(ANNA, "Tierheim in Kassel")
    other = await chat.send(ANNA, "und in Gießen?")
    header = other.text.splitlines()[0]
    assert "Tiere ·" in header and "Gießen" in header and "Ich bleibe bei Tiere" in other.text
