"""A state named as where to look ("Tierheim in Sachsen", or "Sachsen" answering "Wo soll ich suchen?") is asked
about with its largest towns as buttons: not all of Germany "as no place was named", not the last search's town,
and not "Sachsen bei Ansbach" in Bayern."""

from __future__ import annotations

from typing import Any

from tests.telegram.botchat import ANNA, GROUP_ID, Chat

from bot.links import start_payload_for_search
from bot.search.model import Refinement


def _labels(buttons: list[dict[str, Any]]) -> set[str]:
    return {str(button["text"]) for button in buttons}


ASKED = "Sachsen ist groß. Um welchen Ort herum soll ich suchen?"


async def test_a_state_named_in_a_search_asks_which_of_its_towns(chat: Chat) -> None:
    reply = await chat.send(ANNA, "Tierheim in Sachsen")
    assert ASKED in reply.text and "ganz Deutschland" not in reply.text
    assert {"Dresden (Sachsen)", "Leipzig (Sachsen)", "Chemnitz (Sachsen)"} <= _labels(reply.buttons)
    chosen = await chat.press(ANNA, reply.button("Leipzig"), message_id=reply.sent_id())
    assert "Tiere · " in chosen.text and "Leipzig</b>" in chosen.text.split("\n")[0]


async def test_a_state_after_a_search_elsewhere_is_not_that_search_s_town(chat: Chat) -> None:
    await chat.send(ANNA, "Tierheim in Kassel")
    reply = await chat.send(ANNA, "Tierheim in Sachsen")  # it went on in Kassel ("Ich suche weiter in Kassel")
    assert ASKED in reply.text and "Kassel" not in reply.text
    typed = await chat.send(ANNA, "Chemnitz")  # a town typed answers the question as well
    assert "Tiere · " in typed.text and "Chemnitz</b>" in typed.text.split("\n")[0]


async def test_a_state_answering_where_asks_which_of_its_towns(chat: Chat) -> None:
    await chat.send(ANNA, "Tierheim in Kleinkleckersdorf")
    reply = await chat.send(ANNA, "Sachsen")  # it searched around Sachsen bei Ansbach, Bayern
    assert ASKED in reply.text and "Ansbach" not in reply.text
    assert "Dresden (Sachsen)" in _labels(reply.buttons)
    hessen = await chat.send(ANNA, "in Hessen")
    assert "Hessen ist groß." in hessen.text and "Kassel (Hessen)" in _labels(hessen.buttons)


async def test_a_town_with_its_state_answering_where_is_that_town(chat: Chat) -> None:
    for answer, town in (("Leipzig in Sachsen", "Leipzig"), ("Freiberg in Sachsen", "Freiberg"),
                         ("Neustadt in Sachsen", "Neustadt")):
        await chat.send(ANNA, "Tierheim in Kleinkleckersdorf")
        reply = await chat.send(ANNA, answer)
        assert "ist groß" not in reply.text and town in reply.text.split("\n")[0], answer


async def test_a_town_with_its_state_is_saved_as_the_home_place(chat: Chat) -> None:
    await chat.send(ANNA, "/standort")
    saved = await chat.send(ANNA, "Neustadt in Sachsen")
    assert saved.text.startswith("Gemerkt: <b>Neustadt in Sachsen</b>") and "ist groß" not in saved.text


async def test_a_region_of_a_state_is_no_whole_state(chat: Chat) -> None:
    await chat.send(ANNA, "Tierheim in Kleinkleckersdorf")
    reply = await chat.send(ANNA, "Nordhessen")
    assert "ist groß" not in reply.text and "Frankfurt" not in _labels(reply.buttons)


async def test_a_state_ruled_out_is_not_asked_about(chat: Chat) -> None:
    reply = await chat.send(ANNA, "Tierheim, aber nicht in Sachsen")
    assert "ist groß" not in reply.text and "Dresden (Sachsen)" not in _labels(reply.buttons)


async def test_a_state_of_two_words_written_apart_is_that_state(chat: Chat) -> None:
    await chat.send(ANNA, "Tierheim in Kleinkleckersdorf")
    anhalt = await chat.send(ANNA, "in Sachsen Anhalt")
    assert "Sachsen-Anhalt ist groß." in anhalt.text and "Magdeburg (Sachsen-Anhalt)" in _labels(anhalt.buttons)
    baden = await chat.send(ANNA, "in Baden Württemberg")
    assert "Baden-Württemberg ist groß." in baden.text and "Stuttgart (Baden-Württemberg)" in _labels(baden.buttons)


async def test_a_state_in_english_is_asked_about_by_its_english_name(chat: Chat) -> None:
    saxony = await chat.send(ANNA, "animal shelter in Saxony")
    assert saxony.text.startswith("Saxony is big.") and "Sachsen is" not in saxony.text
    lower = await chat.send(ANNA, "animal shelter in Lower Saxony")
    assert lower.text.startswith("Lower Saxony is big.") and "Hannover (Niedersachsen)" in _labels(lower.buttons)


async def test_a_state_named_in_a_group_search_is_said_to_be_big(chat: Chat) -> None:
    reply = await chat.send(ANNA, "/suche Tierheim in Sachsen", chat_id=GROUP_ID)
    assert "Sachsen ist groß: schreib „/suche“ mit einem Ort in Sachsen" in reply.text and "Dresden" in reply.text
    assert "Du hast keinen Ort genannt" not in reply.text


async def test_an_interest_answering_where_is_searched_not_taken_for_an_unknown_place(chat: Chat) -> None:
    await chat.send(ANNA, "Tierheim in Kleinkleckersdorf")
    for answer in ("Arbeiterwohlfahrt", "Geocaching"):
        reply = await chat.send(ANNA, answer)
        assert "kenne ich leider nicht" not in reply.text and reply.text.startswith("🔎"), answer
    await chat.send(ANNA, "Tierheim in Kleinkleckersdorf")
    village = await chat.send(ANNA, "Großhinterwaldbach")  # a name ending as villages do: still asked again
    assert "Den Ort „Großhinterwaldbach“ kenne ich leider nicht" in village.text


async def test_a_whole_state_can_be_shown_as_all_of_germany_said_so(chat: Chat) -> None:
    asked = await chat.send(ANNA, "Tierheim in Sachsen")
    assert ASKED in asked.text and "🇩🇪 Ganz Deutschland zeigen" in _labels(asked.buttons)
    shown = await chat.press(ANNA, asked.button("Ganz Deutschland"), message_id=asked.sent_id())
    assert shown.text.startswith("🔎 <b>Tiere") and "Angebote aus ganz Deutschland, sortiert wie immer" in shown.text
    assert "Du hast keinen Ort genannt" not in shown.text and ASKED not in shown.text
    assert "<b>1. " in shown.text  # the listings themselves, not another question


async def test_a_message_asking_all_of_a_state_is_shown_that_state_at_once(chat: Chat) -> None:
    for text in ("was mit Kindern in ganz Sachsen", "was mit Kindern überall in Sachsen",
                 "something with children in all of Saxony"):
        shown = await chat.send(ANNA, text)
        head = shown.text.split("\n")[0]
        assert ASKED not in shown.text and "<b>1. " in shown.text and "Kassel" not in shown.text, text
        assert "ganz Sachsen</b>" in head or "all of Saxony</b>" in head, text
    nothing = await chat.send(ANNA, "Tierheim in ganz Sachsen")  # nothing there: the rest, said so, not asked
    assert ASKED not in nothing.text and "In ganz Sachsen gibt es dazu nichts" in nothing.text


async def test_a_state_without_an_interest_asks_the_area_and_then_which_town(chat: Chat) -> None:
    reply = await chat.send(ANNA, "Ehrenamt in Sachsen")  # it said "Das habe ich nicht ganz verstanden"
    assert reply.text.startswith("🔎 <b>Alle Bereiche · Sachsen</b>") and "nicht ganz verstanden" not in reply.text
    assert "Wobei möchtest du helfen?" in reply.text and "🐾 Tiere" in _labels(reply.buttons)
    animals = await chat.press(ANNA, reply.button("🐾 Tiere"), message_id=reply.sent_id())
    assert ASKED in animals.text and "Leipzig (Sachsen)" in _labels(animals.buttons)


async def test_a_whole_state_can_be_shown_as_that_state(chat: Chat) -> None:
    asked = await chat.send(ANNA, "was mit Kindern in Sachsen")
    assert ASKED in asked.text and "🗺 Ganz Sachsen zeigen" in _labels(asked.buttons)
    shown = await chat.press(ANNA, asked.button("Ganz Sachsen"), message_id=asked.sent_id())
    assert "in ganz Sachsen</b>" in shown.text.split("\n")[0] and "Angebote aus ganz Sachsen" in shown.text
    assert "<b>1. " in shown.text and "Leipzig" in shown.text and "Kassel" not in shown.text  # Kassel is in Hessen
    assert "ganz Deutschland" not in shown.text and ASKED not in shown.text
    later = await chat.send(ANNA, "lieber am Wochenende")  # a change of the search keeps the state
    assert "in ganz Sachsen" in later.text.split("\n")[0] and "Kassel" not in later.text


async def test_a_whole_state_in_english_is_shown_by_its_english_name(chat: Chat) -> None:
    asked = await chat.send(ANNA, "something with children in Saxony")
    assert "🗺 Show all of Saxony" in _labels(asked.buttons)
    shown = await chat.press(ANNA, asked.button("all of Saxony"), message_id=asked.sent_id())
    assert "all of Saxony</b>" in shown.text.split("\n")[0] and "listings from all of Saxony" in shown.text


async def test_a_town_typed_after_the_whole_state_is_where_to_look(chat: Chat) -> None:
    asked = await chat.send(ANNA, "was mit Kindern in Sachsen")
    await chat.press(ANNA, asked.button("Ganz Sachsen"), message_id=asked.sent_id())
    moved = await chat.send(ANNA, "und in Kassel?")
    assert "Kassel" in moved.text.split("\n")[0] and "ganz Sachsen" not in moved.text


async def test_a_whole_state_offers_no_radius_but_a_town_does_again(chat: Chat) -> None:
    asked = await chat.send(ANNA, "was mit Kindern in Sachsen")
    shown = await chat.press(ANNA, asked.button("Ganz Sachsen"), message_id=asked.sent_id())
    assert "📏 Umkreis" not in _labels(shown.buttons)  # no centre to measure from
    assert {"🏷 Bereich", "🕒 Zeit", "🔔 Als Suchauftrag speichern"} <= _labels(shown.buttons)
    moved = await chat.send(ANNA, "und in Leipzig?")
    assert "📏 Umkreis" in _labels(moved.buttons)


async def test_a_link_to_a_whole_state_opens_that_state(chat: Chat) -> None:
    for text in ("was mit Kindern", "was mit Kindern in Sachsen"):  # the web page's text may name the state
        payload = start_payload_for_search(text, Refinement(whole_state="Sachsen"))
        opened = await chat.send(ANNA, f"/start {payload}")  # the web page's "open in Telegram"
        results = opened.text.split("🔎", 1)[-1]  # after the welcome, which names Kassel as an example
        assert "in ganz Sachsen</b>" in results and "<b>1. " in results and "Kassel" not in results, text
        assert ASKED not in opened.text


async def test_an_area_chosen_after_the_whole_state_keeps_the_state(chat: Chat) -> None:
    asked = await chat.send(ANNA, "was mit Kindern in Sachsen")
    shown = await chat.press(ANNA, asked.button("Ganz Sachsen"), message_id=asked.sent_id())
    menu = await chat.press(ANNA, shown.button("Bereich"), message_id=asked.sent_id())
    seniors = await chat.press(ANNA, menu.button("Senioren"), message_id=asked.sent_id())
    # None of the test's seniors' listings lies in Sachsen: it says so, and shows the rest of Germany's
    assert seniors.text.startswith("🔎 <b>Senioren · ") and "In ganz Sachsen gibt es dazu nichts" in seniors.text
    assert "Du hast keinen Ort genannt" not in seniors.text


async def test_an_area_chosen_after_a_state_said_whole_keeps_the_state(chat: Chat) -> None:
    shown = await chat.send(ANNA, "was mit Kindern in ganz Sachsen")  # no button pressed: the text says it
    assert "in ganz Sachsen</b>" in shown.text.split("\n")[0]
    menu = await chat.press(ANNA, shown.button("Bereich"), message_id=shown.sent_id())
    seniors = await chat.press(ANNA, menu.button("Senioren"), message_id=shown.sent_id())
    assert seniors.text.startswith("🔎 <b>Senioren · ") and "In ganz Sachsen gibt es dazu nichts" in seniors.text
    assert "Du hast keinen Ort genannt" not in seniors.text


async def test_all_of_a_state_answering_where_shows_that_state(chat: Chat) -> None:
    asked = await chat.send(ANNA, "was mit Kindern in Sachsen")
    assert ASKED in asked.text
    shown = await chat.send(ANNA, "ganz Sachsen")  # it asked the same question again, and again
    assert "in ganz Sachsen</b>" in shown.text.split("\n")[0] and ASKED not in shown.text
    assert "<b>1. " in shown.text and "Kassel" not in shown.text
