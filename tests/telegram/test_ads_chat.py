"""/ichbiete (/offerhelp) through the Application: writing an ad, review, managing, expiry, deletion, privacy."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update
from telegram.ext import CallbackContext
from tests.telegram.botchat import ANNA, JOHN, MEHMET, Chat, Reply
from tests.telegram.conftest import _chat_on
from tests.telegram.posting_script import ADMIN

from bot.ads.search import search_ads
from bot.search import SearchRequest, VocabularyCache
from bot.settings import Settings
from bot.store.db import Database
from bot.store.models import ModerationEvent, ModerationNotice, Volunteer, VolunteerAd
from bot.store.types import utcnow
from bot.telegram.ads import jobs as ad_jobs
from bot.telegram.ads.keyboards import AdAction
from bot.telegram.callbacks import Kind, encode
from bot.texts import t

HOMEWORK_DE = "Ich helfe Schulkindern nachmittags bei den Hausaufgaben in Kassel, ich spreche auch Arabisch."
HOMEWORK_EN = "I can help children with their homework and reading in the afternoons."


async def _ads(database: Database, telegram_id: int) -> list[VolunteerAd]:
    async with database.read_only() as session:
        rows = await session.execute(select(VolunteerAd).join(Volunteer, Volunteer.id == VolunteerAd.volunteer_id)
                                     .where(Volunteer.telegram_id == telegram_id).order_by(VolunteerAd.id))
        return list(rows.scalars())


def _to(reply: Reply, chat_id: int) -> list[str]:
    return [call.text for call in reply.calls if call.method == "sendMessage" and call.params["chat_id"] == chat_id]


async def _write_german_ad(chat: Chat) -> Reply:
    """Anna writes her homework ad up to the preview; returns the preview."""
    asked = await chat.send(ANNA, "/ichbiete")
    assert "Was möchtest du anbieten?" in asked.text
    understood = await chat.send(ANNA, HOMEWORK_DE)
    assert "So habe ich sie verstanden" in understood.text and "Bildung" in understood.text
    assert understood.button("✅ 📚") or True  # the suggested category is ticked
    assert "✅ Arabisch" in [button["text"] for button in understood.buttons]
    where = await chat.press(ANNA, understood.button("Passt so"))
    assert "Wo möchtest du helfen?" in where.text
    travel = await chat.press(ANNA, where.button("📍 Kassel"))  # the place the text named
    assert "Wie weit würdest du von Kassel aus fahren?" in travel.text
    when = await chat.press(ANNA, travel.button("10 km"))
    assert "Wann kannst du?" in when.text
    assert "✅ tagsüber" in [button["text"] for button in when.buttons]  # "nachmittags" was understood
    weekend = await chat.press(ANNA, when.button("am Wochenende"))
    assert "✅ am Wochenende" in [button["text"] for button in weekend.buttons]
    preview = await chat.press(ANNA, weekend.button("Weiter"))
    assert "So sehen Organisationen deine Anzeige" in preview.text
    return preview


async def test_a_first_german_ad_goes_to_review_and_is_found_once_approved(chat: Chat, database: Database) -> None:
    preview = await _write_german_ad(chat)
    card = preview.text
    assert "📍 in Kassel (bis 10 km)" in card and "spricht Arabisch" in card and "Hausaufgaben" in card
    assert "Anna" not in card and str(ANNA.id) not in card
    sent = await chat.press(ANNA, preview.button("Veröffentlichen"))
    assert "sehen sich kurz unsere Admins an" in sent.text
    notice = _to(sent, ADMIN.id)
    assert notice and "Neue Anzeige zur Prüfung" in notice[0] and "Anna" not in notice[0]
    [ad] = await _ads(database, ANNA.id)
    assert ad.status == "pending" and ad.lat == pytest.approx(51.32, abs=0.01)
    approved = await chat.press(ADMIN, sent.button("Freigeben"))
    assert any("ist jetzt online" in text for text in _to(approved, ANNA.id))
    assert any("Freigegeben von" in call.text for call in approved.calls if call.method == "editMessageText")
    async with database.read_only() as session:
        found = await search_ads(session, SearchRequest(text="Hausaufgabenhilfe in Kassel"),
                                 vocabularies=VocabularyCache())
    assert [hit.id for hit in found.results] == [ad.id]
    # A second ad of a person with an approved ad is published at once.
    await chat.send(ANNA, "/ichbiete")
    new = await chat.press(ANNA, (await chat.send(ANNA, "/ichbiete")).button("Neue Anzeige"))
    assert "Was möchtest du anbieten?" in new.text
    understood = await chat.send(ANNA, "Ich gehe gern am Wochenende mit Hunden aus dem Tierheim spazieren.")
    where = await chat.press(ANNA, understood.button("Passt so"))
    online = await chat.press(ANNA, where.button("Nur online"))
    preview = await chat.press(ANNA, online.button("Weiter"))
    published = await chat.press(ANNA, preview.button("Veröffentlichen"))
    assert "ist online und 60 Tage sichtbar" in published.text and not _to(published, ADMIN.id)


async def test_contact_details_in_the_text_are_named_and_nothing_is_kept(chat: Chat, database: Database) -> None:
    await chat.send(ANNA, "/ichbiete")
    refused = await chat.send(ANNA, "Ich helfe gern bei Hausaufgaben, ruf an: 0151 2345 6789 oder @anna_kassel")
    assert "0151 2345 6789" in refused.text and "@anna_kassel" in refused.text
    assert "Telefonnummer" in refused.text and "@Name" in refused.text
    assert await _ads(database, ANNA.id) == []
    mail = await chat.send(ANNA, "Schreib mir an anna@example.org, ich helfe bei Hausaufgaben.")
    assert "E-Mail-Adresse" in mail.text and await _ads(database, ANNA.id) == []
    short = await chat.send(ANNA, "Kinder")
    assert "etwas knapp" in short.text
    long = await chat.send(ANNA, "Hausaufgaben " * 400)
    assert "zu lang" in long.text
    taken = await chat.send(ANNA, HOMEWORK_DE)
    assert "So habe ich sie verstanden" in taken.text and len(await _ads(database, ANNA.id)) == 1
    cancelled = await chat.send(ANNA, "/abbrechen")
    assert "verworfen" in cancelled.text and await _ads(database, ANNA.id) == []
    search = await chat.send(ANNA, "Tierheim Kassel")  # the question is closed: text is a search again
    assert "So habe ich sie verstanden" not in search.text


async def test_english_flow_with_a_shared_location_kept_at_town_precision(
    database: Database, settings: Settings,
) -> None:
    async with _chat_on(database, settings.model_copy(update={"ads_review": "none"})) as chat:
        asked = await chat.send(JOHN, "/offerhelp")
        assert "What would you like to offer?" in asked.text
        understood = await chat.send(JOHN, HOMEWORK_EN)
        assert "This is how I understood it" in understood.text
        where = await chat.press(JOHN, understood.button("Looks good"))
        assert "Where would you like to help?" in where.text
        precision = await chat.share(JOHN, 51.3201, 9.4873)  # a doorstep in Kassel, in a quarter the gazetteer knows
        assert "Should your ad show only <b>Kassel</b>, or the city district too" in precision.text
        travel = await chat.press(JOHN, precision.button("Show only Kassel"))
        assert "How far would you travel from Kassel?" in travel.text
        when = await chat.press(JOHN, travel.button("5 km"))
        preview = await chat.press(JOHN, when.button("Next"))
        assert "This is how organisations see your ad" in preview.text and "📍 in Kassel (up to 5 km)" in preview.text
        published = await chat.press(JOHN, preview.button("Publish"))
        assert "Your ad is online and visible for 60 days" in published.text
    [ad] = await _ads(database, JOHN.id)
    assert ad.status == "published" and ad.place_name == "Kassel"
    assert ad.lat is not None and (ad.lat, ad.lon) != (51.3201, 9.4873) and round(ad.lat, 2) == ad.lat


async def test_managing_pause_resume_renew_edit_and_delete(database: Database, settings: Settings) -> None:
    async with _chat_on(database, settings.model_copy(update={"ads_review": "none"})) as chat:
        preview = await _write_german_ad(chat)
        await chat.press(ANNA, preview.button("Veröffentlichen"))
        [ad] = await _ads(database, ANNA.id)
        listed = await chat.send(ANNA, "/ichbiete")
        assert "1. Ich helfe Schulkindern" in listed.text and "online bis" in listed.text
        paused = await chat.press(ANNA, listed.button("⏸ 1"))
        assert "pausiert" in paused.text and (await _ads(database, ANNA.id))[0].status == "paused"
        resumed = await chat.press(ANNA, paused.button("▶ 1"))
        assert (await _ads(database, ANNA.id))[0].status == "published"
        async with database.unit_of_work() as session:
            await session.execute(update(VolunteerAd).values(expires_at=utcnow() + timedelta(days=2)))
        renewed = await chat.press(ANNA, resumed.button("🔄 1"))
        assert "Erledigt." in renewed.answers
        assert (await _ads(database, ANNA.id))[0].expires_at > utcnow() + timedelta(days=59)  # type: ignore[operator]
        editing = await chat.press(ANNA, resumed.button("✏️ 1"))
        assert "Bisher steht in deiner Anzeige" in editing.text
        changed = await chat.send(ANNA, "Ich helfe Schulkindern nachmittags bei Mathe und Deutsch.")
        assert "So habe ich sie verstanden" in changed.text and (await _ads(database, ANNA.id))[0].status == "draft"
        where = await chat.press(ANNA, changed.button("Passt so"))
        travel = await chat.press(ANNA, where.button("📍 Kassel"))  # the place chosen before stays on offer
        when = await chat.press(ANNA, travel.button("10 km"))
        preview = await chat.press(ANNA, when.button("Weiter"))
        await chat.press(ANNA, preview.button("Veröffentlichen"))
        [edited] = await _ads(database, ANNA.id)
        assert edited.id == ad.id and edited.status == "published" and "Mathe" in edited.text
        listed = await chat.send(ANNA, "/ichbiete")
        confirm = await chat.press(ANNA, listed.button("🗑 1"))
        assert "wirklich löschen" in confirm.text
        deleted = await chat.press(ANNA, confirm.button("Ja, löschen"))
        assert "noch keine Anzeigen" in deleted.text and await _ads(database, ANNA.id) == []


async def test_forged_and_outdated_buttons_change_nothing(chat: Chat, database: Database) -> None:
    preview = await _write_german_ad(chat)
    await chat.press(ANNA, preview.button("Veröffentlichen"))
    [ad] = await _ads(database, ANNA.id)
    await chat.send(MEHMET, "/start")
    for data in (encode(Kind.AD, AdAction.DELETE_CONFIRM, ad.id, 0), encode(Kind.AD, AdAction.PAUSE, ad.id, 0),
                 encode(Kind.AD, AdAction.EDIT_TEXT, ad.id, 0)):
        forged = await chat.press(MEHMET, data)  # somebody else's ad
        assert forged.answers and "nicht mehr aktuell" in forged.answers[0]
    outdated = await chat.press(ANNA, preview.button("📍 Ort"))  # the ad left the draft: its steps are over
    assert "nicht mehr aktuell" in outdated.answers[0]
    for data in ("1A:9:1:0:0", "1A:99:1:0", "1B:9:" + str(ad.id), "1Z:1", "1A:1:" + str(ad.id) + ":999"):
        odd = await chat.press(ANNA, data)
        assert odd.answers, data
    not_admin = await chat.press(MEHMET, encode(Kind.AD_REVIEW, 0, ad.id))
    assert "Admin" in not_admin.answers[0]
    assert (await _ads(database, ANNA.id))[0].status == "pending"


async def test_the_admin_warns_and_blocks_a_person(chat: Chat, database: Database) -> None:
    preview = await _write_german_ad(chat)
    sent = await chat.press(ANNA, preview.button("Veröffentlichen"))
    asked = await chat.press(ADMIN, sent.button("Verwarnen"))
    assert "Schreib mir die Nachricht" in asked.text
    warned = await chat.send(ADMIN, "Bitte beschreib genauer, in welchen Fächern du hilfst.")
    assert "Verwarnung ist verschickt" in warned.text
    assert any("in welchen Fächern" in text and "Nachricht unserer Admins" in text for text in _to(warned, ANNA.id))
    blocked = await chat.press(ADMIN, sent.button("Für Anzeigen sperren"))
    assert any("keine neuen aufgeben" in text for text in _to(blocked, ANNA.id))
    assert [ad.status for ad in await _ads(database, ANNA.id)] == ["removed"]
    again = await chat.send(ANNA, "/ichbiete")
    assert "keine Anzeigen aufgeben" in again.text
    async with database.read_only() as session:
        actions = list((await session.execute(select(ModerationEvent.action).where(ModerationEvent.ad_id.is_not(None))
                                              .order_by(ModerationEvent.id))).scalars())
    assert actions == ["warned", "blocked"]


async def test_reminder_a_week_before_renewal_and_expiry(database: Database, settings: Settings) -> None:
    async with _chat_on(database, settings.model_copy(update={"ads_review": "none"})) as chat:
        preview = await _write_german_ad(chat)
        await chat.press(ANNA, preview.button("Veröffentlichen"))
        async with database.unit_of_work() as session:
            await session.execute(update(VolunteerAd).values(expires_at=utcnow() + timedelta(days=5)))
        before = len(chat.api.calls)
        await ad_jobs.remind_ads(CallbackContext(chat.application))
        await ad_jobs.remind_ads(CallbackContext(chat.application))  # once per period
        reminders = [c for c in chat.api.calls[before:] if c.method == "sendMessage"]
        assert len(reminders) == 1 and "läuft in 5 Tagen ab" in reminders[0].text  # five days, not 24-hour blocks
        renew = next(b["callback_data"] for b in reminders[0].buttons if "weiter zeigen" in b["text"])
        await chat.press(ANNA, renew)
        [ad] = await _ads(database, ANNA.id)
        assert ad.expires_at is not None and ad.expires_at > utcnow() + timedelta(days=59)
        assert ad.renewal_reminded_at is None
        async with database.unit_of_work() as session:
            await session.execute(update(VolunteerAd).values(expires_at=utcnow() - timedelta(minutes=1)))
        await ad_jobs.expire_ads(CallbackContext(chat.application))
        assert (await _ads(database, ANNA.id))[0].status == "expired"
        listed = await chat.send(ANNA, "/ichbiete")
        assert "abgelaufen" in listed.text
        await chat.press(ANNA, listed.button("🔄 1"))
        assert (await _ads(database, ANNA.id))[0].status == "published"


async def test_my_data_holds_the_ads_and_deleting_leaves_nothing_behind(chat: Chat, database: Database) -> None:
    preview = await _write_german_ad(chat)
    await chat.press(ANNA, preview.button("Veröffentlichen"))  # waits for review: the admin holds a copy
    exported = await chat.send(ANNA, "/meinedaten")
    document = next(call for call in exported.calls if call.method == "sendDocument")
    assert b"Hausaufgaben" in document.files["document"][1] and b'"ads"' in document.files["document"][1]
    confirm = await chat.send(ANNA, "/loeschen")
    await chat.press(ANNA, confirm.button("löschen"))
    async with database.read_only() as session:
        assert await session.scalar(select(func.count()).select_from(VolunteerAd)) == 0
        assert await session.scalar(select(func.count()).select_from(ModerationNotice)
                                    .where(ModerationNotice.ad_id.is_not(None))) == 0
        assert await session.scalar(select(func.count()).select_from(ModerationEvent)
                                    .where(ModerationEvent.ad_id.is_not(None))) == 0


async def test_review_queue_lists_waiting_ads_for_admins(chat: Chat) -> None:
    preview = await _write_german_ad(chat)
    await chat.press(ANNA, preview.button("Veröffentlichen"))
    queue = await chat.send(ADMIN, "/pruefen")
    assert "Anzeige von Freiwilligen wartet" in queue.text and "Hausaufgaben" in queue.text
    assert "Gerade wartet nichts" not in queue.text


async def test_the_flow_on_postgresql_across_the_same_schema(postgres_chat: Chat, postgres_database: Database) -> None:
    preview = await _write_german_ad(postgres_chat)
    await postgres_chat.press(ANNA, preview.button("Veröffentlichen"))
    [ad] = await _ads(postgres_database, ANNA.id)
    assert ad.status == "pending" and ad.categories and ad.place_name == "Kassel"
    async with postgres_database.read_only() as session:
        assert await session.scalar(select(func.count()).select_from(ModerationNotice)
                                    .where(ModerationNotice.ad_id == ad.id)) == 1


READING_DE = "Ich lese Kindern gern vor und helfe bei den Hausaufgaben, am liebsten nachmittags."


async def test_the_person_chooses_the_town_or_its_district_and_only_that_is_kept(
    database: Database, settings: Settings,
) -> None:
    async with _chat_on(database, settings.model_copy(update={"ads_review": "none"})) as chat:
        await chat.send(ANNA, "/ichbiete")
        await chat.press(ANNA, (await chat.send(ANNA, READING_DE)).button("Passt so"))
        asked = await chat.send(ANNA, "22765")  # a postal code in Hamburg-Altona
        assert "nur <b>Hamburg</b>" in asked.text and "<b>Hamburg-Altona</b>" in asked.text
        assert "Nur Hamburg zeigen" in [button["text"] for button in asked.buttons]
        assert (await _ads(database, ANNA.id))[0].place_name is None  # nothing is kept before the choice
        travel = await chat.press(ANNA, asked.button("Hamburg-Altona zeigen"))
        assert "von Hamburg-Altona aus" in travel.text
        preview = await chat.press(ANNA, (await chat.press(ANNA, travel.button("5 km"))).button("Weiter"))
        assert "📍 in Hamburg-Altona (bis 5 km)" in preview.text
        await chat.press(ANNA, preview.button("Veröffentlichen"))
        # John shares his doorstep in Altona and keeps only the town.
        await chat.send(JOHN, "/offerhelp")
        await chat.press(JOHN, (await chat.send(JOHN, HOMEWORK_EN)).button("Looks good"))
        asked = await chat.share(JOHN, 53.5531, 9.9352)
        assert "only <b>Hamburg</b>" in asked.text and "Show Hamburg-Altona" in [b["text"] for b in asked.buttons]
        travel = await chat.press(JOHN, asked.button("Show only Hamburg"))
        preview = await chat.press(JOHN, (await chat.press(JOHN, travel.button("5 km"))).button("Next"))
        assert "📍 in Hamburg (up to 5 km)" in preview.text and "Altona" not in preview.text
        await chat.press(JOHN, preview.button("Publish"))
    [anna] = await _ads(database, ANNA.id)
    assert (anna.place_name, anna.place_precision, anna.lat, anna.lon) == ("Hamburg-Altona", "quarter", 53.55, 9.93)
    [john] = await _ads(database, JOHN.id)
    assert (john.place_name, john.place_precision) == ("Hamburg", "town")
    assert (john.lat, john.lon) == (53.55, 9.99)  # the town's point: neither the shared one nor Altona's
    async with database.read_only() as session:
        found = await search_ads(session, SearchRequest(text="Hausaufgaben in Hamburg"), vocabularies=VocabularyCache())
    assert sorted(hit.place or "" for hit in found.results) == ["Hamburg", "Hamburg-Altona"]


async def test_a_forged_district_button_places_nothing(chat: Chat, database: Database) -> None:
    await chat.send(ANNA, "/ichbiete")
    await chat.press(ANNA, (await chat.send(ANNA, READING_DE)).button("Passt so"))
    [ad] = await _ads(database, ANNA.id)
    kassel = 2892518  # a town, not a district: the district button cannot carry it
    forged = await chat.press(ANNA, encode(Kind.AD, AdAction.QUARTER, ad.id, kassel))
    assert forged.answers and "nicht mehr aktuell" in forged.answers[0]
    assert (await _ads(database, ANNA.id))[0].place_name is None


async def test_a_district_the_text_names_is_offered_beside_its_town(chat: Chat, database: Database) -> None:
    await chat.send(ANNA, "/ichbiete")
    understood = await chat.send(ANNA, "Ich lese Kindern in Altona gern vor und helfe bei den Hausaufgaben.")
    where = await chat.press(ANNA, understood.button("Passt so"))
    labels = [button["text"] for button in where.buttons]
    assert "📍 Hamburg" in labels and "📍 Hamburg-Altona" in labels
    assert (await _ads(database, ANNA.id))[0].place_name == "Hamburg"  # the town until the person chooses
    travel = await chat.press(ANNA, where.button("📍 Hamburg-Altona"))
    assert "von Hamburg-Altona aus" in travel.text
    [ad] = await _ads(database, ANNA.id)
    assert (ad.place_name, ad.place_precision) == ("Hamburg-Altona", "quarter")


async def test_text_at_an_ads_button_step_is_a_search_with_a_hint_and_ichbiete_offers_the_ad_again(
        chat: Chat, database: Database) -> None:
    await chat.send(ANNA, "/ichbiete")
    understood = await chat.send(ANNA, HOMEWORK_DE)
    assert "So habe ich sie verstanden" in understood.text
    searched = await chat.send(ANNA, "Tierheim in Leipzig")
    assert "Deine Anzeige wartet noch" in searched.calls[0].text and "/ichbiete" in searched.calls[0].text
    # said once: the next search is answered without the hint
    again_searched = await chat.send(ANNA, "Tierheim in Kassel")
    assert "Deine Anzeige wartet noch" not in again_searched.text and "Tiere" in again_searched.text
    [kept] = await _ads(database, ANNA.id)
    again = await chat.send(ANNA, "/ichbiete")
    assert "noch nicht veröffentlicht" in again.text and "Hausaufgaben" in again.text
    continued = await chat.press(ANNA, again.button("Weitermachen"))
    assert "So habe ich sie verstanden" in continued.text
    assert [ad.id for ad in await _ads(database, ANNA.id)] == [kept.id]


async def test_abbrechen_right_after_the_note_that_the_ad_waits_drops_that_ad(chat: Chat, database: Database) -> None:
    """The note names /abbrechen: typed next, it means the ad the note spoke of (not the search below the note);
    once another message came between, /abbrechen is the search's again and the ad keeps waiting."""
    await chat.send(ANNA, "/ichbiete")
    await chat.send(ANNA, HOMEWORK_DE)
    searched = await chat.send(ANNA, "Tierheim in Leipzig")
    assert "/abbrechen" in searched.calls[0].text
    cancelled = await chat.send(ANNA, "/abbrechen")
    assert cancelled.text == t("de", "ads.cancelled") and await _ads(database, ANNA.id) == []
    await chat.send(ANNA, "/ichbiete")
    await chat.send(ANNA, HOMEWORK_DE)
    await chat.send(ANNA, "Tierheim in Leipzig")  # the note
    await chat.send(ANNA, "Tierheim in Kassel")  # another message: the note is behind
    closed = await chat.send(ANNA, "/abbrechen")
    assert closed.text == t("de", "cancel.done") and len(await _ads(database, ANNA.id)) == 1


async def test_abbrechen_after_the_note_drops_the_ad_even_when_the_search_asked_where(
        chat: Chat, database: Database) -> None:
    """The search the note went on to may ask "Wo soll ich suchen?": that question must not take the ad's place,
    and /abbrechen then drops the ad and says it ended the question too."""
    await chat.send(ANNA, "/ichbiete")
    await chat.send(ANNA, HOMEWORK_DE)
    searched = await chat.send(ANNA, "Tierheim")  # no place: the search asks where
    assert "Deine Anzeige wartet noch" in searched.calls[0].text and "Wo soll ich suchen?" in searched.text
    cancelled = await chat.send(ANNA, "/abbrechen")
    assert t("de", "ads.cancelled") in cancelled.text and t("de", "ads.search_question_ended") in cancelled.text
    assert await _ads(database, ANNA.id) == []
    again = await chat.send(ANNA, "/abbrechen")  # both are gone: nothing is left to cancel
    assert again.text == t("de", "cancel.nothing")


async def test_ichbiete_after_the_note_puts_the_note_behind(chat: Chat, database: Database) -> None:
    """/ichbiete after the note opens the ad again: a /abbrechen then cancels what it asks, as the reply says."""
    await chat.send(ANNA, "/ichbiete")
    await chat.send(ANNA, HOMEWORK_DE)
    await chat.send(ANNA, "Tierheim")  # the note, and the search asks where
    again = await chat.send(ANNA, "/ichbiete")
    fresh = await chat.press(ANNA, again.button("Neu anfangen"))
    assert "Was möchtest du anbieten?" in fresh.text
    cancelled = await chat.send(ANNA, "/abbrechen")
    assert cancelled.text == t("de", "ads.cancelled") and await _ads(database, ANNA.id) == []


async def test_starting_the_ad_over_drops_the_unfinished_one(chat: Chat, database: Database) -> None:
    await chat.send(ANNA, "/ichbiete")
    await chat.send(ANNA, HOMEWORK_DE)
    again = await chat.send(ANNA, "/ichbiete")
    fresh = await chat.press(ANNA, again.button("Neu anfangen"))
    assert "Was möchtest du anbieten?" in fresh.text and await _ads(database, ANNA.id) == []
