"""Words nobody can read ("asdfgh qwertz") are said not to be understood, with examples, never answered with a list."""

from __future__ import annotations

from tests.telegram.botchat import ANNA, JOHN, Chat

from bot.texts import t


async def test_keyboard_mashing_alone_is_not_understood_and_gets_examples(chat: Chat) -> None:
    reply = await chat.send(ANNA, "jklö uiopü")
    assert reply.text.startswith("„jklö uiopü“ verstehe ich leider nicht")
    assert "Tierheim in Kassel" in reply.text and t("de", "search.ask_interest") in reply.text
    assert "Angebote gefunden" not in reply.text and "ganz Deutschland" not in reply.text
    assert any("Kinder & Jugend" in button["text"] for button in reply.buttons)


async def test_keyboard_mashing_with_a_place_keeps_the_place_and_asks_what_to_do(chat: Chat) -> None:
    reply = await chat.send(ANNA, "xcvbn mnbvc in Kassel")
    assert reply.text.startswith("🔎 <b>Alle Bereiche · Kassel + 15 km</b>")
    assert "„xcvbn mnbvc“ verstehe ich leider nicht" in reply.text and "Angebote gefunden" not in reply.text
    animals = await chat.press(ANNA, reply.button("Tiere"), message_id=reply.sent_id())
    assert animals.text.startswith("🔎 <b>Tiere · Kassel + 15 km</b>") and "Angebote gefunden" in animals.text


async def test_an_unread_message_is_no_search_to_go_on_from(chat: Chat) -> None:
    await chat.send(ANNA, "Senioren in Kassel")
    reply = await chat.send(ANNA, "hjkhjk")
    assert "„hjkhjk“ verstehe ich leider nicht" in reply.text and "<b>Senioren ·" not in reply.text


async def test_english_keyboard_mashing_is_answered_in_english(chat: Chat) -> None:
    await chat.send(JOHN, "animal shelter in Kassel")
    reply = await chat.send(JOHN, "zxcvb qwfpg")
    assert "I don't understand “zxcvb qwfpg”" in reply.text and "animal shelter in Kassel" in reply.text


async def test_a_real_word_no_listing_holds_still_searches(chat: Chat) -> None:
    reply = await chat.send(ANNA, "Schachspielen in Kassel")  # a word of the language: said as not found exactly
    assert "verstehe ich leider nicht" not in reply.text and reply.text.startswith("🔎 <b>")

