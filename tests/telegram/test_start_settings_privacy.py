"""/start and deep links, the command menu, /einstellungen, and the privacy commands down to an empty store."""

from __future__ import annotations

import json

from tests.telegram.botchat import ANNA, GROUP_ID, JOHN, MEHMET, Chat
from sqlalchemy import inspect, select, text, update
from telegram.ext import CallbackContext

from bot.links import start_payload_for_listing, start_payload_for_search
from bot.search.model import Refinement
from bot.store.db import Database
from bot.store.models import Opportunity, Volunteer
from bot.telegram.menus.jobs import sync_chat_menus


async def test_start_greets_warmly_in_two_lines_with_the_main_keyboard(chat: Chat) -> None:
    reply = await chat.send(ANNA, "/start")
    assert reply.methods() == ["sendMessage"]
    greeting = reply.calls[0]
    assert greeting.text.startswith("👋 Hallo Anna") and greeting.text.count("\n") == 1
    assert "Schreib mir einfach, was dich interessiert und wo" in greeting.text
    keyboard = [button["text"] for row in greeting.params["reply_markup"]["keyboard"] for button in row]
    assert keyboard == ["📍 Standort teilen", "🔎 Mit Knöpfen suchen", "⭐ Merkliste", "🔔 Suchaufträge",
                        "⚙️ Einstellungen", "❓ Hilfe"]
    english = await chat.send(JOHN, "/start")
    assert english.text.startswith("👋 Hi John") and "Just tell me what you are interested in" in english.text


async def test_the_command_menu_is_registered_in_german_and_english(chat: Chat) -> None:
    german = [command["command"] for command in chat.api.commands["de"]]
    english = [command["command"] for command in chat.api.commands["en"]]
    assert german == ["suche", "merkliste", "suchauftraege", "standort", "einstellungen", "sprache", "hilfe",
                      "datenschutz", "meinedaten", "loeschen", "abbrechen", "ichbiete"]
    assert english == ["search", "favourites", "alerts", "location", "settings", "language", "help", "privacy",
                       "mydata", "delete", "cancel", "offerhelp"]
    assert chat.api.commands[""] == chat.api.commands["de"]  # people with other languages get German


async def test_admins_see_their_commands_in_their_own_chat_menu(chat: Chat) -> None:
    assert not chat.api.chat_commands  # set by the background sync, after start
    await sync_chat_menus(CallbackContext(chat.application))
    admin = [command["command"] for command in chat.api.chat_commands[(1000, "")]]  # ADMIN_IDS of the tests
    assert admin[:12] == [command["command"] for command in chat.api.commands["de"]]
    assert admin[12:] == ["pruefen", "anzeige", "rundschreiben", "anbieten", "meineangebote"]
    english = [command["command"] for command in chat.api.chat_commands[(1000, "en")]]
    assert english[12:] == ["review", "ad", "broadcast", "post", "mylistings"]
    assert {chat_id for chat_id, _ in chat.api.chat_commands} == {1000}  # nobody else gets them


async def test_help_works_under_both_names(chat: Chat) -> None:
    assert "So findest du ein Ehrenamt" in (await chat.send(ANNA, "/hilfe")).text
    assert "How to find volunteering" in (await chat.send(JOHN, "/help")).text
    assert "So findest du ein Ehrenamt" in (await chat.send(ANNA, "❓ Hilfe")).text


async def test_a_deep_link_opens_a_listing(chat: Chat, listings: dict[str, int]) -> None:
    reply = await chat.send(ANNA, f"/start {start_payload_for_listing(listings['tafel1'])}")
    assert len(reply.messages) == 2 and "<b>Kinderfrühstück in der Tafel</b>" in reply.messages[1].text
    assert "☆ Merken" in [b["text"] for b in reply.buttons]


async def test_a_person_who_wrote_before_gets_a_deep_link_s_listing_or_search_without_the_welcome_again(
    chat: Chat, listings: dict[str, int]
) -> None:
    await chat.send(ANNA, "Tierheim in Kassel")  # the first contact was no /start: the record is made all the same
    listing = await chat.send(ANNA, f"/start {start_payload_for_listing(listings['tafel1'])}")
    assert len(listing.messages) == 1 and "<b>Kinderfrühstück in der Tafel</b>" in listing.text
    search = await chat.send(ANNA, f"/start {start_payload_for_search('Lesepate', Refinement(radius_km=30))}")
    assert "Hallo" not in search.messages[0].text and "Lesepate an der Grundschule" in search.messages[0].text
    assert (await chat.send(ANNA, "/start")).text.startswith("👋 Hallo Anna")  # asked for: greeted again


async def test_a_person_met_first_in_a_group_is_welcomed_at_their_first_deep_link_in_their_own_chat(
    chat: Chat, listings: dict[str, int]
) -> None:
    grouped = await chat.send(ANNA, "/suche Tierheim in Kassel", chat_id=GROUP_ID)  # the record is made there
    assert "Tierheim" in grouped.text
    listing = await chat.send(ANNA, f"/start {start_payload_for_listing(listings['tafel1'])}")
    assert listing.messages[0].text.startswith("👋 Hallo Anna")  # the welcome, with the main keyboard
    assert len(listing.messages) == 2 and "<b>Kinderfrühstück in der Tafel</b>" in listing.messages[1].text
    again = await chat.send(ANNA, f"/start {start_payload_for_search('Lesepate', Refinement(radius_km=30))}")
    assert "Hallo" not in again.messages[0].text and "Lesepate an der Grundschule" in again.messages[0].text
    # a link opened in the group again greets there, and the own chat stays greeted once
    await chat.send(ANNA, "/start group", chat_id=GROUP_ID)
    third = await chat.send(ANNA, f"/start {start_payload_for_listing(listings['tafel1'])}")
    assert len(third.messages) == 1 and "Kinderfrühstück" in third.text


async def test_a_deep_link_opens_a_prepared_search(chat: Chat) -> None:
    payload = start_payload_for_search("Lesepate", Refinement(radius_km=30))
    reply = await chat.send(MEHMET, f"/start {payload}")
    assert "Lesepate an der Grundschule" in reply.messages[1].text


async def test_a_deep_linked_search_in_english_is_answered_in_english(chat: Chat) -> None:
    payload = start_payload_for_search("I would like to read with children", Refinement(radius_km=30))
    reply = await chat.send(MEHMET, f"/start {payload}")  # Telegram in German, the town's page in English
    assert reply.messages[0].text.startswith("👋 Hi Mehmet") and "Children &amp; youth" in reply.messages[1].text
    german = await chat.send(ANNA, f"/start {start_payload_for_search('Lesepate', Refinement(radius_km=30))}")
    assert german.messages[0].text.startswith("👋 Hallo Anna") and "gefunden" in german.messages[1].text


async def test_a_link_to_a_gone_listing_says_so_and_a_forged_one_cannot_be_opened(
    chat: Chat, database: Database, listings: dict[str, int]
) -> None:
    # A poster outlives its listing: the person scanned a code, they never searched, so no "search again"
    async with database.unit_of_work() as session:
        await session.execute(update(Opportunity).where(Opportunity.id == listings["tafel1"]).values(status="paused"))
    reply = await chat.send(ANNA, f"/start {start_payload_for_listing(listings['tafel1'])}")
    assert "Dieses Angebot ist nicht mehr online" in reply.messages[1].text
    again = await chat.send(ANNA, "/start o99999999")  # greeted above: the answer alone
    assert len(again.messages) == 1 and "nicht mehr online" in again.text
    garbled = await chat.send(ANNA, "/start s%%%")
    assert "Diesen Link kann ich nicht (mehr) öffnen" in garbled.text and "Ergebnis" not in garbled.text


async def test_settings_switch_language_alerts_and_announcements(chat: Chat, database: Database) -> None:
    shown = await chat.send(ANNA, "/einstellungen")
    assert "Sprache: Deutsch" in shown.text and "Benachrichtigungen zu Suchaufträgen: sofort" in shown.text
    english = await chat.press(ANNA, shown.button("English"), message_id=shown.sent_id())
    assert english.answers == ["Saved"] and "Language: English" in english.text
    daily = await chat.press(ANNA, english.button("daily"), message_id=shown.sent_id())
    assert "Notifications for alerts: daily" in daily.text
    quiet = await chat.press(ANNA, daily.button("Announcements off"), message_id=shown.sent_id())
    assert "Announcements: off" in quiet.text
    async with database.read_only() as session:
        volunteer = (await session.execute(select(Volunteer).where(Volunteer.telegram_id == ANNA.id))).scalar_one()
    assert (volunteer.language, volunteer.alert_mode, volunteer.announcements) == ("en", "daily", False)
    assert "How to find volunteering" in (await chat.send(ANNA, "/hilfe")).text


async def test_location_command_sets_and_forgets_the_home_place(chat: Chat) -> None:
    asked = await chat.send(ANNA, "/standort")
    assert "Du hast noch keinen Ort gespeichert." in asked.text
    saved = await chat.send(ANNA, "Leipzig")
    assert "Gemerkt: <b>Leipzig</b>" in saved.text
    shown = await chat.send(ANNA, "/standort")
    assert "Dein gespeicherter Ort: <b>Leipzig</b>." in shown.text
    forgotten = await chat.press(ANNA, shown.button("Ort vergessen"), message_id=shown.sent_id(0))
    assert "Gespeicherter Ort: keiner" in forgotten.text
    cancelled = await chat.send(ANNA, "/abbrechen")
    assert "Alles klar, abgebrochen." in cancelled.text  # /standort had asked again
    await chat.send(ANNA, "/location")
    shared = await chat.share(ANNA, 51.05, 13.74)
    assert "Gemerkt: <b>Dresden</b>" in shared.text
    abroad = await chat.share(ANNA, 48.85, 2.35)
    assert "außerhalb Deutschlands" in abroad.text


async def test_privacy_explains_what_is_stored(chat: Chat) -> None:
    reply = await chat.send(ANNA, "/datenschutz")
    assert "Was ich über dich speichere" in reply.text and "/loeschen" in reply.text


async def test_my_data_comes_as_a_json_document(chat: Chat) -> None:
    results = await chat.send(ANNA, "Tierheim in Kassel")
    await chat.press(ANNA, results.button("Suchauftrag"), message_id=results.sent_id())
    reply = await chat.send(ANNA, "/meinedaten")
    assert reply.methods() == ["sendDocument"]
    name, content = next(iter(reply.calls[0].files.values()))
    assert name == "meine-daten.json"
    data = json.loads(content)
    assert str(ANNA.id) in content.decode() and "Tierheim in Kassel" in json.dumps(data, ensure_ascii=False)


async def test_delete_asks_first_and_then_leaves_nothing_behind(chat: Chat, database: Database) -> None:
    results = await chat.send(ANNA, "Tierheim in Kassel")
    await chat.press(ANNA, results.button("Suchauftrag"), message_id=results.sent_id())
    details = await chat.press(ANNA, results.button("ℹ️ 1"), message_id=results.sent_id())
    await chat.press(ANNA, details.button("Merken"), message_id=results.sent_id())
    await chat.send(ANNA, "Geflüchtete begleiten, aber nicht in Kassel")  # leaves an open place question behind
    async with database.read_only() as session:
        volunteer_id = (await session.execute(
            select(Volunteer.id).where(Volunteer.telegram_id == ANNA.id)
        )).scalar_one()
    asked = await chat.send(ANNA, "/loeschen")
    kept = await chat.press(ANNA, asked.button("Nein, behalten"), message_id=asked.sent_id())
    assert "nichts gelöscht" in kept.text
    before = await _rows_of(database, ANNA.id, volunteer_id)
    assert {"favourites.volunteer_id", "saved_searches.volunteer_id", "chat_searches.volunteer_id",
            "chat_states.volunteer_id", "volunteers.telegram_id"} <= set(before)
    asked = await chat.send(ANNA, "/loeschen")
    deleted = await chat.press(ANNA, asked.button("Ja, alles löschen"), message_id=asked.sent_id())
    assert "Ich habe alles über dich gelöscht" in deleted.text
    assert await _rows_of(database, ANNA.id, volunteer_id) == {}
    for label in ("☆", "Mehr", "Suchauftrag"):  # old buttons say the data are gone and recreate nothing
        old = await chat.press(ANNA, results.button(label), message_id=results.sent_id())
        assert old.answers and "nichts (mehr) über dich gespeichert" in old.answers[0] and "/start" in old.answers[0]
    assert await _rows_of(database, ANNA.id, volunteer_id) == {}


async def test_deleting_says_what_stays_and_a_clubs_last_member_leaves_its_listings_paused(
        chat: Chat, database: Database) -> None:
    from tests.telegram.posting_script import ADMIN, CLUB, LISTING, NEW_ORGANISATION, fill

    from bot.store.models import Opportunity

    preview = await fill(chat, CLUB, NEW_ORGANISATION + LISTING)
    await chat.press(CLUB, preview.button("Abschicken"))
    asked = await chat.send(CLUB, "/loeschen")
    assert "ihre Angebote bleiben bestehen" in asked.text and "ohne deinen Namen" in asked.text
    deleted = await chat.press(CLUB, asked.button("Ja, alles löschen"), message_id=asked.sent_id())
    to_admin = [
        call.text for call in deleted.calls if call.method == "sendMessage" and call.params["chat_id"] == ADMIN.id
    ]
    assert len(to_admin) == 1 and "kein Mitglied mehr" in to_admin[0] and "1 Angebot pausiert" in to_admin[0]
    async with database.read_only() as session:
        listing = (await session.execute(select(Opportunity).where(Opportunity.source == "bot"))).scalar_one()
    assert listing.status == "paused" and listing.title == "Gassi gehen mit Tierheimhunden"


async def _rows_of(database: Database, telegram_id: int, volunteer_id: int) -> dict[str, int]:
    """Counts rows in every table that name the person or belong to their volunteer record."""
    found: dict[str, int] = {}
    async with database.read_only() as session:
        tables = await session.run_sync(lambda sync: {
            name: [column["name"] for column in inspect(sync.bind).get_columns(name)]
            for name in inspect(sync.bind).get_table_names()})
        for table, columns in tables.items():
            keys = (("telegram_id", telegram_id), ("volunteer_id", volunteer_id), ("chat_id", telegram_id))
            for column, value in keys:
                if column in columns:
                    count = (await session.execute(text(f'SELECT count(*) FROM "{table}" WHERE "{column}" = :v'),
                                                   {"v": value})).scalar_one()
                    if count:
                        found[f"{table}.{column}"] = count
    return found
