"""The organisations' side of volunteers' ads through the Application: /freiwillige, 'Kontakt aufnehmen' and the
person's consent, in German and English; forged buttons, a blocked organisation, the daily limit, reports."""

from __future__ import annotations


from datetime import timedelta

from sqlalchemy import func, select, update
from telegram.ext import CallbackContext

from bot.ads import contacts
from bot.ads.access import SearchAccess
from bot.ads.contacts import ContactRules, ToOrganisation, ToPerson
from bot.local_days import BERLIN
from bot.store.types import utcnow
from bot.settings import Settings
from bot.store.db import Database
from bot.store.models import AdContact, OrganisationBlock
from bot.telegram.ad_search import jobs as ad_jobs
from bot.telegram.ad_search.keyboards import ContactAction
from bot.telegram.ad_search.render import note_to_person, notes_to_organisation
from bot.telegram.formatting import MESSAGE_LIMIT, visible_length
from bot.telegram.callbacks import AdContactButton, ContactAnswerButton, ContactReplyButton, DeleteButton, pack
from tests.factories.ad_contacts import make_club, make_offer
from tests.factories.ads import make_volunteer
from tests.telegram.botchat import Chat

from tests.telegram.ad_chat import EMMA, JANA, JOHN, MEHMET, NOBODY, QUERY, contact_through, sent_to, set_the_stage


async def test_a_member_finds_an_ad_and_the_person_answers_with_consent(chat: Chat, database: Database) -> None:
    stage = await set_the_stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    found = await chat.send(JANA, f"/freiwillige {QUERY}")
    assert "1 Anzeige gefunden" in found.text and "📍 Kassel" in found.text and "Hausaufgaben" in found.text
    # What the bot sent (not the API's answer, whose Unix date can hold "602" by chance, as at 00:1x on 2026-12-07)
    assert "Mehmet" not in found.text and str(MEHMET.id) not in str([call.params for call in found.calls])
    chosen = await chat.press(JANA, found.button("Kontakt zu 1"))
    assert "Kontakt als <b>Stadtteiltreff Nord e.V.</b>" in chosen.text
    asked = await chat.press(JANA, chosen.button(stage.listing_title[:20]))
    assert "kurze Nachricht" in asked.text
    sent = await chat.send(JANA, "Hättest du Lust, dienstags bei uns zu helfen?")
    to_person = sent_to(sent, MEHMET.id)
    assert len(to_person) == 1 and "Stadtteiltreff Nord e.V." in to_person[0]
    assert stage.listing_title in to_person[0] and "dienstags bei uns" in to_person[0]
    assert "Gesendet" in "".join(sent_to(sent, JANA.id)) and "Heute gehen noch 9 Kontakte" in sent.text
    # The person answers with a name they type; the organisation sees exactly that and the reply.
    answering = await chat.press(MEHMET, sent.button("Antworten"))
    assert "Als Mehmet" in [button["text"] for button in answering.buttons]
    typed = await chat.press(MEHMET, answering.button("Einen Namen eingeben"))
    assert "Wie soll die Organisation dich nennen" in typed.text
    await chat.send(MEHMET, "M.")
    answered = await chat.send(MEHMET, "Gern, dienstags passt mir!")
    to_member = sent_to(answered, JANA.id)
    assert len(to_member) == 1 and "<b>M.</b> antwortet" in to_member[0] and "Gern, dienstags passt" in to_member[0]
    assert "Mehmet" not in to_member[0] and str(MEHMET.id) not in to_member[0]
    # The organisation replies through the bot; the person then shares their Telegram contact.
    await chat.press(JANA, answered.button("Antworten"))
    relayed = await chat.send(JANA, "Super, komm einfach vorbei!")
    assert "Nachricht von <b>Stadtteiltreff Nord e.V.</b>" in "".join(sent_to(relayed, MEHMET.id))
    shared = await chat.press(MEHMET, relayed.button("Telegram-Kontakt teilen"))
    assert f"tg://user?id={MEHMET.id}" in "".join(sent_to(shared, JANA.id))


async def test_a_contact_about_no_particular_listing_promises_none(chat: Chat, database: Database) -> None:
    await set_the_stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    found = await chat.send(JANA, f"/freiwillige {QUERY}")
    chosen = await chat.press(JANA, found.button("Kontakt zu 1"))
    asked = await chat.press(JANA, chosen.button("Um kein bestimmtes Angebot"))
    assert "kurze Nachricht" in asked.text and "Angebot" not in asked.text
    sent = await chat.send(JANA, "Magst du uns mal besuchen?")
    to_person = "".join(sent_to(sent, MEHMET.id))
    assert "Stadtteiltreff Nord e.V." in to_person and "Es geht um das Angebot" not in to_person


async def test_the_same_in_english_and_a_reply_without_a_name(chat: Chat, database: Database) -> None:
    await set_the_stage(database, EMMA, JOHN, name="Youth Club Kassel", lang="en")
    sent = await contact_through(chat, EMMA, "Would you like to help us on Tuesdays?",
                          query="someone for homework help in Kassel in the afternoon")
    assert "Sent." in sent.text and "9 more contacts are possible today" in sent.text
    to_john = "".join(sent_to(sent, JOHN.id))
    assert "<b>Youth Club Kassel</b> would like to get in touch" in to_john and "knows nothing about you" in to_john
    answering = await chat.press(JOHN, sent.button("Answer"))
    asked = await chat.press(JOHN, answering.button("Without a name"))
    assert "Now write your answer to <b>Youth Club Kassel</b>" in asked.text
    answered = await chat.send(JOHN, "Sure, what do I need to bring?")
    to_emma = "".join(sent_to(answered, EMMA.id))
    assert "<b>The person</b> answers" in to_emma and "John" not in to_emma


async def test_declining_and_blocking_tell_the_organisation_nothing_personal(chat: Chat, database: Database) -> None:
    stage = await set_the_stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    sent = await contact_through(chat, JANA, "Hallo!")
    blocked = await chat.press(MEHMET, sent.button("Organisation blockieren"))
    assert "Stadtteiltreff Nord e.V. kann dich nicht mehr kontaktieren" in blocked.text
    told = "".join(sent_to(blocked, JANA.id))
    assert "möchte nicht in Kontakt kommen" in told and "Mehmet" not in told
    # A forged button: the contact button again (its data replayed) is refused kindly, nothing is sent.
    again = await chat.press(JANA, pack(AdContactButton(stage.ad_id, stage.organisation_id)))
    assert "gerade nicht kontaktieren" in again.answers[0] and not sent_to(again, MEHMET.id)
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
    stage = await set_the_stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    sent = await contact_through(chat, JANA, "Hallo!")
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
    assert not sent_to(sent, NOBODY.id)
    unasked = await chat.press(JANA, pack(ContactReplyButton(contact_id)))
    assert "abgeschlossen" in unasked.answers[0]  # the person has not answered: the organisation cannot write


async def test_the_daily_limit_is_said_with_when_it_resets(chat: Chat, database: Database, settings: Settings) -> None:
    stage = await set_the_stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
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
    assert not sent_to(refused, MEHMET.id)


async def test_the_contact_flow_on_postgresql(postgres_chat: Chat, postgres_database: Database) -> None:
    chat, database = postgres_chat, postgres_database
    await set_the_stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    sent = await contact_through(chat, JANA, "Hallo aus dem Stadtteiltreff!")
    assert "Hallo aus dem Stadtteiltreff!" in "".join(sent_to(sent, MEHMET.id))
    answering = await chat.press(MEHMET, sent.button("Antworten"))
    await chat.press(MEHMET, answering.button("Als Mehmet"))
    answered = await chat.send(MEHMET, "Gern!")
    assert "<b>Mehmet</b> antwortet" in "".join(sent_to(answered, JANA.id))  # the first name, because he chose it
    blocked = await chat.press(MEHMET, sent.button("Organisation blockieren"))
    assert "kann dich nicht mehr kontaktieren" in blocked.text
    async with database.read_only() as session:
        assert await session.scalar(select(AdContact.state)) == "declined"


async def test_a_long_answer_is_asked_again_and_deleting_leaves_no_contact(chat: Chat, database: Database) -> None:
    await set_the_stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    sent = await contact_through(chat, JANA, "Hallo!")
    answering = await chat.press(MEHMET, sent.button("Antworten"))
    await chat.press(MEHMET, answering.button("Ohne Namen"))
    too_long = await chat.send(MEHMET, "Ja! " * 1000)
    assert "zu lang (höchstens 2.000 Zeichen)" in too_long.text and not sent_to(too_long, JANA.id)
    answered = await chat.send(MEHMET, "Ja, gern.")  # the question stayed open: nothing was lost
    assert "Ja, gern." in "".join(sent_to(answered, JANA.id))
    await chat.send(MEHMET, "/loeschen")
    await chat.press(MEHMET, pack(DeleteButton(1)))
    async with database.read_only() as session:
        assert await session.scalar(select(func.count()).select_from(AdContact)) == 0
    # The member's reply button now finds nothing and says so; nothing is sent anywhere.
    late = await chat.press(JANA, answered.button("Antworten"))
    assert "abgeschlossen" in late.answers[0] and not sent_to(late, MEHMET.id)


async def test_a_member_of_two_organisations_chooses_in_whose_name(chat: Chat, database: Database) -> None:
    await set_the_stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    async with database.unit_of_work() as session:
        await make_club(session, member=JANA.id, name="Lesepaten Kassel e.V.")
    found = await chat.send(JANA, f"/freiwillige {QUERY}")
    first = await chat.press(JANA, found.button("Kontakt zu 1"))
    assert "Kontakt als <b>Stadtteiltreff Nord e.V.</b>" in first.text
    switched = await chat.press(JANA, first.button("Stattdessen als Lesepaten"))
    assert "Kontakt als <b>Lesepaten Kassel e.V.</b>" in switched.text
    await chat.press(JANA, switched.button("Um kein bestimmtes"))
    sent = await chat.send(JANA, "Wir suchen Lesepaten!")
    to_person = "".join(sent_to(sent, MEHMET.id))
    assert "<b>Lesepaten Kassel e.V.</b> möchte" in to_person and "Stadtteiltreff" not in to_person


async def test_the_organisation_is_told_when_its_request_closes_unanswered(chat: Chat, database: Database) -> None:
    await set_the_stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    await set_the_stage(database, EMMA, JOHN, name="Youth Club Kassel", lang="en")
    asked = await contact_through(chat, JANA, "Hättest du Lust, dienstags bei uns zu helfen?")
    await contact_through(chat, EMMA, "Would you like to help us on Tuesdays?", query="homework help in Kassel")
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
    assert late.answers and not sent_to(late, JANA.id)


async def test_a_reply_of_emoji_over_the_limit_is_asked_again_not_lost_by_telegram(chat: Chat,
                                                                                    database: Database) -> None:
    await set_the_stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    sent = await contact_through(chat, JANA, "Hallo!")
    answering = await chat.press(MEHMET, sent.button("Antworten"))
    await chat.press(MEHMET, answering.button("Ohne Namen"))
    # 2,000 characters, but 4,000 of Telegram's units: with the template the message could not be sent.
    too_long = await chat.send(MEHMET, "😀" * contacts.MAX_REPLY_CHARS)
    assert "zu lang" in too_long.text and not sent_to(too_long, JANA.id) and "Antwort ist bei" not in too_long.text
    answered = await chat.send(MEHMET, "😀" * (contacts.MAX_REPLY_CHARS // 2))
    assert "😀" in "".join(sent_to(answered, JANA.id)) and "Antwort ist bei" in "".join(sent_to(answered, MEHMET.id))


async def test_the_writer_is_not_told_sent_when_the_message_did_not_go_out(chat: Chat, database: Database) -> None:
    await set_the_stage(database, JANA, MEHMET, name="Stadtteiltreff Nord e.V.")
    sent = await contact_through(chat, JANA, "Hallo!")
    answering = await chat.press(MEHMET, sent.button("Antworten"))
    await chat.press(MEHMET, answering.button("Ohne Namen"))
    answered = await chat.send(MEHMET, "Gern!")
    await chat.press(JANA, answered.button("Antworten"))
    chat.api.fail_next("sendMessage", 403, "Forbidden: bot was blocked by the user")
    relayed = await chat.send(JANA, "Super, komm einfach vorbei!")
    told = "".join(sent_to(relayed, JANA.id))
    assert "Weitergeleitet" not in told and "nicht zustellen" in told and not sent_to(relayed, MEHMET.id)


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
