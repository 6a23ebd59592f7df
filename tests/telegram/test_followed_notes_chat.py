"""What a follow-up's answer says it kept from the last search (its place, its interest, its radius moved) and what
the search wished softly stay said when the answer is refined by a button or shown in a language chosen since, as
long as they are still true."""

from __future__ import annotations

from bot.texts import t
from tests.telegram.botchat import ANNA, Chat


def _kept_interest(lang: str) -> str:
    return t(lang, "search.kept_interest", interest="").split("{")[0][:12]  # "Ich bleibe b", "Sticking wit"


async def test_a_kept_interest_stays_said_after_a_radius_and_goes_with_an_area_pressed(chat: Chat) -> None:
    await chat.send(ANNA, "Tierheim in Kassel")
    other_town = await chat.send(ANNA, "und in Baunatal?")
    message = other_town.sent_id()
    assert "Ich bleibe bei Tiere" in other_town.text
    menu = await chat.press(ANNA, other_town.button("Umkreis"), message_id=message)
    wider = await chat.press(ANNA, menu.button("30 km"), message_id=message)
    assert "Baunatal + 30 km" in wider.text and "Ich bleibe bei Tiere" in wider.text  # still kept
    menu = await chat.press(ANNA, wider.button("Bereich"), message_id=message)
    seniors = await chat.press(ANNA, menu.button("Senioren"), message_id=message)
    assert "Senioren · Baunatal + 30 km" in seniors.text and _kept_interest("de") not in seniors.text  # chosen


async def test_a_kept_place_stays_said_after_a_time_or_an_area_pressed(chat: Chat) -> None:
    await chat.send(ANNA, "Lesepate in Kassel")
    animals = await chat.send(ANNA, "was mit Tieren")
    message = animals.sent_id()
    assert "Ich suche weiter in Kassel" in animals.text
    menu = await chat.press(ANNA, animals.button("Zeit"), message_id=message)
    weekend = await chat.press(ANNA, menu.button("am Wochenende"), message_id=message)
    assert "am Wochenende" in weekend.text and "Ich suche weiter in Kassel" in weekend.text
    menu = await chat.press(ANNA, weekend.button("Bereich"), message_id=message)
    seniors = await chat.press(ANNA, menu.button("Senioren"), message_id=message)
    assert "Senioren · Kassel" in seniors.text and "Ich suche weiter in Kassel" in seniors.text


async def test_a_radius_moved_by_a_wish_is_said_on_the_next_page_and_not_after_a_radius_pressed(chat: Chat) -> None:
    await chat.send(ANNA, "Tiere in Kassel")
    wider = await chat.send(ANNA, "weiter weg")
    message = wider.sent_id()
    assert "📏 Umkreis jetzt 30 km statt 15 km." in wider.text
    following = await chat.press(ANNA, wider.button("Mehr"), message_id=message)
    assert "hier 6–7" in following.text and "📏 Umkreis jetzt 30 km statt 15 km." in following.text
    menu = await chat.press(ANNA, following.button("Umkreis"), message_id=message)
    chosen = await chat.press(ANNA, menu.button("50 km"), message_id=message)
    assert "Kassel + 50 km" in chosen.text and "📏 Umkreis jetzt" not in chosen.text  # the button's radius now


async def test_a_language_chosen_since_says_what_was_kept_in_that_language(chat: Chat) -> None:
    await chat.send(ANNA, "Tierheim in Kassel")
    other_town = await chat.send(ANNA, "und in Baunatal?")
    settings = await chat.send(ANNA, "/einstellungen")
    await chat.press(ANNA, settings.button("English"), message_id=settings.sent_id())
    menu = await chat.press(ANNA, other_town.button("Umkreis"), message_id=other_town.sent_id())
    wider = await chat.press(ANNA, menu.button("30 km"), message_id=other_town.sent_id())
    assert "Animals · Baunatal + 30 km" in wider.text and "Sticking with Animals" in wider.text


async def test_a_wished_time_stays_a_wish_after_an_area_pressed(chat: Chat) -> None:
    first = await chat.send(ANNA, "Tierheim in Kassel, am liebsten abends")
    assert "abends (wenn möglich)" in first.text
    menu = await chat.press(ANNA, first.button("Bereich"), message_id=first.sent_id())
    seniors = await chat.press(ANNA, menu.button("Senioren"), message_id=first.sent_id())
    assert "Senioren · Kassel + 15 km · abends (wenn möglich)" in seniors.text


async def test_a_location_shared_right_after_a_result_looks_there_for_the_same(chat: Chat) -> None:
    await chat.send(ANNA, "Kinder in Leipzig, am liebsten am Wochenende")
    around = await chat.share(ANNA, 51.3167, 9.5)  # Kassel
    assert "🔎 <b>Kinder &amp; Jugend · Kassel + 15 km · am Wochenende (wenn möglich)</b>" in around.text
    assert "Ich bleibe bei Kinder &amp; Jugend" in around.text and "Lesepate an der Grundschule" in around.text
    await chat.send(ANNA, "/abbrechen")  # the conversation about it ended: a location is a search of its own
    assert "Wobei möchtest du helfen?" in (await chat.share(ANNA, 51.3167, 9.5)).text
