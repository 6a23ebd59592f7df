"""A part most cities have, written without its city ("Tierheim im Bahnhofsviertel"), is asked about; the city
answered then searches that city's part of the name, as "Tierheim im Bahnhofsviertel Frankfurt" written at once does:
the part is where, not a word to look for."""

from __future__ import annotations

from tests.telegram.botchat import ANNA, Chat

ASKED = "„Bahnhofsviertel“ gibt es in vielen Städten. In welcher Stadt soll ich suchen?"


async def test_the_city_answered_searches_its_quarter_of_the_part_named(chat: Chat) -> None:
    assert ASKED in (await chat.send(ANNA, "Tierheim im Bahnhofsviertel")).text
    answered = await chat.send(ANNA, "Frankfurt am Main")
    header = answered.text.split("\n")[0]  # the quarter ("nahe": the test listings lie elsewhere), not the city with
    assert header.startswith("🔎 <b>Tiere · ") and header.endswith("Bahnhofsviertel</b>")  # the part as a word
    assert "„Bahnhofsviertel“" not in answered.text and "nichts Genaues" not in answered.text


async def test_a_city_picked_by_button_searches_its_quarter_too(chat: Chat) -> None:
    await chat.send(ANNA, "Tierheim im Bahnhofsviertel")
    which = await chat.send(ANNA, "Frankfurt")  # Frankfurt am Main or Frankfurt (Oder)
    picked = await chat.press(ANNA, which.button("Frankfurt am Main"), message_id=which.sent_id())
    header = picked.text.split("\n")[0]
    assert header.endswith("Bahnhofsviertel</b>") and "„Bahnhofsviertel“" not in picked.text


async def test_a_postal_code_answered_keeps_its_centre_and_drops_the_part(chat: Chat) -> None:
    await chat.send(ANNA, "Tierheim im Bahnhofsviertel")
    answered = await chat.send(ANNA, "60329")
    header = answered.text.split("\n")[0]
    assert header.startswith("🔎 <b>Tiere · ") and "Frankfurt am Main" in header
    assert "„Bahnhofsviertel“" not in answered.text and "nichts Genaues" not in answered.text


async def test_a_known_part_alone_is_asked_about_unless_the_last_or_saved_city_has_it(chat: Chat) -> None:
    alone = await chat.send(ANNA, "Tiere in der Südstadt")  # the gazetteer's Südstadt alone is Hannover's
    assert "„Südstadt“ gibt es in vielen Städten" in alone.text and "Hannover" not in alone.text
    answer = await chat.send(ANNA, "Kassel")
    assert "· Südstadt + 15 km</b>" in answer.text.split("\n")[0]  # Kassel's Südstadt
    await chat.press(ANNA, answer.button("Ja, merken"), message_id=answer.sent_id())
    after = await chat.send(ANNA, "Senioren in der Südstadt")  # the last search's and the saved city has one
    assert "gibt es in vielen Städten" not in after.text and "Südstadt" in after.text.split("\n")[0]
    assert "Hannover" not in after.text
