"""A place saved with /standort outranks the place of the search before it for a new interest, also when that
search was changed since (its time, its radius): the change kept the old place, nobody said it again."""

from __future__ import annotations

from tests.telegram.botchat import ANNA, Chat


async def _save_home(chat: Chat, place: str) -> None:
    await chat.send(ANNA, "/standort")
    assert "Gemerkt" in (await chat.send(ANNA, place)).text


async def test_a_new_interest_after_saving_a_place_goes_there_though_the_search_was_changed_since(
        chat: Chat) -> None:
    await chat.send(ANNA, "Tierheim in Dresden")
    await _save_home(chat, "Marburg")
    weekend = await chat.send(ANNA, "lieber am Wochenende")
    assert "Dresden" in weekend.text.splitlines()[0]  # the change of time keeps the search's place
    children = await chat.send(ANNA, "was mit Kindern")
    assert "Marburg" in children.text.splitlines()[0] and "Ich suche weiter in Dresden" not in children.text


async def test_a_place_said_again_after_saving_one_is_kept_for_a_new_interest(chat: Chat) -> None:
    await chat.send(ANNA, "Tierheim in Dresden")
    await _save_home(chat, "Marburg")
    await chat.send(ANNA, "Tafel in Leipzig")  # said after the saved place: the newer wish
    await chat.send(ANNA, "lieber am Wochenende")
    children = await chat.send(ANNA, "was mit Kindern")
    assert "Leipzig" in children.text.splitlines()[0] and "Ich suche weiter in Leipzig" in children.text
