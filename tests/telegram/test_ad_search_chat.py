"""/freiwillige through the Application: who may search, paging, odd searches, saved searches and their alerts,
the members' menu, reports of ads and an admin's look-up of a reported ad."""

from __future__ import annotations



from sqlalchemy import func, select
from telegram.ext import CallbackContext

from bot.store.db import Database
from bot.store.models import AdminRole, AdReport, AdSearch
from bot.telegram.ad_search import jobs as ad_jobs
from bot.telegram.menus.jobs import sync_chat_menus
from tests.factories.ad_contacts import make_club, make_offer
from tests.factories.ads import KASSEL_TOWN
from tests.telegram.botchat import Chat, Person

from tests.telegram.ad_chat import (
    ADMIN, EMMA, JANA, JOHN, MEHMET, NOBODY, QUERY, contact_through, sent_to, set_the_stage,
)


async def test_only_members_of_verified_organisations_may_search(chat: Chat, database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_club(session, member=NOBODY.id, verified=False)
    refused = await chat.send(NOBODY, f"/freiwillige {QUERY}")
    assert "Mitglieder verifizierter Organisationen" in refused.text
    async with database.read_only() as session:
        assert await session.scalar(select(func.count()).select_from(AdSearch)) == 0


async def test_reports_reach_the_admins_of_the_region(chat: Chat, database: Database) -> None:
    await set_the_stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    found = await chat.send(JANA, f"/freiwillige {QUERY}")
    reported = await chat.press(JANA, found.button("1 melden"))
    assert "Admins" in reported.answers[0]
    admin_texts = "".join(sent_to(reported, ADMIN.id))
    assert "Meldung zu einer Anzeige" in admin_texts and "Hausaufgaben" in admin_texts
    assert "Jana" not in admin_texts and str(JANA.id) not in admin_texts  # the reporter stays unnamed
    sent = await contact_through(chat, JANA, "Ein unpassender Text")
    message_report = await chat.press(MEHMET, sent.button("Melden"))
    admin_texts = "".join(sent_to(message_report, ADMIN.id))
    assert "Meldung einer Nachricht" in admin_texts and "Stadtteiltreff Nord e.V." in admin_texts
    assert "Mehmet" not in "".join(sent_to(message_report, JANA.id)) and not sent_to(message_report, JANA.id)
    async with database.read_only() as session:
        assert await session.scalar(select(func.count()).select_from(AdReport)) == 2
    # The admin acts from the report: removing the ad takes it out of the organisations' search.
    await chat.press(ADMIN, reported.button("Entfernen"), message_id=reported.sent_id())
    gone = await chat.send(JANA, f"/freiwillige {QUERY}")
    assert "keine Anzeigen" in gone.text


async def test_a_saved_search_tells_of_new_ads_once(chat: Chat, database: Database) -> None:
    await set_the_stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    found = await chat.send(JANA, f"/freiwillige {QUERY}")
    saved = await chat.press(JANA, found.button("Bei neuen Anzeigen"))
    assert "Gespeichert" in saved.text
    context = CallbackContext(chat.application)
    before = len(chat.api.calls)
    await ad_jobs.alert_new_ads(context)
    assert not [c for c in chat.api.calls[before:] if c.method == "sendMessage"]  # what it found on saving is old
    async with database.unit_of_work() as session:
        await make_offer(session, place=KASSEL_TOWN,
                         text="Ich unterstütze Grundschulkinder nachmittags bei den Hausaufgaben.")
    await ad_jobs.alert_new_ads(context)
    await ad_jobs.alert_new_ads(context)
    alerts = [c for c in chat.api.calls[before:] if c.method == "sendMessage"]
    assert len(alerts) == 1 and alerts[0].params["chat_id"] == JANA.id
    assert "Neue Anzeige zu deiner Suche" in alerts[0].text and "Grundschulkinder" in alerts[0].text
    assert [b["text"] for b in alerts[0].buttons] == ["✉️ Kontakt zu 1", "⚠️ 1 melden", "🔕 Keine Hinweise mehr"]


async def test_paging_a_search(chat: Chat, database: Database) -> None:
    await set_the_stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    async with database.unit_of_work() as session:
        for number in range(6):
            await make_offer(session, text=f"Ich helfe nachmittags bei Hausaufgaben, Angebot {number}.")
    found = await chat.send(JANA, f"/freiwillige {QUERY}")
    assert "7 Anzeigen gefunden, hier 1–5" in found.text
    second = await chat.press(JANA, found.button("Weitere"))
    assert second.edited() and "hier 6–7" in second.text


async def test_an_empty_command_asks_and_the_next_message_searches(chat: Chat, database: Database) -> None:
    await set_the_stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    asked = await chat.send(JANA, "/freiwillige")
    assert "Wen sucht ihr?" in asked.text
    found = await chat.send(JANA, QUERY)
    assert "1 Anzeige gefunden" in found.text


async def test_odd_searches_get_a_friendly_answer(chat: Chat, database: Database) -> None:
    await set_the_stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    emoji = await chat.send(JANA, "/freiwillige 🐶🐶🐶")
    assert "keine Anzeigen" in emoji.text
    long = await chat.send(JANA, "/freiwillige " + "Hausaufgaben " * 300)
    assert "zu lang für eine Suche (höchstens 500 Zeichen)" in long.text
    async with database.read_only() as session:
        assert await session.scalar(select(func.count()).select_from(AdSearch)) == 1  # the long one was not kept


async def test_the_menu_offers_volunteers_search_to_members_only(chat: Chat, database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_club(session, member=JANA.id)
        await make_club(session, member=NOBODY.id, verified=False)  # not admitted under "verified"
    await sync_chat_menus(CallbackContext(chat.application))

    def menu(chat_id: int | None, lang: str) -> list[str]:
        commands = chat.api.commands[lang] if chat_id is None else chat.api.chat_commands[(chat_id, lang)]
        return [command["command"] for command in commands]

    assert "freiwillige" not in menu(None, "de") and "volunteers" not in menu(None, "en")
    assert menu(JANA.id, "de")[-1] == "freiwillige" and menu(JANA.id, "en")[-1] == "volunteers"
    assert (NOBODY.id, "de") not in chat.api.chat_commands
    assert "anzeige" in menu(ADMIN.id, "de") and "freiwillige" not in menu(ADMIN.id, "de")


async def test_saved_searches_are_listed_and_stopped_from_the_list(chat: Chat, database: Database) -> None:
    await set_the_stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    await set_the_stage(database, EMMA, JOHN, name="Youth Club Kassel", lang="en")
    for query in (QUERY, "Lesepaten in Kassel"):
        found = await chat.send(JANA, f"/freiwillige {query}")
        await chat.press(JANA, found.button("Bei neuen Anzeigen"))
    listed = await chat.send(JANA, "/freiwillige")
    assert "Deine 2 gespeicherten Suchen" in listed.text and "1. „jemand für Hausaufgabenhilfe" in listed.text
    assert "2. „Lesepaten in Kassel“" in listed.text and "Wen sucht ihr?" in listed.text
    forged = await chat.press(EMMA, listed.button("🔕 2 beenden"))  # not Emma's search
    assert forged.answers and not forged.messages
    stopped = await chat.press(JANA, listed.button("🔕 1 beenden"))
    assert "keine Hinweise mehr" in stopped.answers[0]
    assert "Deine gespeicherte Suche" in stopped.text and "1. „jemand" not in stopped.text
    assert "1. „Lesepaten in Kassel“" in stopped.text
    again = await chat.press(JANA, listed.button("🔕 1 beenden"))  # the same button pressed twice
    assert "nicht mehr aktuell" in again.answers[0]
    async with database.read_only() as session:
        saved = (await session.scalars(select(AdSearch.query_text).where(AdSearch.saved.is_(True)))).all()
    assert saved == ["Lesepaten in Kassel"]
    await chat.press(JANA, stopped.button("🔕 1 beenden"))
    english = await chat.send(EMMA, "/volunteers")
    assert "saved search" not in english.text and "Whom are you looking for?" in english.text
    empty = await chat.send(JANA, "/freiwillige")
    assert "gespeichert" not in empty.text and not empty.buttons


async def test_an_admin_looks_up_a_reported_ad_by_its_number(chat: Chat, database: Database) -> None:
    stage = await set_the_stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    saxony = Person(id=1001, first_name="Sachsen-Admin", language_code="en")
    async with database.unit_of_work() as session:
        session.add(AdminRole(telegram_id=saxony.id, state="Sachsen", granted_by=ADMIN.id))
    found = await chat.send(JANA, f"/freiwillige {QUERY}")
    reported = await chat.press(JANA, found.button("1 melden"))
    assert f"#{stage.ad_id}" in "".join(sent_to(reported, ADMIN.id))
    looked_up = await chat.send(ADMIN, f"/anzeige #{stage.ad_id}")
    assert f"Anzeige #{stage.ad_id}</b> – ✅ online" in looked_up.text
    assert "Meldungen: 1 · Verwarnungen: 0" in looked_up.text
    assert "Hausaufgaben" in looked_up.text and "Hessen" in looked_up.text
    assert "Mehmet" not in looked_up.text and str(MEHMET.id) not in looked_up.text
    assert [b["text"] for b in looked_up.buttons] == ["🗑 Entfernen", "⚠️ Verwarnen", "⛔ Für Anzeigen sperren"]
    removed = await chat.press(ADMIN, looked_up.button("Entfernen"), message_id=looked_up.sent_id())
    assert any("entfernt" in text.lower() for text in sent_to(removed, MEHMET.id))
    edited = [call for call in removed.calls if call.method == "editMessageText"]
    assert edited and edited[0].params["chat_id"] == ADMIN.id  # the looked-up copy says who decided
    assert "keine Anzeigen" in (await chat.send(JANA, f"/freiwillige {QUERY}")).text
    again = await chat.send(ADMIN, f"/anzeige {stage.ad_id}")
    assert "entfernt" in again.text.lower()
    assert [b["text"] for b in again.buttons] == ["⚠️ Verwarnen", "⛔ Für Anzeigen sperren"]
    # Outside one's region, an unknown number, no number, and no admin at all.
    elsewhere = await chat.send(saxony, f"/ad {stage.ad_id}")
    assert f"There is no ad #{stage.ad_id}, or it is not in your region." in elsewhere.text and not elsewhere.buttons
    assert "nicht in deiner Region" in (await chat.send(ADMIN, "/anzeige 999999")).text
    for odd in ("/anzeige", "/anzeige abc", "/anzeige 1 2", "/anzeige " + "9" * 40):
        assert "z. B. <code>/anzeige 123</code>" in (await chat.send(ADMIN, odd)).text, odd
    refused = await chat.send(JANA, f"/anzeige {stage.ad_id}")
    assert "Hausaufgaben" not in refused.text and not refused.buttons
