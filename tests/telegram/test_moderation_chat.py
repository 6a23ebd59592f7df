"""Moderation in the chat: admins are told, approve or reject with a reason, the club hears; regions and forgeries."""

from __future__ import annotations

from sqlalchemy import select
from tests.telegram.botchat import MEHMET, Chat, Person, Reply
from tests.telegram.posting_script import ADMIN, CLUB, LISTING, NEW_ORGANISATION, fill

from bot.store.db import Database
from bot.store.models import AdminRole, ModerationEvent, Opportunity
from bot.telegram.callbacks import Kind, encode
from bot.telegram.posting.buttons import DraftAction, ModerationAction
from bot.texts import t

SAXONY_ADMIN = Person(id=1001, first_name="Sachsen", language_code="de")


async def _submitted(chat: Chat) -> Reply:
    """Posts the test listing in Kassel as a new club; returns the submission's reply."""
    preview = await fill(chat, CLUB, NEW_ORGANISATION + LISTING)
    return await chat.press(CLUB, preview.button("Abschicken"))


async def _listing(database: Database) -> Opportunity:
    async with database.read_only() as session:
        return (await session.execute(select(Opportunity).where(Opportunity.source == "bot"))).scalar_one()


def _to(reply: Reply, person: Person) -> str:
    """Returns the texts the bot sent to one person during a reply."""
    return "\n".join(call.text for call in reply.calls
                     if call.method == "sendMessage" and call.params["chat_id"] == person.id)


async def test_approval_publishes_tells_the_club_and_sends_alerts(chat: Chat, database: Database) -> None:
    results = await chat.send(MEHMET, "Tierheim in Kassel")
    await chat.press(MEHMET, results.button("Suchauftrag"), message_id=results.sent_id())
    await _submitted(chat)
    approved = await chat.press(ADMIN, encode(Kind.MODERATE, ModerationAction.APPROVE, (await _listing(database)).id))
    assert approved.answers == ["Freigegeben ✅"]
    assert "ist geprüft und jetzt online" in _to(approved, CLUB)
    assert "Gassi gehen mit Tierheimhunden" in _to(approved, MEHMET)  # the saved search's alert
    listing = await _listing(database)
    assert listing.status == "published"
    async with database.read_only() as session:
        actions = [event.action for event in (await session.execute(
            select(ModerationEvent).where(ModerationEvent.opportunity_id == listing.id))).scalars()]
    assert actions == ["submitted", "approved"]


async def test_rejection_asks_for_a_reason_and_passes_it_on(chat: Chat, database: Database) -> None:
    submitted = await _submitted(chat)
    notice = [call for call in submitted.calls if call.params.get("chat_id") == ADMIN.id][0]
    reject = next(b["callback_data"] for b in notice.buttons if "Ablehnen" in b["text"])
    asked = await chat.press(ADMIN, reject)
    assert "Warum lehnst du" in asked.text
    reason = await chat.send(ADMIN, "Bitte beschreib <genauer>, wann die Spaziergänge sind.")
    assert "Abgelehnt" in reason.text and "Angebote gefunden" not in reason.text
    told = _to(reason, CLUB)
    assert "nicht freigegeben" in told and "Bitte beschreib &lt;genauer&gt;" in told
    assert (await _listing(database)).status == "rejected"


async def test_a_reason_without_words_is_asked_for_again_and_tells_the_club_nothing(
        chat: Chat, database: Database) -> None:
    await _submitted(chat)
    listing_id = (await _listing(database)).id
    await chat.press(ADMIN, encode(Kind.MODERATE, ModerationAction.REJECT, listing_id))
    for said in ("👎", "🙅‍♀️!!", "?", "x", "..."):
        again = await chat.send(ADMIN, said)
        assert again.text == t("de", "moderation.reason_in_words") and not _to(again, CLUB), said
        assert (await _listing(database)).status == "pending"
    told = _to(await chat.send(ADMIN, "Spam 👎"), CLUB)  # one word says why; the emoji may stay beside it
    assert "nicht freigegeben" in told and "Grund: Spam 👎" in told
    assert (await _listing(database)).status == "rejected"


async def test_an_admin_may_cancel_a_rejection_instead_of_giving_a_reason(chat: Chat, database: Database) -> None:
    await _submitted(chat)
    listing_id = (await _listing(database)).id
    await chat.press(ADMIN, encode(Kind.MODERATE, ModerationAction.REJECT, listing_id))
    await chat.send(ADMIN, "👎")
    assert (await chat.send(ADMIN, "/abbrechen")).text.startswith("Alles klar, abgebrochen.")
    assert (await _listing(database)).status == "pending"


async def test_a_regional_admin_sees_and_decides_only_their_region(chat: Chat, database: Database) -> None:
    async with database.unit_of_work() as session:
        session.add(AdminRole(telegram_id=SAXONY_ADMIN.id, state="Sachsen", granted_by=ADMIN.id))
    submitted = await _submitted(chat)
    assert not _to(submitted, SAXONY_ADMIN) and "wartet auf Prüfung" in _to(submitted, ADMIN)
    queue = await chat.send(SAXONY_ADMIN, "/pruefen")
    assert "Gerade wartet nichts" in queue.text
    pressed = await chat.press(SAXONY_ADMIN, encode(Kind.MODERATE, ModerationAction.APPROVE,
                                                    (await _listing(database)).id))
    assert pressed.answers == ["Das darfst du nicht entscheiden."]
    rejecting = await chat.press(SAXONY_ADMIN, encode(Kind.MODERATE, ModerationAction.REJECT,
                                                      (await _listing(database)).id))
    assert rejecting.answers == ["Das darfst du nicht entscheiden."] and "Warum lehnst du" not in rejecting.text
    assert (await _listing(database)).status == "pending"
    full = await chat.send(ADMIN, "/pruefen")
    assert "1 Angebot wartet" in full.text and "Gassi gehen mit Tierheimhunden" in full.text


async def test_someone_who_is_no_admin_cannot_moderate_with_forged_buttons(chat: Chat, database: Database) -> None:
    await _submitted(chat)
    listing = await _listing(database)
    for data in (encode(Kind.MODERATE, ModerationAction.APPROVE, listing.id),
                 encode(Kind.MODERATE, ModerationAction.VERIFY, listing.organisation_id)):
        refused = await chat.press(MEHMET, data)
        assert refused.answers == ["Das darfst du nicht entscheiden."]
    assert "Das können nur Admins" in (await chat.send(MEHMET, "/pruefen")).text
    assert (await _listing(database)).status == "pending"


async def test_a_verified_organisation_publishes_directly(chat: Chat, database: Database) -> None:
    await _submitted(chat)
    listing = await _listing(database)
    verified = await chat.press(ADMIN, encode(Kind.MODERATE, ModerationAction.VERIFY, listing.organisation_id))
    assert "Organisation verifiziert" in verified.answers[0]
    second = await fill(chat, CLUB, ["⟨Tierfreunde Kassel⟩", "Katzen streicheln im Tierheim",
                                     "Unsere Katzen im Tierheim brauchen Streicheleinheiten und etwas Gesellschaft.",
                                     *LISTING[2:]])
    published = await chat.press(CLUB, second.button("Abschicken"))
    assert "jetzt online" in published.text and not _to(published, ADMIN)


async def test_an_admin_edits_a_pending_listing_which_stays_pending_and_the_club_is_told(
    chat: Chat, database: Database
) -> None:
    submitted = await _submitted(chat)
    notice = [call for call in submitted.calls if call.params.get("chat_id") == ADMIN.id][0]
    edit = next(b["callback_data"] for b in notice.buttons if "Bearbeiten" in b["text"])
    forged = await chat.press(MEHMET, edit)
    assert forged.answers == ["Das darfst du nicht entscheiden."] and not forged.messages
    opened = await chat.press(ADMIN, edit)
    assert "Du bearbeitest" in opened.text and "Gassi gehen mit Tierheimhunden" in opened.text
    assert "Tierfreunde Kassel" in opened.text  # the organisation is named though the admin is no member
    asked = await chat.press(ADMIN, opened.button("Titel"))
    assert "Wie soll dein Angebot heißen" in asked.text
    preview = await chat.send(ADMIN, "Hunde ausführen am Wochenende")
    assert "Hunde ausführen am Wochenende" in preview.text
    applied = await chat.press(ADMIN, preview.button("Übernehmen"))
    assert "wartet weiter auf Prüfung" in applied.text and applied.button("Freigeben")
    assert "Ein Admin hat dein Angebot <b>Hunde ausführen am Wochenende</b>" in _to(applied, CLUB)
    listing = await _listing(database)
    assert listing.title == "Hunde ausführen am Wochenende" and listing.status == "pending"
    async with database.read_only() as session:
        events = [(event.action, event.actor_telegram_id) for event in (await session.execute(
            select(ModerationEvent).where(ModerationEvent.opportunity_id == listing.id)
            .order_by(ModerationEvent.id))).scalars()]
    assert events == [("submitted", CLUB.id), ("edited", ADMIN.id)]
    approve = next(b["callback_data"] for b in notice.buttons if "Freigeben" in b["text"])
    approved = await chat.press(ADMIN, approve)  # the first moderation message still decides
    assert approved.answers == ["Freigegeben ✅"] and (await _listing(database)).status == "published"
    assert (await chat.press(ADMIN, edit)).answers == ["Darüber ist schon entschieden."]


async def test_a_forged_edit_button_from_outside_the_region_changes_nothing(chat: Chat, database: Database) -> None:
    async with database.unit_of_work() as session:
        session.add(AdminRole(telegram_id=SAXONY_ADMIN.id, state="Sachsen", granted_by=ADMIN.id))
    await _submitted(chat)
    listing = await _listing(database)
    refused = await chat.press(SAXONY_ADMIN, encode(Kind.MODERATE, ModerationAction.EDIT, listing.id))
    assert refused.answers == ["Das darfst du nicht entscheiden."] and not refused.messages
    submitted = await chat.press(SAXONY_ADMIN, encode(Kind.DRAFT, DraftAction.SUBMIT, 0))
    assert "Übernommen" not in submitted.text
    assert (await _listing(database)).title == listing.title


async def _pending_many(database: Database, *, hessen: int, sachsen: int) -> None:
    """Stores waiting listings of one club, Hessen first then Sachsen, each submitted a minute after the last."""
    from datetime import timedelta

    from bot.store.listings import opportunity_row, organisation_ids, organisation_row, upsert_rows
    from bot.store.models import Organisation
    from bot.store.types import utcnow

    start = utcnow() - timedelta(days=1)
    # each at its town's point: a listing's state is the one its point lies in (bot.store.states)
    places = [("Kassel", "Hessen", 51.3167, 9.5)] * hessen + [("Leipzig", "Sachsen", 51.3396, 12.3713)] * sachsen
    async with database.unit_of_work() as session:
        await upsert_rows(session, Organisation.__table__, [organisation_row(
            {"source": "test", "external_id": "club", "name": "Warteschlange e.V.", "place_name": "Kassel"})])
        org = (await organisation_ids(session, "test", {"club": {}}))["club"]
        await upsert_rows(session, Opportunity.__table__, [opportunity_row({
            "external_id": f"wait{n}", "organisation_id": org, "source": "test", "status": "pending",
            "title": f"Wartendes Angebot Nr. {n + 1}", "description": "Eine Aufgabe, die auf Prüfung wartet.",
            "categories": ["neighbourhood"], "place_name": place, "state": state, "lat": lat, "lon": lon,
            "updated_at": start + timedelta(minutes=n),
        }) for n, (place, state, lat, lon) in enumerate(places)])


async def test_the_review_queue_shows_the_true_count_oldest_first_and_pages(chat: Chat, database: Database) -> None:
    await _pending_many(database, hessen=9, sachsen=4)
    first = await chat.send(ADMIN, "/pruefen")
    assert "13 Angebote warten" in first.text and "Nr. 1–10 von 13" in first.text
    titles = [call.text for call in first.calls if "Wartendes Angebot" in call.text]
    assert len(titles) == 10 and "Wartendes Angebot Nr. 1<" in titles[0]
    newer = await chat.press(ADMIN, first.button("Neuere"))
    assert "Nr. 11–13 von 13" in newer.text and "Wartendes Angebot Nr. 13" in newer.text
    assert "Wartendes Angebot Nr. 3<" not in newer.text
    saxony = await chat.press(ADMIN, first.button("Sachsen (4)"))
    assert "4 Angebote in Sachsen warten" in saxony.text and "Wartendes Angebot Nr. 10" in saxony.text
    assert "Wartendes Angebot Nr. 9<" not in saxony.text and "Alle Regionen (13)" in str(saxony.buttons)


async def test_a_decision_lowers_the_count(chat: Chat, database: Database) -> None:
    await _pending_many(database, hessen=2, sachsen=0)
    async with database.read_only() as session:
        oldest = await session.scalar(select(Opportunity.id).where(Opportunity.external_id == "wait0"))
    assert oldest is not None
    await chat.press(ADMIN, encode(Kind.MODERATE, ModerationAction.APPROVE, oldest))
    assert "1 Angebot wartet" in (await chat.send(ADMIN, "/pruefen")).text


GLOBAL_ADMIN = Person(id=1002, first_name="Bea", language_code="en")


async def test_a_decision_updates_every_admins_copy_with_who_decided(chat: Chat, database: Database) -> None:
    async with database.unit_of_work() as session:
        session.add(AdminRole(telegram_id=GLOBAL_ADMIN.id, granted_by=ADMIN.id))
    submitted = await _submitted(chat)
    copies = {call.params["chat_id"]: int(call.result["message_id"]) for call in submitted.calls
              if call.method == "sendMessage" and "wartet auf Prüfung" in call.text}
    assert set(copies) == {ADMIN.id, GLOBAL_ADMIN.id}
    listing = await _listing(database)
    approved = await chat.press(ADMIN, encode(Kind.MODERATE, ModerationAction.APPROVE, listing.id),
                                chat_id=ADMIN.id, message_id=copies[ADMIN.id])
    edits = {call.params["chat_id"]: call for call in approved.calls if call.method == "editMessageText"}
    assert set(edits) == set(copies)
    assert "freigegeben – entschieden von Ada" in edits[ADMIN.id].text
    assert "freigegeben – entschieden von Ada" in edits[GLOBAL_ADMIN.id].text  # Bea has not met the bot yet
    assert all(not call.buttons for call in edits.values())
    late = await chat.press(GLOBAL_ADMIN, encode(Kind.MODERATE, ModerationAction.APPROVE, listing.id))
    assert late.answers == ["This has been decided already."]


async def test_a_rejection_updates_the_copies_with_the_reason(chat: Chat, database: Database) -> None:
    await _submitted(chat)
    listing = await _listing(database)
    await chat.press(ADMIN, encode(Kind.MODERATE, ModerationAction.REJECT, listing.id))
    rejected = await chat.send(ADMIN, "Bitte mit Ansprechperson und genauer Zeit.")
    edits = [call for call in rejected.calls if call.method == "editMessageText"]
    assert len(edits) == 1 and "abgelehnt – entschieden von Ada" in edits[0].text
    assert "genauer Zeit" in edits[0].text


async def test_admin_commands_answer_non_admins_alike_and_help_lists_them_for_admins(chat: Chat) -> None:
    for command in ("/pruefen", "/rundschreiben", "/review", "/broadcast"):
        assert "Das können nur Admins" in (await chat.send(MEHMET, command)).text, command
    assert "/pruefen" not in (await chat.send(MEHMET, "/hilfe")).text
    admin_help = (await chat.send(ADMIN, "/hilfe")).text
    assert "Für Admins" in admin_help and "/pruefen" in admin_help and "/rundschreiben" in admin_help


async def test_the_queue_shows_the_start_of_each_description_escaped(chat: Chat, database: Database) -> None:
    await _submitted(chat)
    listing = await _listing(database)
    description = "Wir suchen <Hunde-Freunde> & Katzenfans.\n\n\n" + "Gassi gehen am Wochenende. " * 300
    async with database.unit_of_work() as session:
        stored = await session.get(Opportunity, listing.id)
        assert stored is not None
        stored.description = description
    queue = await chat.send(ADMIN, "/pruefen")
    entry = next(call.text for call in queue.messages if "Gassi gehen mit Tierheimhunden" in call.text)
    assert "Wir suchen &lt;Hunde-Freunde&gt; &amp; Katzenfans.\nGassi gehen am Wochenende." in entry
    assert entry.rsplit(" ", 1)[-1] in ("Gassi…", "gehen…", "am…", "Wochenende…")  # cut after a whole word
    assert len(entry) < 1000  # ten to a page, each far below Telegram's 4,096
