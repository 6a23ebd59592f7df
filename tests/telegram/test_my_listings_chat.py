"""/meineangebote, the expiry and 'Noch aktuell?' jobs, and 'Interesse melden', through the Application."""

from __future__ import annotations

from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from telegram.ext import CallbackContext
from tests.telegram.botchat import JOHN, MEHMET, Chat, Reply
from tests.factories.volunteers import make_listing, make_organisation
from tests.telegram.posting_script import ADMIN, CLUB, LISTING, NEW_ORGANISATION, fill

from bot.links import start_payload_for_listing
from bot.store.db import Database
from bot.store.models import InterestReport, Opportunity, Organisation, OrganisationMember
from bot.store.types import utcnow
from bot.telegram.posting import jobs as posting_jobs
from bot.telegram.callbacks import Kind, encode
from bot.telegram.posting.buttons import InterestAction, ModerationAction, OwnAction
from bot.texts import t


async def _published(chat: Chat, database: Database) -> int:
    """Posts the test listing as a new club and has the admin approve it; returns its id."""
    preview = await fill(chat, CLUB, NEW_ORGANISATION + LISTING)
    await chat.press(CLUB, preview.button("Abschicken"))
    async with database.read_only() as session:
        listing_id = await session.scalar(select(Opportunity.id).where(Opportunity.source == "bot"))
    assert listing_id is not None
    await chat.press(ADMIN, encode(Kind.MODERATE, ModerationAction.APPROVE, listing_id))
    return int(listing_id)


async def _status(database: Database, listing_id: int) -> str | None:
    async with database.read_only() as session:
        return await session.scalar(select(Opportunity.status).where(Opportunity.id == listing_id))


def _to(calls: list, chat_id: int) -> list:  # type: ignore[type-arg]
    return [call for call in calls if call.method == "sendMessage" and call.params["chat_id"] == chat_id]


async def test_my_listings_pause_resume_edit_and_delete(chat: Chat, database: Database) -> None:
    listing_id = await _published(chat, database)
    listed = await chat.send(CLUB, "/meineangebote")
    assert "1. Gassi gehen mit Tierheimhunden · online" in listed.text
    paused = await chat.press(CLUB, listed.button("⏸ 1"))
    assert "pausiert" in paused.text and await _status(database, listing_id) == "paused"
    resumed = await chat.press(CLUB, paused.button("▶ 1"))
    assert "· online" in resumed.text and await _status(database, listing_id) == "published"
    edited = await chat.press(CLUB, resumed.button("✏️ 1"))
    assert "<b>Vorschau</b>" in edited.text
    dropped = await chat.press(CLUB, edited.button("Abbrechen"))
    assert "Änderungen verworfen" in dropped.text and "Entwurf" not in dropped.text
    assert await _status(database, listing_id) == "published"
    again = await chat.press(CLUB, resumed.button("✏️ 1"))  # the old button still opens the listing's edit
    assert "<b>Vorschau</b>" in again.text
    assert "Änderungen verworfen" in (await chat.send(CLUB, "/abbrechen")).text
    listed = await chat.send(CLUB, "/meineangebote")
    confirm = await chat.press(CLUB, listed.button("🗑 1"))
    assert "wirklich löschen" in confirm.text and await _status(database, listing_id) == "published"
    assert "Soll ich „Gassi gehen mit Tierheimhunden“ wirklich löschen?" in confirm.text  # not "dieses Angebot"
    deleted = await chat.press(CLUB, confirm.button("Ja, löschen"))
    assert "noch keine Angebote" in deleted.text and await _status(database, listing_id) is None


async def test_forged_buttons_cannot_change_someone_elses_listing(chat: Chat, database: Database) -> None:
    listing_id = await _published(chat, database)
    await chat.send(MEHMET, "/start")  # someone the bot knows, but no member of the club
    for action in (OwnAction.PAUSE, OwnAction.DELETE, OwnAction.DELETE_CONFIRM, OwnAction.RENEW, OwnAction.EDIT):
        refused = await chat.press(MEHMET, encode(Kind.OWN_LISTING, action, listing_id))
        assert refused.answers == ["Dieses Angebot gehört nicht zu deinen Organisationen."]
    assert await _status(database, listing_id) == "published"
    assert "noch keine Angebote" in (await chat.send(MEHMET, "/meineangebote")).text


async def test_still_current_reminder_renews_and_expiry_takes_listings_out(chat: Chat, database: Database) -> None:
    listing_id = await _published(chat, database)
    async with database.unit_of_work() as session:
        await session.execute(update(Opportunity).where(Opportunity.id == listing_id)
                              .values(expires_at=utcnow() + timedelta(days=3)))
    before = len(chat.api.calls)
    await posting_jobs.ask_renewals(CallbackContext(chat.application))
    asked = _to(chat.api.calls[before:], CLUB.id)
    assert len(asked) == 1 and "noch aktuell" in asked[0].text and "läuft in 3 Tagen ab" in asked[0].text
    renewed = await chat.press(CLUB, Reply(asked).button("Ja, verlängern"))
    async with database.read_only() as session:
        expires = await session.scalar(select(Opportunity.expires_at).where(Opportunity.id == listing_id))
    assert expires is not None and expires > utcnow() + timedelta(days=80)
    until = expires.replace(tzinfo=expires.tzinfo or UTC).astimezone(ZoneInfo("Europe/Berlin"))
    assert renewed.answers == [f"Verlängert bis {until:%d.%m.%Y}"]  # it said "Verlängert", not until when
    async with database.unit_of_work() as session:
        await session.execute(update(Opportunity).where(Opportunity.id == listing_id)
                              .values(expires_at=utcnow() - timedelta(hours=1)))
    await posting_jobs.expire_listings(CallbackContext(chat.application))
    assert await _status(database, listing_id) == "expired"


async def test_interest_reaches_the_club_with_a_link_and_is_reminded(chat: Chat, database: Database) -> None:
    listing_id = await _published(chat, database)
    await chat.send(MEHMET, "/start")  # buttons are pressed by people the bot knows (alerts went to them)
    details = await chat.press(MEHMET, encode(Kind.LISTING, listing_id))
    consent = await chat.press(MEHMET, details.button("Interesse melden"))
    assert "Telegram-Namen weiter" in consent.text
    shared = await chat.press(MEHMET, consent.button("Ja, Namen teilen"))
    assert "Erledigt" in shared.text
    notice = _to(shared.calls, CLUB.id)
    assert len(notice) == 1 and "<b>Mehmet</b>" in notice[0].text and f"tg://user?id={MEHMET.id}" in notice[0].text
    answered = Reply(notice).button("Beantwortet")
    assert (await chat.press(MEHMET, answered)).answers == ["Dieses Angebot gehört nicht zu deinen Organisationen."]
    async with database.unit_of_work() as session:
        await session.execute(update(InterestReport).values(created_at=utcnow() - timedelta(days=4)))
    before = len(chat.api.calls)
    await posting_jobs.remind_interest(CallbackContext(chat.application))
    reminded = _to(chat.api.calls[before:], CLUB.id)
    assert len(reminded) == 1 and "wartet noch auf eine Antwort" in reminded[0].text
    done = await chat.press(CLUB, answered)
    assert done.answers == ["Danke, als beantwortet vermerkt."]
    async with database.read_only() as session:
        assert await session.scalar(select(InterestReport.answered_at)) is not None


async def test_listings_from_elsewhere_have_no_interest_button(chat: Chat, listings: dict[str, int]) -> None:
    await chat.send(MEHMET, "/start")
    details = await chat.press(MEHMET, encode(Kind.LISTING, listings["tier1"]))
    assert "Interesse melden" not in str(details.buttons)
    forged = await chat.press(MEHMET, encode(Kind.INTEREST, InterestAction.SHARE, listings["tier1"]))
    assert "geht bei diesem Angebot gerade nicht" in forged.text


async def test_keeping_a_listing_keeps_its_interest_button(chat: Chat, database: Database) -> None:
    listing_id = await _published(chat, database)
    await chat.send(MEHMET, "/start")  # buttons are pressed by people the bot knows (alerts went to them)
    details = await chat.press(MEHMET, encode(Kind.LISTING, listing_id))
    kept = await chat.press(MEHMET, details.button("Merken"))
    assert kept.answers == ["Auf deiner Merkliste ⭐"]
    assert {"★ Gemerkt – entfernen", "🙋 Interesse melden"} <= {b["text"] for b in kept.buttons}


async def test_changes_of_an_unverified_club_say_the_listing_waits_offline(chat: Chat, database: Database) -> None:
    listing_id = await _published(chat, database)
    listed = await chat.send(CLUB, "/meineangebote")
    edited = await chat.press(CLUB, listed.button("✏️ 1"))
    sent = await chat.press(CLUB, edited.button("Abschicken"))
    assert "Änderungen werden kurz geprüft" in sent.text and "nicht zu sehen" in sent.text
    assert await _status(database, listing_id) == "pending"


async def test_an_edited_listing_is_being_reviewed_on_the_web_not_unknown(chat: Chat, database: Database) -> None:
    from bot.web.listing import Availability, load_listing

    listing_id = await _published(chat, database)
    listed = await chat.send(CLUB, "/meineangebote")
    edited = await chat.press(CLUB, listed.button("✏️ 1"))
    await chat.press(CLUB, edited.button("Abschicken"))
    async with database.read_only() as session:
        waiting = await load_listing(session, listing_id, lang="de")
    assert waiting.availability is Availability.REVIEWING and waiting.view is None  # nothing of the edit shows
    assert waiting.availability.status == 200
    await chat.press(ADMIN, encode(Kind.MODERATE, ModerationAction.APPROVE, listing_id))
    async with database.read_only() as session:
        assert (await load_listing(session, listing_id, lang="de")).availability is Availability.SHOWN


async def test_an_edited_listing_is_being_revised_in_the_chat_too(chat: Chat, database: Database) -> None:
    # A poster's QR code and an alert's details button lead to the listing while its edit waits for review:
    # the chat says what its web page says (back soon), not that it ended.
    listing_id = await _published(chat, database)
    await chat.send(MEHMET, "/start")
    await chat.send(JOHN, "/start")
    listed = await chat.send(CLUB, "/meineangebote")
    edited = await chat.press(CLUB, listed.button("✏️ 1"))
    await chat.press(CLUB, edited.button("Abschicken"))
    assert await _status(database, listing_id) == "pending"
    scanned = await chat.send(MEHMET, f"/start {start_payload_for_listing(listing_id)}")
    # both wrote /start before: the answer comes alone, without the welcome again
    assert [m.text for m in scanned.messages] == [t("de", "start.listing_reviewing")]
    english = await chat.send(JOHN, f"/start {start_payload_for_listing(listing_id)}")
    assert [m.text for m in english.messages] == [t("en", "start.listing_reviewing")]
    pressed = await chat.press(MEHMET, encode(Kind.LISTING, listing_id))
    assert pressed.answers == [t("de", "details.reviewing")]
    await chat.press(ADMIN, encode(Kind.MODERATE, ModerationAction.APPROVE, listing_id))
    assert "<b>Gassi gehen mit Tierheimhunden</b>" in (await chat.press(MEHMET, encode(Kind.LISTING, listing_id))).text


async def test_the_merkliste_says_an_edited_listing_is_being_revised_not_gone(chat: Chat, database: Database) -> None:
    listing_id = await _published(chat, database)
    for person in (MEHMET, JOHN):
        await chat.send(person, "/start")
        kept = await chat.press(person, encode(Kind.FAVOURITE, 0, 0, listing_id))
        assert kept.answers and "⭐" in kept.answers[0]
    listed = await chat.send(CLUB, "/meineangebote")
    edited = await chat.press(CLUB, listed.button("✏️ 1"))
    await chat.press(CLUB, edited.button("Abschicken"))
    kept_list = (await chat.send(MEHMET, "/merkliste")).text
    assert t("de", "favourites.reviewing") in kept_list and t("de", "favourites.gone") not in kept_list
    assert t("en", "favourites.reviewing") in (await chat.send(JOHN, "/favourites")).text
    async with database.unit_of_work() as session:  # withdrawn for good: gone
        await session.execute(update(Opportunity).where(Opportunity.id == listing_id).values(status="expired"))
    assert t("de", "favourites.gone") in (await chat.send(MEHMET, "/merkliste")).text


async def test_a_listing_never_approved_is_not_being_revised(chat: Chat, database: Database) -> None:
    preview = await fill(chat, CLUB, NEW_ORGANISATION + LISTING)
    await chat.press(CLUB, preview.button("Abschicken"))
    async with database.read_only() as session:
        listing_id = int(await session.scalar(select(Opportunity.id).where(Opportunity.source == "bot")) or 0)
    assert await _status(database, listing_id) == "pending"
    scanned = await chat.send(MEHMET, f"/start {start_payload_for_listing(listing_id)}")
    assert "nicht mehr online" in scanned.messages[1].text
    assert (await chat.press(MEHMET, encode(Kind.LISTING, listing_id))).answers == [t("de", "problem.stale")]


async def test_my_listings_are_grouped_by_organisation_only_for_a_member_of_several(
        chat: Chat, database: Database) -> None:
    first_id = await _published(chat, database)
    alone = await chat.send(CLUB, "/meineangebote")
    assert "🏢" not in alone.text and "Tierfreunde" not in alone.text  # one organisation: nothing changes
    async with database.unit_of_work() as session:
        club_id = (await session.get(Opportunity, first_id)).organisation_id  # type: ignore[union-attr]
        other = await make_organisation(session, name="Nachbarschaftshilfe Nord")
        session.add(OrganisationMember(organisation_id=other.id, telegram_id=CLUB.id))
        neighbours = await make_listing(session, organisation=other, title="Einkaufshilfe für Nachbarn")
        newest = await make_listing(session, organisation=await session.get(Organisation, club_id),
                                    title="Hundewiese mähen")
    listed = await chat.send(CLUB, "/meineangebote")
    lines = listed.text.splitlines()
    # newest first overall (Hundewiese, Einkaufshilfe, Gassi), but each organisation's listings together
    assert lines[1:] == ["🏢 <b>Tierfreunde Kassel</b>", "1. Hundewiese mähen · online",
                         "2. Gassi gehen mit Tierheimhunden · online",
                         "🏢 <b>Nachbarschaftshilfe Nord</b>", "3. Einkaufshilfe für Nachbarn · online"]
    paused = await chat.press(CLUB, listed.button("⏸ 3"))  # the buttons follow the numbers shown
    assert await _status(database, neighbours.id) == "paused" and await _status(database, newest.id) == "published"
    assert "3. Einkaufshilfe für Nachbarn · pausiert" in paused.text


async def test_an_unfinished_draft_is_mentioned_and_continued_from_my_listings(chat: Chat, database: Database) -> None:
    await fill(chat, CLUB, NEW_ORGANISATION + LISTING[:1])
    listed = await chat.send(CLUB, "/meineangebote")
    assert "noch keine Angebote" in listed.text and "Entwurf" in listed.text and LISTING[0] in listed.text
    continued = await chat.press(CLUB, listed.button("Weitermachen"))
    assert "Beschreib die Aufgabe" in continued.text
    await chat.send(CLUB, "/abbrechen")
    published = await _published(chat, database)
    await fill(chat, CLUB, [])  # a new draft, not yet named
    both = await chat.send(CLUB, "/meineangebote")
    assert "Außerdem hast du einen Entwurf" in both.text and published
