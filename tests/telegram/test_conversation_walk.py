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


async def test_every_area_by_buttons_asks_where_never_nothing(chat: Chat) -> None:
    areas = await chat.send(ANNA, "🔎 Mit Knöpfen suchen")
    every = await chat.press(ANNA, areas.button("Alle Bereiche"), message_id=areas.sent_id())
    assert "Wo soll ich suchen" in every.text and "nichts gefunden" not in every.text
    around = await chat.share(ANNA, 51.3167, 9.5)
    assert "Alle Bereiche · Kassel" in around.text and "Angebote gefunden" in around.text


async def test_nothing_in_all_of_germany_offers_another_area_not_a_radius_or_an_alert(chat: Chat) -> None:
    empty = await chat.send(ANNA, "#abc")
    labels = [b["text"] for b in empty.buttons]
    assert "in ganz Deutschland nichts gefunden" in empty.text and "Umkreis" not in empty.text
    assert "🏷 Bereich" in labels and not any("Umkreis" in label or "Suchauftrag" in label for label in labels)
    assert "Wo soll ich suchen" not in empty.text
