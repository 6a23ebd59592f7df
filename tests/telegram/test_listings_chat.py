"""Details of a listing with a way back, and the Merkliste: keep, list, open, remove."""

from __future__ import annotations

import html
import re

from tests.telegram.botchat import ANNA, JOHN, Chat, Person, Reply
from sqlalchemy import update

from bot.store.db import Database
from bot.store.models import Opportunity

PFLEGESTELLEN = "Tierheim: Pflegestellen für Hunde"


def _number(reply: Reply, title: str) -> str:
    """Returns the details button label of the result with this title."""
    found = re.search(rf"<b>(\d+)\. {re.escape(title)}</b>", reply.text)
    assert found, f"{title!r} not among the results"
    return f"ℹ️ {found.group(1)}"


async def _details(chat: Chat, title: str = "Gassi gehen mit Tierheimhunden", person: Person = ANNA,
                   text: str = "Tierheim in Kassel am Wochenende") -> tuple[Reply, Reply]:
    results = await chat.send(person, text)
    details = await chat.press(person, results.button(_number(results, title)), message_id=results.sent_id())
    return results, details


async def test_details_show_everything_and_lead_back(chat: Chat) -> None:
    results, details = await _details(chat, PFLEGESTELLEN)
    assert details.methods() == ["answerCallbackQuery", "editMessageText"]
    text = details.text
    for part in ("<b>Tierheim: Pflegestellen für Hunde</b>", "🏛 Tierschutzverein Kassel e.V.", "🏷 Tiere",
                 "📍 Beispielweg 1, Kassel", "<b>Voraussetzungen:</b> Geduld &amp; Freude an Tieren",
                 "<b>Sprachen:</b> Englisch, Arabisch", "<b>Barrierefreiheit:</b> barrierefrei",
                 "Auch ohne gute Deutschkenntnisse möglich", "<b>Kontakt</b>", "☎️ +49 30 1234 5006",
                 "Wir suchen Menschen, die gern mit Hunden"):
        assert part in text
    back = await chat.press(ANNA, details.button("Zurück zu den Ergebnissen"), message_id=results.sent_id())
    assert back.edited() and "5 Angebote gefunden" in back.text


async def test_a_long_description_is_cut_to_fit_one_message(chat: Chat) -> None:
    _, details = await _details(chat, PFLEGESTELLEN)
    text = details.calls[-1].params["text"]
    assert "…" in text
    # Telegram counts the text after parsing the HTML, in UTF-16 code units.
    visible = html.unescape(re.sub(r"<[^>]+>", "", text))
    assert 3500 < len(visible.encode("utf-16-le")) // 2 <= 4096


async def test_details_in_english(chat: Chat) -> None:
    _, details = await _details(chat, PFLEGESTELLEN, JOHN, "Pflegestellen Tierheim Kassel")
    assert "<b>Languages:</b> English, Arabic" in details.text and "☆ Save" in [b["text"] for b in details.buttons]


async def test_favourite_toggles_the_star_and_fills_the_merkliste(chat: Chat) -> None:
    results, details = await _details(chat)
    kept = await chat.press(ANNA, details.button("☆ Merken"), message_id=results.sent_id())
    assert kept.answers == ["Auf deiner Merkliste ⭐"]
    assert kept.methods() == ["answerCallbackQuery", "editMessageReplyMarkup"]
    assert "★ Gemerkt – entfernen" in [b["text"] for b in kept.buttons]
    listing = await chat.send(ANNA, "/merkliste")
    assert "⭐ <b>Deine Merkliste</b> (1)" in listing.text and "Gassi gehen mit Tierheimhunden" in listing.text
    removed = await chat.press(ANNA, kept.button("★ Gemerkt"), message_id=results.sent_id())
    assert removed.answers == ["Von der Merkliste entfernt"]
    empty = await chat.send(ANNA, "/favourites")
    assert "Deine Merkliste ist noch leer" in empty.text


async def test_the_merkliste_opens_details_and_removes_from_the_list(chat: Chat) -> None:
    results = await chat.send(ANNA, "Tierheim in Kassel am Wochenende")
    for title in ("Gassi gehen mit Tierheimhunden", "Katzen im Tierheim betreuen"):
        details = await chat.press(ANNA, results.button(_number(results, title)), message_id=results.sent_id())
        await chat.press(ANNA, details.button("☆ Merken"), message_id=results.sent_id())
    listing = await chat.send(ANNA, "⭐ Merkliste")  # the main keyboard's label works like /merkliste
    assert "(2)" in listing.text
    opened = await chat.press(ANNA, listing.button("ℹ️ 1"), message_id=listing.sent_id())
    assert "◀ Zurück zur Merkliste" in [b["text"] for b in opened.buttons]
    back = await chat.press(ANNA, opened.button("Zurück zur Merkliste"), message_id=listing.sent_id())
    assert "(2)" in back.text
    shorter = await chat.press(ANNA, back.button("✖ 1"), message_id=listing.sent_id())
    assert shorter.edited() and "(1)" in shorter.text


async def test_a_withdrawn_listing_is_no_longer_current(
    chat: Chat, database: Database, listings: dict[str, int]
) -> None:
    results = await chat.send(ANNA, "Tierheim in Kassel am Wochenende")
    async with database.unit_of_work() as session:
        await session.execute(update(Opportunity).where(Opportunity.id == listings["tier1"]).values(status="paused"))
    details = await chat.press(ANNA, results.button(_number(results, "Gassi gehen mit Tierheimhunden")),
                               message_id=results.sent_id())
    assert details.answers == ["Dieses Ergebnis ist nicht mehr aktuell."]
    assert not details.edited()


async def test_results_can_be_kept_straight_from_the_list(chat: Chat) -> None:
    results = await chat.send(ANNA, "Tierheim in Kassel am Wochenende")
    keep = results.button(f"☆ {_number(results, 'Katzen im Tierheim betreuen')[3:]}")
    kept = await chat.press(ANNA, keep, message_id=results.sent_id())
    assert kept.answers == ["Auf deiner Merkliste ⭐"] and kept.edited()  # only the star turned on
    assert f"★ {_number(results, 'Katzen im Tierheim betreuen')[3:]}" in [b["text"] for b in kept.buttons]
    again = await chat.press(ANNA, keep, message_id=results.sent_id())
    assert again.answers == ["Steht schon auf deiner Merkliste ⭐"]
    assert "Katzen im Tierheim betreuen" in (await chat.send(ANNA, "/merkliste")).text
