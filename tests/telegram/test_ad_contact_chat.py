"""The organisations' side of volunteers' ads through the Application: /freiwillige, 'Kontakt aufnehmen' and the
person's consent, in German and English; forged buttons, a blocked organisation, the daily limit, reports."""

from __future__ import annotations

from dataclasses import dataclass

from datetime import timedelta

from sqlalchemy import func, select, update
from telegram.ext import CallbackContext

from bot.ads import contacts
from bot.ads.access import SearchAccess
from bot.ads.contacts import ContactRules, ToOrganisation, ToPerson
from bot.ads.limits import BERLIN
from bot.store.types import utcnow
from bot.settings import Settings
from bot.store.db import Database
from bot.store.models import AdContact, AdminRole, AdReport, AdSearch, OrganisationBlock
from bot.telegram.ad_search import jobs as ad_jobs
from bot.telegram.ad_search.keyboards import ContactAction
from bot.telegram.ad_search.render import note_to_person, notes_to_organisation
from bot.telegram.app import register_commands
from bot.telegram.formatting import MESSAGE_LIMIT, visible_length
from bot.telegram.callbacks import AdContactButton, ContactAnswerButton, ContactReplyButton, DeleteButton, pack
from tests.factories.ad_contacts import make_club, make_offer
from tests.factories.ads import KASSEL_TOWN, make_volunteer
from tests.telegram.botchat import Chat, Person, Reply

JANA = Person(id=601, first_name="Jana", language_code="de")  # member of a verified organisation
MEHMET = Person(id=602, first_name="Mehmet", language_code="de")  # has an ad
EMMA = Person(id=603, first_name="Emma", language_code="en")  # member, writes in English
JOHN = Person(id=604, first_name="John", language_code="en")  # has an ad, reads English
NOBODY = Person(id=605, first_name="Lea", language_code="de")  # no organisation
ADMIN = Person(id=1000, first_name="Admin", language_code="de")  # ADMIN_IDS of the test settings
QUERY = "jemand für Hausaufgabenhilfe in Kassel nachmittags"


@dataclass
class Stage:
    organisation_id: int
    ad_id: int
    listing_title: str


async def _stage(database: Database, member: Person, person: Person, *, name: str, lang: str = "de") -> Stage:
    async with database.unit_of_work() as session:
        club = await make_club(session, name=name, member=member.id)
        offer = await make_offer(session, telegram_id=person.id, language=lang)
    return Stage(club.organisation_id, offer.ad_id, club.listing_title)


def _to(reply: Reply, chat_id: int) -> list[str]:
    """Returns the texts the bot sent to one chat in a reply."""
    return [call.text for call in reply.messages if call.params.get("chat_id") == chat_id]


async def _contact(chat: Chat, member: Person, text: str, query: str = QUERY) -> Reply:
    found = await chat.send(member, f"/freiwillige {query}")
    chosen = await chat.press(member, found.button("Kontakt" if member.language_code == "de" else "Contact"))
    about = await chat.press(member, chosen.buttons[0]["callback_data"])
    assert about.messages and about.messages[-1].params.get("chat_id") == member.id
    return await chat.send(member, text)


async def test_a_member_finds_an_ad_and_the_person_answers_with_consent(chat: Chat, database: Database) -> None:
    stage = await _stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    found = await chat.send(JANA, f"/freiwillige {QUERY}")
    assert "1 Anzeige gefunden" in found.text and "📍 Kassel" in found.text and "Hausaufgaben" in found.text
    assert "Mehmet" not in found.text and str(MEHMET.id) not in str(found.calls)
    chosen = await chat.press(JANA, found.button("Kontakt zu 1"))
    assert "Kontakt als <b>Stadtteiltreff Nord e.V.</b>" in chosen.text
    asked = await chat.press(JANA, chosen.button(stage.listing_title[:20]))
    assert "kurze Nachricht" in asked.text
    sent = await chat.send(JANA, "Hättest du Lust, dienstags bei uns zu helfen?")
    to_person = _to(sent, MEHMET.id)
    assert len(to_person) == 1 and "Stadtteiltreff Nord e.V." in to_person[0]
    assert stage.listing_title in to_person[0] and "dienstags bei uns" in to_person[0]
    assert "Gesendet" in "".join(_to(sent, JANA.id)) and "Heute gehen noch 9 Kontakte" in sent.text
    # The person answers with a name they type; the organisation sees exactly that and the reply.
    answering = await chat.press(MEHMET, sent.button("Antworten"))
    assert "Als Mehmet" in [button["text"] for button in answering.buttons]
    typed = await chat.press(MEHMET, answering.button("Einen Namen eingeben"))
    assert "Wie soll die Organisation dich nennen" in typed.text
    await chat.send(MEHMET, "M.")
    answered = await chat.send(MEHMET, "Gern, dienstags passt mir!")
    to_member = _to(answered, JANA.id)
    assert len(to_member) == 1 and "<b>M.</b> antwortet" in to_member[0] and "Gern, dienstags passt" in to_member[0]
    assert "Mehmet" not in to_member[0] and str(MEHMET.id) not in to_member[0]
    # The organisation replies through the bot; the person then shares their Telegram contact.
    await chat.press(JANA, answered.button("Antworten"))
    relayed = await chat.send(JANA, "Super, komm einfach vorbei!")
    assert "Nachricht von <b>Stadtteiltreff Nord e.V.</b>" in "".join(_to(relayed, MEHMET.id))
    shared = await chat.press(MEHMET, relayed.button("Telegram-Kontakt teilen"))
    assert f"tg://user?id={MEHMET.id}" in "".join(_to(shared, JANA.id))


async def test_a_contact_about_no_particular_listing_promises_none(chat: Chat, database: Database) -> None:
    await _stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    found = await chat.send(JANA, f"/freiwillige {QUERY}")
    chosen = await chat.press(JANA, found.button("Kontakt zu 1"))
    asked = await chat.press(JANA, chosen.button("Um kein bestimmtes Angebot"))
    assert "kurze Nachricht" in asked.text and "Angebot" not in asked.text
    sent = await chat.send(JANA, "Magst du uns mal besuchen?")
    to_person = "".join(_to(sent, MEHMET.id))
    assert "Stadtteiltreff Nord e.V." in to_person and "Es geht um das Angebot" not in to_person


async def test_the_same_in_english_and_a_reply_without_a_name(chat: Chat, database: Database) -> None:
    await _stage(database, EMMA, JOHN, name="Youth Club Kassel", lang="en")
    sent = await _contact(chat, EMMA, "Would you like to help us on Tuesdays?",
                          query="someone for homework help in Kassel in the afternoon")
    assert "Sent." in sent.text and "9 more contacts are possible today" in sent.text
    to_john = "".join(_to(sent, JOHN.id))
    assert "<b>Youth Club Kassel</b> would like to get in touch" in to_john and "knows nothing about you" in to_john
    answering = await chat.press(JOHN, sent.button("Answer"))
    asked = await chat.press(JOHN, answering.button("Without a name"))
    assert "Now write your answer to <b>Youth Club Kassel</b>" in asked.text
    answered = await chat.send(JOHN, "Sure, what do I need to bring?")
    to_emma = "".join(_to(answered, EMMA.id))
    assert "<b>The person</b> answers" in to_emma and "John" not in to_emma


async def test_declining_and_blocking_tell_the_organisation_nothing_personal(chat: Chat, database: Database) -> None:
    stage = await _stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    sent = await _contact(chat, JANA, "Hallo!")
    blocked = await chat.press(MEHMET, sent.button("Organisation blockieren"))
    assert "Stadtteiltreff Nord e.V. kann dich nicht mehr kontaktieren" in blocked.text
    told = "".join(_to(blocked, JANA.id))
    assert "möchte nicht in Kontakt kommen" in told and "Mehmet" not in told
    # A forged button: the contact button again (its data replayed) is refused kindly, nothing is sent.
    again = await chat.press(JANA, pack(AdContactButton(stage.ad_id, stage.organisation_id)))
    assert "gerade nicht kontaktieren" in again.answers[0] and not _to(again, MEHMET.id)
    async with database.read_only() as session:
        assert await session.scalar(select(func.count()).select_from(OrganisationBlock)) == 1
        assert await session.scalar(select(AdContact.state)) == "declined"
    # The ad still shows up for the organisation, without a contact button.
    shown = await chat.send(JANA, f"/freiwillige {QUERY}")
    assert "1 Anzeige gefunden" in shown.text and not [b for b in shown.buttons if b["text"].startswith("✉️")]
    # The person's buttons on the closed contact only say so.
    late = await chat.press(MEHMET, sent.button("Antworten"))
    assert "abgeschlossen" in late.answers[0]


async def test_forged_buttons_are_refused_kindly(chat: Chat, database: Database) -> None:
    stage = await _stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    sent = await _contact(chat, JANA, "Hallo!")
    async with database.read_only() as session:
        contact_id = await session.scalar(select(AdContact.id))
    assert contact_id is not None
    await chat.send(NOBODY, "/start")
    # Someone else presses the person's buttons (forged data in their own chat), or an organisation's reply.
    for action in (ContactAction.ANSWER, ContactAction.NAME_FIRST, ContactAction.SHARE, ContactAction.BLOCK):
        forged = await chat.press(NOBODY, pack(ContactAnswerButton(action, contact_id)))
        assert forged.answers == ["Das gehört nicht zu dir."] and not forged.messages
    foreign = await chat.press(NOBODY, pack(ContactReplyButton(contact_id)))
    assert foreign.answers == ["Das gehört nicht zu dir."]
    # A contact in the name of an organisation one is not a member of; a deleted ad.
    member_of_nothing = await chat.press(NOBODY, pack(AdContactButton(stage.ad_id, stage.organisation_id)))
    assert "Mitglieder einer Organisation" in member_of_nothing.answers[0]
    gone = await chat.press(JANA, pack(AdContactButton(10**9, stage.organisation_id)))
    assert "gibt es nicht mehr" in gone.answers[0]
    # Nothing reached the person from any of it; the replies were not even asked for.
    assert not _to(sent, NOBODY.id)
    unasked = await chat.press(JANA, pack(ContactReplyButton(contact_id)))
    assert "abgeschlossen" in unasked.answers[0]  # the person has not answered: the organisation cannot write


async def test_the_daily_limit_is_said_with_when_it_resets(chat: Chat, database: Database, settings: Settings) -> None:
    stage = await _stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    rules = ContactRules(SearchAccess(settings.ads_search_access), settings.ad_contacts_per_day)
    async with database.unit_of_work() as session:  # today's contacts so far, with other people's ads
        for _ in range(settings.ad_contacts_per_day):
            offer = await make_offer(session, text="Ich lese im Altenheim vor.", categories=("seniors",))
            draft, _ = await contacts.begin_contact(session, telegram_id=JANA.id, organisation_id=stage.organisation_id,
                                                    ad_id=offer.ad_id, rules=rules, now=utcnow())
            await contacts.send_contact(session, telegram_id=JANA.id, contact_id=draft.id, text="Hallo!",
                                        rules=rules, now=utcnow())
    found = await chat.send(JANA, f"/freiwillige {QUERY}")
    refused = await chat.press(JANA, found.button("Kontakt zu 1"))
    tomorrow = (utcnow().astimezone(BERLIN) + timedelta(days=1)).strftime("%d.%m.%Y")
    assert refused.answers == [f"Eure Organisation hat heute schon 10 Personen kontaktiert; mehr geht an einem Tag "
                               f"nicht. Ab {tomorrow} um 0:00 Uhr geht es wieder."]
    assert not _to(refused, MEHMET.id)


async def test_only_members_of_verified_organisations_may_search(chat: Chat, database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_club(session, member=NOBODY.id, verified=False)
    refused = await chat.send(NOBODY, f"/freiwillige {QUERY}")
    assert "Mitglieder verifizierter Organisationen" in refused.text
    async with database.read_only() as session:
        assert await session.scalar(select(func.count()).select_from(AdSearch)) == 0


async def test_reports_reach_the_admins_of_the_region(chat: Chat, database: Database) -> None:
    await _stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    found = await chat.send(JANA, f"/freiwillige {QUERY}")
    reported = await chat.press(JANA, found.button("1 melden"))
    assert "Admins" in reported.answers[0]
    admin_texts = "".join(_to(reported, ADMIN.id))
    assert "Meldung zu einer Anzeige" in admin_texts and "Hausaufgaben" in admin_texts
    assert "Jana" not in admin_texts and str(JANA.id) not in admin_texts  # the reporter stays unnamed
    sent = await _contact(chat, JANA, "Ein unpassender Text")
    message_report = await chat.press(MEHMET, sent.button("Melden"))
    admin_texts = "".join(_to(message_report, ADMIN.id))
    assert "Meldung einer Nachricht" in admin_texts and "Stadtteiltreff Nord e.V." in admin_texts
    assert "Mehmet" not in "".join(_to(message_report, JANA.id)) and not _to(message_report, JANA.id)
    async with database.read_only() as session:
        assert await session.scalar(select(func.count()).select_from(AdReport)) == 2
    # The admin acts from the report: removing the ad takes it out of the organisations' search.
    await chat.press(ADMIN, reported.button("Entfernen"), message_id=reported.sent_id())
    gone = await chat.send(JANA, f"/freiwillige {QUERY}")
    assert "keine Anzeigen" in gone.text


async def test_a_saved_search_tells_of_new_ads_once(chat: Chat, database: Database) -> None:
    await _stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
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
    await _stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    async with database.unit_of_work() as session:
        for number in range(6):
            await make_offer(session, text=f"Ich helfe nachmittags bei Hausaufgaben, Angebot {number}.")
    found = await chat.send(JANA, f"/freiwillige {QUERY}")
    assert "7 Anzeigen gefunden, hier 1–5" in found.text
    second = await chat.press(JANA, found.button("Weitere"))
    assert second.edited() and "hier 6–7" in second.text


async def test_an_empty_command_asks_and_the_next_message_searches(chat: Chat, database: Database) -> None:
    await _stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    asked = await chat.send(JANA, "/freiwillige")
    assert "Wen sucht ihr?" in asked.text
    found = await chat.send(JANA, QUERY)
    assert "1 Anzeige gefunden" in found.text


async def test_the_contact_flow_on_postgresql(postgres_chat: Chat, postgres_database: Database) -> None:
    chat, database = postgres_chat, postgres_database
    await _stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    sent = await _contact(chat, JANA, "Hallo aus dem Stadtteiltreff!")
    assert "Hallo aus dem Stadtteiltreff!" in "".join(_to(sent, MEHMET.id))
    answering = await chat.press(MEHMET, sent.button("Antworten"))
    await chat.press(MEHMET, answering.button("Als Mehmet"))
    answered = await chat.send(MEHMET, "Gern!")
    assert "<b>Mehmet</b> antwortet" in "".join(_to(answered, JANA.id))  # the first name, because he chose it
    blocked = await chat.press(MEHMET, sent.button("Organisation blockieren"))
    assert "kann dich nicht mehr kontaktieren" in blocked.text
    async with database.read_only() as session:
        assert await session.scalar(select(AdContact.state)) == "declined"


async def test_a_long_answer_is_asked_again_and_deleting_leaves_no_contact(chat: Chat, database: Database) -> None:
    await _stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    sent = await _contact(chat, JANA, "Hallo!")
    answering = await chat.press(MEHMET, sent.button("Antworten"))
    await chat.press(MEHMET, answering.button("Ohne Namen"))
    too_long = await chat.send(MEHMET, "Ja! " * 1000)
    assert "zu lang (höchstens 2.000 Zeichen)" in too_long.text and not _to(too_long, JANA.id)
    answered = await chat.send(MEHMET, "Ja, gern.")  # the question stayed open: nothing was lost
    assert "Ja, gern." in "".join(_to(answered, JANA.id))
    await chat.send(MEHMET, "/loeschen")
    await chat.press(MEHMET, pack(DeleteButton(1)))
    async with database.read_only() as session:
        assert await session.scalar(select(func.count()).select_from(AdContact)) == 0
    # The member's reply button now finds nothing and says so; nothing is sent anywhere.
    late = await chat.press(JANA, answered.button("Antworten"))
    assert "abgeschlossen" in late.answers[0] and not _to(late, MEHMET.id)


async def test_a_member_of_two_organisations_chooses_in_whose_name(chat: Chat, database: Database) -> None:
    await _stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    async with database.unit_of_work() as session:
        await make_club(session, member=JANA.id, name="Lesepaten Kassel e.V.")
    found = await chat.send(JANA, f"/freiwillige {QUERY}")
    first = await chat.press(JANA, found.button("Kontakt zu 1"))
    assert "Kontakt als <b>Stadtteiltreff Nord e.V.</b>" in first.text
    switched = await chat.press(JANA, first.button("Stattdessen als Lesepaten"))
    assert "Kontakt als <b>Lesepaten Kassel e.V.</b>" in switched.text
    await chat.press(JANA, switched.button("Um kein bestimmtes"))
    sent = await chat.send(JANA, "Wir suchen Lesepaten!")
    to_person = "".join(_to(sent, MEHMET.id))
    assert "<b>Lesepaten Kassel e.V.</b> möchte" in to_person and "Stadtteiltreff" not in to_person


async def test_odd_searches_get_a_friendly_answer(chat: Chat, database: Database) -> None:
    await _stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
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
    await register_commands(chat.application)

    def menu(chat_id: int | None, lang: str) -> list[str]:
        commands = chat.api.commands[lang] if chat_id is None else chat.api.chat_commands[(chat_id, lang)]
        return [command["command"] for command in commands]

    assert "freiwillige" not in menu(None, "de") and "volunteers" not in menu(None, "en")
    assert menu(JANA.id, "de")[-1] == "freiwillige" and menu(JANA.id, "en")[-1] == "volunteers"
    assert (NOBODY.id, "de") not in chat.api.chat_commands
    assert "anzeige" in menu(ADMIN.id, "de") and "freiwillige" not in menu(ADMIN.id, "de")


async def test_the_organisation_is_told_when_its_request_closes_unanswered(chat: Chat, database: Database) -> None:
    await _stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    await _stage(database, EMMA, JOHN, name="Youth Club Kassel", lang="en")
    asked = await _contact(chat, JANA, "Hättest du Lust, dienstags bei uns zu helfen?")
    await _contact(chat, EMMA, "Would you like to help us on Tuesdays?", query="homework help in Kassel")
    async with database.unit_of_work() as session:  # two weeks and a day later
        await session.execute(update(AdContact).values(sent_at=utcnow() - timedelta(days=15)))
    context = CallbackContext(chat.application)
    before = len(chat.api.calls)
    await ad_jobs.expire_contacts(context)
    await ad_jobs.expire_contacts(context)  # told once
    sent = [call for call in chat.api.calls[before:] if call.method == "sendMessage"]
    assert sorted(call.params["chat_id"] for call in sent) == [JANA.id, EMMA.id]
    german = next(call.text for call in sent if call.params["chat_id"] == JANA.id)
    english = next(call.text for call in sent if call.params["chat_id"] == EMMA.id)
    assert "kam in zwei Wochen keine Antwort" in german and "Hausaufgaben" in german
    assert "got no answer within two weeks" in english
    for text in (german, english):
        assert "Mehmet" not in text and "John" not in text and str(MEHMET.id) not in text
        assert str(JOHN.id) not in text
    late = await chat.press(MEHMET, asked.button("Antworten"))  # the person's buttons are closed too
    assert late.answers and not _to(late, JANA.id)


async def test_saved_searches_are_listed_and_stopped_from_the_list(chat: Chat, database: Database) -> None:
    await _stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    await _stage(database, EMMA, JOHN, name="Youth Club Kassel", lang="en")
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
    stage = await _stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    saxony = Person(id=1001, first_name="Sachsen-Admin", language_code="en")
    async with database.unit_of_work() as session:
        session.add(AdminRole(telegram_id=saxony.id, state="Sachsen", granted_by=ADMIN.id))
    found = await chat.send(JANA, f"/freiwillige {QUERY}")
    reported = await chat.press(JANA, found.button("1 melden"))
    assert f"#{stage.ad_id}" in "".join(_to(reported, ADMIN.id))
    looked_up = await chat.send(ADMIN, f"/anzeige #{stage.ad_id}")
    assert f"Anzeige #{stage.ad_id}</b> – ✅ online" in looked_up.text
    assert "Meldungen: 1 · Verwarnungen: 0" in looked_up.text
    assert "Hausaufgaben" in looked_up.text and "Hessen" in looked_up.text
    assert "Mehmet" not in looked_up.text and str(MEHMET.id) not in looked_up.text
    assert [b["text"] for b in looked_up.buttons] == ["🗑 Entfernen", "⚠️ Verwarnen", "⛔ Für Anzeigen sperren"]
    removed = await chat.press(ADMIN, looked_up.button("Entfernen"), message_id=looked_up.sent_id())
    assert any("entfernt" in text.lower() for text in _to(removed, MEHMET.id))
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


async def test_a_reply_of_emoji_over_the_limit_is_asked_again_not_lost_by_telegram(chat: Chat,
                                                                                    database: Database) -> None:
    await _stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    sent = await _contact(chat, JANA, "Hallo!")
    answering = await chat.press(MEHMET, sent.button("Antworten"))
    await chat.press(MEHMET, answering.button("Ohne Namen"))
    # 2,000 characters, but 4,000 of Telegram's units: with the template the message could not be sent.
    too_long = await chat.send(MEHMET, "😀" * contacts.MAX_REPLY_CHARS)
    assert "zu lang" in too_long.text and not _to(too_long, JANA.id) and "Antwort ist bei" not in too_long.text
    answered = await chat.send(MEHMET, "😀" * (contacts.MAX_REPLY_CHARS // 2))
    assert "😀" in "".join(_to(answered, JANA.id)) and "Antwort ist bei" in "".join(_to(answered, MEHMET.id))


async def test_the_writer_is_not_told_sent_when_the_message_did_not_go_out(chat: Chat, database: Database) -> None:
    await _stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    sent = await _contact(chat, JANA, "Hallo!")
    answering = await chat.press(MEHMET, sent.button("Antworten"))
    await chat.press(MEHMET, answering.button("Ohne Namen"))
    answered = await chat.send(MEHMET, "Gern!")
    await chat.press(JANA, answered.button("Antworten"))
    chat.api.fail_next("sendMessage", 403, "Forbidden: bot was blocked by the user")
    relayed = await chat.send(JANA, "Super, komm einfach vorbei!")
    told = "".join(_to(relayed, JANA.id))
    assert "Weitergeleitet" not in told and "nicht zustellen" in told and not _to(relayed, MEHMET.id)


async def test_the_longest_reply_fits_one_telegram_message_with_its_template(database: Database) -> None:
    longest = "😀" * (contacts.MAX_REPLY_CHARS // 2)
    wide = "🏠" * 300  # names and labels are clipped by the template; all of them as wide as can be
    async with database.unit_of_work() as session:
        people = [await make_volunteer(session, language=lang) for lang in ("de", "en")]
        ids = tuple(person.telegram_id for person in people)
        notes = await notes_to_organisation(session, ToOrganisation(1, ids, wide, wide, wide, longest))
        for first in (True, False):
            for person in ids:
                notes.append(await note_to_person(session, ToPerson(1, person, wide, wide, wide, longest, first)))
    assert len(notes) == 6 and all(visible_length(note.text) <= MESSAGE_LIMIT for note in notes)
