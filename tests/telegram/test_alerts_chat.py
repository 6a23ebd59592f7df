"""Suchaufträge: saved from the results, listed with stop buttons, alerted once per listing, stopped anywhere."""

from __future__ import annotations

from datetime import timedelta

from tests.telegram.botchat import ANNA, JOHN, Chat
from tests.factories.chat_listings import KASSEL
from sqlalchemy import select
from telegram.ext import CallbackContext

from bot.store.db import Database
from bot.store.listings import opportunity_row, upsert_rows
from bot.store.models import Opportunity, Organisation, Volunteer
from bot.store.types import utcnow
from bot.telegram.alerts import jobs
from bot.texts import t


async def _publish(database: Database, key: str, title: str, categories: list[str]) -> int:
    """Publishes a new listing in Kassel now, as the posting flow or an import would."""
    async with database.unit_of_work() as session:
        organisation = (await session.execute(select(Organisation.id).limit(1))).scalar_one()
        await upsert_rows(session, Opportunity.__table__, [opportunity_row({
            "organisation_id": organisation, "title": title, "categories": categories, "place_name": "Kassel",
            "lat": KASSEL[0], "lon": KASSEL[1], "status": "published", "source": "test", "external_id": key,
            "published_at": utcnow(), "expires_at": utcnow() + timedelta(days=30), "contact_email": "neu@example.org",
        })])
        return (await session.execute(select(Opportunity.id).where(Opportunity.external_id == key))).scalar_one()


async def _save(chat: Chat, person=ANNA, text: str = "Tierheim in Kassel") -> None:  # type: ignore[no-untyped-def]
    results = await chat.send(person, text)
    label = "Suchauftrag" if person is ANNA else "alert"
    saved = await chat.press(person, results.button(label), message_id=results.sent_id())
    assert saved.methods() == ["answerCallbackQuery", "sendMessage"]


async def _match(chat: Chat):  # type: ignore[no-untyped-def]
    """Runs the alert job once and returns what it sent."""
    before = len(chat.api.calls)
    await jobs.match_new_listings(CallbackContext(chat.application))
    return chat.api.calls[before:]


async def test_saving_confirms_with_what_is_watched_and_a_stop_button(chat: Chat) -> None:
    results = await chat.send(ANNA, "Tierheim in Kassel")
    saved = await chat.press(ANNA, results.button("Suchauftrag"), message_id=results.sent_id())
    assert saved.answers == ["Gespeichert"]
    assert "🔔 Suchauftrag gespeichert: <b>Tiere · Kassel + 15 km</b>" in saved.text
    assert "Sobald ein passendes neues Angebot erscheint" in saved.text
    assert [b["text"] for b in saved.buttons] == ["🔕 Diesen Suchauftrag beenden"]


async def test_saving_a_widened_answer_saves_the_radius_it_showed(chat: Chat) -> None:
    results = await chat.send(ANNA, "Tierheim in Hofgeismar")  # the Kassel listings lie 22 km away
    assert "Hofgeismar + 30 km" in results.text
    saved = await chat.press(ANNA, results.button("Suchauftrag"), message_id=results.sent_id())
    assert "🔔 Suchauftrag gespeichert: <b>Tiere · Hofgeismar + 30 km</b>" in saved.text


async def test_the_list_shows_each_alert_and_stops_one(chat: Chat) -> None:
    await _save(chat)
    await _save(chat, text="Senioren unterstützen in Kassel")
    listing = await chat.send(ANNA, "/suchauftraege")
    assert "1. Senioren · Kassel + 15 km · sofort" in listing.text
    assert "2. Tiere · Kassel + 15 km · sofort" in listing.text
    stopped = await chat.press(ANNA, listing.button("🔕 1"), message_id=listing.sent_id())
    assert stopped.answers == ["Suchauftrag beendet"]
    assert stopped.edited() and "Senioren" not in stopped.text and "Tiere" in stopped.text
    again = await chat.press(ANNA, listing.button("🔕 1"), message_id=listing.sent_id())
    assert again.answers == ["Dieses Ergebnis ist nicht mehr aktuell."]


async def test_a_new_listing_is_alerted_once_with_a_stop_button(chat: Chat, database: Database) -> None:
    await _save(chat)
    await _publish(database, "neu1", "Tierheim Kassel: Hunde ausführen", ["animals"])
    sent = [call for call in await _match(chat) if call.method == "sendMessage"]
    assert len(sent) == 1 and sent[0].params["chat_id"] == ANNA.id
    assert "🔔 Neu zu deinem Suchauftrag" in sent[0].text and "Hunde ausführen" in sent[0].text
    assert [b["text"] for b in sent[0].buttons] == ["ℹ️ Details", "🔕 Diesen Suchauftrag beenden"]
    assert not [call for call in await _match(chat) if call.method == "sendMessage"]  # never twice
    stop = next(b["callback_data"] for b in sent[0].buttons if "beenden" in b["text"])
    message_id = sent[0].result["message_id"]
    stopped = await chat.press(ANNA, stop, message_id=message_id)
    assert stopped.answers == ["Suchauftrag beendet"]
    assert [b["text"] for b in stopped.buttons] == ["ℹ️ Details"]  # the stop button is gone, details stay
    await _publish(database, "neu2", "Tierheim Kassel: Katzen füttern", ["animals"])
    assert not [call for call in await _match(chat) if call.method == "sendMessage"]


async def test_alert_details_come_as_a_new_message(chat: Chat, database: Database) -> None:
    await _save(chat)
    await _publish(database, "neu1", "Tierheim Kassel: Hunde ausführen", ["animals"])
    alert = next(call for call in await _match(chat) if call.method == "sendMessage")
    details = next(b["callback_data"] for b in alert.buttons if "Details" in b["text"])
    opened = await chat.press(ANNA, details, message_id=alert.result["message_id"])
    assert opened.methods() == ["answerCallbackQuery", "sendMessage"]
    assert "<b>Tierheim Kassel: Hunde ausführen</b>" in opened.text


async def test_daily_alerts_wait_for_the_digest(chat: Chat, database: Database) -> None:
    settings = await chat.send(JOHN, "/settings")
    await chat.press(JOHN, settings.button("daily"), message_id=settings.sent_id())
    await _save(chat, JOHN, "animal shelter in Kassel")
    await _publish(database, "neu1", "Tierheim Kassel: Hunde ausführen", ["animals"])
    assert not [call for call in await _match(chat) if call.method == "sendMessage"]
    before = len(chat.api.calls)
    await jobs.send_digests(CallbackContext(chat.application))
    digests = [call for call in chat.api.calls[before:] if call.method == "sendMessage"]
    assert len(digests) == 1 and digests[0].params["chat_id"] == JOHN.id
    assert "1 new opportunity for your alerts" in digests[0].text and "Hunde ausführen" in digests[0].text
    assert any(b["text"].startswith("🔕 Stop") for b in digests[0].buttons)
    before = len(chat.api.calls)
    await jobs.send_digests(CallbackContext(chat.application))
    assert len(chat.api.calls) == before  # nothing is due twice


async def test_a_person_who_blocked_the_bot_is_marked_and_not_alerted(chat: Chat, database: Database) -> None:
    await _save(chat)
    await _publish(database, "neu1", "Tierheim Kassel: Hunde ausführen", ["animals"])
    chat.api.fail_next("sendMessage", 403, "Forbidden: bot was blocked by the user")
    await _match(chat)
    async with database.read_only() as session:
        blocked = await session.scalar(select(Volunteer.blocked).where(Volunteer.telegram_id == ANNA.id))
    assert blocked


async def test_an_alert_speaks_the_language_the_search_was_saved_in(chat: Chat, database: Database) -> None:
    # Anna's Telegram says German, but she searched and saved in English: the alert comes hours later, after
    # her conversation ended, and still speaks English, stop button included.
    results = await chat.send(ANNA, "animal shelter in Kassel")
    await chat.press(ANNA, results.button("alert"), message_id=results.sent_id())
    async with database.unit_of_work() as session:
        anna = (await session.execute(select(Volunteer).where(Volunteer.telegram_id == ANNA.id))).scalar_one()
        assert anna.language == "de" and anna.conversation_lang == "en"
        anna.conversation_at = utcnow() - timedelta(hours=5)
    await _publish(database, "neu1", "Tierheim Kassel: Hunde ausführen", ["animals"])
    alert = next(call for call in await _match(chat) if call.method == "sendMessage")
    assert "Hunde ausführen" in alert.text and "Suchauftrag" not in alert.text
    assert [b["text"] for b in alert.buttons] == [t("en", "alerts.button_details"), t("en", "alerts.button_stop_alert")]


async def test_a_digest_speaks_the_language_last_spoken_too(chat: Chat, database: Database) -> None:
    settings = await chat.send(ANNA, "/einstellungen")
    await chat.press(ANNA, settings.button("täglich"), message_id=settings.sent_id())
    results = await chat.send(ANNA, "animal shelter in Kassel")
    await chat.press(ANNA, results.button("alert"), message_id=results.sent_id())
    await _publish(database, "neu1", "Tierheim Kassel: Hunde ausführen", ["animals"])
    assert not [call for call in await _match(chat) if call.method == "sendMessage"]
    before = len(chat.api.calls)
    await jobs.send_digests(CallbackContext(chat.application))
    digest = next(call for call in chat.api.calls[before:] if call.method == "sendMessage")
    assert "1 new opportunity for your alerts" in digest.text
    assert any(b["text"].startswith("🔕 Stop") for b in digest.buttons)
