"""/rundschreiben through the real Application: compose, audience, preview, two confirmations, delivery, status."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select
from tests.telegram.botchat import ANNA, Chat, Clock, OfflineBotApi, Person, Reply

from bot.broadcasts import DeliveryConfig
from bot.domain import BroadcastStatus
from bot.settings import Settings
from bot.store.db import Database
from bot.store.models import AdminRole, Broadcast, Volunteer
from bot.telegram.app import build_application, serving
from bot.telegram.announcements.runner import CONFIG_KEY
from bot.telegram.callbacks import BroadcastAction, Kind, encode
from bot.telegram.flood import FloodGuard
from bot.telegram.local.api import ApiCall, LocalRequest

ADMIN = Person(id=1000, first_name="Admina", language_code="de")  # in ADMIN_IDS of the test settings
REGIONAL = Person(id=2000, first_name="Regina", language_code="de")  # admin for Hessen only
KASSEL, FULDA, DRESDEN = (51.3127, 9.4797), (50.5558, 9.6808), (51.0504, 13.7373)
# Volunteers: two in Hessen, one in Sachsen, one in Kassel who turned announcements off.
KASSEL_ID, FULDA_ID, DRESDEN_ID, QUIET_ID = 701, 702, 703, 704
FAST = DeliveryConfig(rate_per_second=None, per_chat_interval=0.0, poll_seconds=0.02, progress_seconds=0.05)


class PhotoBotApi(OfflineBotApi):
    """The offline Bot API that also takes photos (announcements may carry one)."""

    def _send_photo(self, call: ApiCall) -> dict[str, Any]:
        photo = [{"file_id": str(call.params["photo"]), "file_unique_id": "p", "width": 90, "height": 90}]
        return self._new_message(call, photo=photo, caption=str(call.params.get("caption", "")))


async def _people(database: Database) -> None:
    """Stores the volunteers and the regional admin."""
    def home(telegram_id: int, where: tuple[float, float], state: str, district: str, **values: Any) -> Volunteer:
        return Volunteer(telegram_id=telegram_id, home_lat=where[0], home_lon=where[1], home_state=state,
                         home_district=district, interests=values.pop("interests", []), **values)

    async with database.unit_of_work() as session:
        session.add_all([
            home(KASSEL_ID, KASSEL, "Hessen", "Kassel", interests=["animals"]),
            home(FULDA_ID, FULDA, "Hessen", "Fulda"),
            home(DRESDEN_ID, DRESDEN, "Sachsen", "Dresden", interests=["animals"]),
            home(QUIET_ID, KASSEL, "Hessen", "Kassel", announcements=False),
            AdminRole(telegram_id=REGIONAL.id, state="Hessen", granted_by=ADMIN.id),
        ])


async def _running(
    database: Database, settings: Settings, config: DeliveryConfig, *, seed: bool = True
) -> AsyncIterator[Chat]:
    """Serves the Application (with its broadcast runner) on an offline Bot API."""
    if seed:
        await _people(database)
    api, clock = PhotoBotApi(), Clock()
    application = build_application(settings, request=LocalRequest(api), database=database,
                                    flood=FloodGuard(clock=clock), rate_limit=False)
    application.bot_data[CONFIG_KEY] = config
    async with serving(application):
        yield Chat(application, api, clock)
    assert not api.unexpected, f"unexpected Bot API calls: {api.unexpected}"


@pytest.fixture
async def chat(database: Database, settings: Settings) -> AsyncIterator[Chat]:
    """The bot with a broadcast runner that sends as fast as the offline API answers."""
    async for running in _running(database, settings, FAST):
        yield running


@pytest.fixture
async def slow_chat(database: Database, settings: Settings) -> AsyncIterator[Chat]:
    """The bot with a runner limited to two messages a second, so a broadcast can be cancelled mid-way."""
    async for running in _running(database, settings, DeliveryConfig(rate_per_second=2.0, per_chat_interval=0.0,
                                                                     poll_seconds=0.02, progress_seconds=0.05)):
        yield running


async def _compose(chat: Chat, admin: Person, text: str, entities: list[dict[str, Any]] | None = None) -> Reply:
    """Starts a new announcement and sends its text; returns the audience menu."""
    started = await chat.send(admin, "/rundschreiben")
    await chat.press(admin, started.button("Neues Rundschreiben"))
    content: dict[str, Any] = {"text": text}
    if entities:
        content["entities"] = entities
    return await chat.process(chat.updates._message_update(admin, content))


async def _sent_to(chat: Chat, chat_id: int) -> list[ApiCall]:
    """Returns the announcements the bot sent to one chat."""
    return [c for c in chat.api.calls if c.method in ("sendMessage", "sendPhoto") and c.params["chat_id"] == chat_id]


async def _until(condition: Any, seconds: float = 10.0) -> None:
    """Waits until the runner made the condition true."""
    for _ in range(int(seconds / 0.02)):
        if await condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the broadcast runner did not get there in time")


async def _status(database: Database, broadcast_id: int) -> BroadcastStatus:
    """Returns a broadcast's status as stored."""
    async with database.read_only() as session:
        broadcast = await session.get(Broadcast, broadcast_id)
        assert broadcast is not None
        return BroadcastStatus(broadcast.status)


@pytest.fixture
async def postgres_chat(postgres_database: Database, settings: Settings) -> AsyncIterator[Chat]:
    """The same bot on PostgreSQL (skipped without TEST_POSTGRES_URL)."""
    async for running in _running(postgres_database, settings, FAST):
        yield running


async def test_an_admin_composes_targets_previews_confirms_twice_and_follows_the_delivery(
    chat: Chat, database: Database
) -> None:
    await _whole_flow(chat, database)


async def test_the_whole_flow_works_on_postgresql(postgres_chat: Chat, postgres_database: Database) -> None:
    await _whole_flow(postgres_chat, postgres_database)


async def _whole_flow(chat: Chat, database: Database) -> None:
    """Composes, targets Hessen, previews, confirms twice, and follows the delivery to its report."""
    menu = await _compose(chat, ADMIN, "Sommerfest am Samstag", [{"type": "bold", "offset": 0, "length": 10}])
    assert "Rundschreiben #1" in menu.text and "Erreicht jetzt <b>4</b>" in menu.text  # three willing + the admin
    regions = await chat.press(ADMIN, menu.button("Region"))
    hessen = await chat.press(ADMIN, regions.button("Hessen"))
    assert "Gebiet: Hessen" in hessen.text and "Erreicht jetzt <b>2</b>" in hessen.text

    shown = await chat.press(ADMIN, hessen.button("Vorschau"))
    preview, question = shown.messages
    assert preview.params["text"] == "<b>Sommerfest</b> am Samstag" and preview.params["parse_mode"] == "HTML"
    assert [b["text"] for b in preview.buttons] == ["🔕 Ankündigungen abbestellen"]
    assert "erreicht <b>2</b> Personen" in question.text
    second = await chat.press(ADMIN, shown.button("So passt es"))
    assert second.edited() and "Wirklich an <b>2</b> Personen" in second.text
    assert not await _sent_to(chat, KASSEL_ID), "nothing is sent before the second confirmation"

    sending = await chat.press(ADMIN, second.button("Jetzt senden"))
    status_id = sending.sent_id()
    await _until(lambda: _finished(database, 1))
    await _until(lambda: _shows(chat, ADMIN.id, status_id, "fertig"))
    for reached in (KASSEL_ID, FULDA_ID):
        (announcement,) = await _sent_to(chat, reached)
        assert announcement.params["text"] == "<b>Sommerfest</b> am Samstag" and announcement.buttons
    assert not await _sent_to(chat, DRESDEN_ID) and not await _sent_to(chat, QUIET_ID)
    report = _message(chat, ADMIN.id, status_id)["text"]
    assert "Gesendet 2 · blockiert 0 · fehlgeschlagen 0 · offen 0" in report and "▓▓▓▓▓▓▓▓▓▓ 100%" in report
    assert any(c.method == "editMessageText" and c.params["message_id"] == status_id for c in chat.api.calls)

    listed = await chat.send(ADMIN, "/rundschreiben")
    assert "#1 · fertig · 2/2" in listed.text and listed.button("#1")


async def _finished(database: Database, broadcast_id: int) -> bool:
    """Tells whether the broadcast ended."""
    return await _status(database, broadcast_id) in (BroadcastStatus.DONE, BroadcastStatus.CANCELLED)


async def _shows(chat: Chat, chat_id: int, message_id: int, words: str) -> bool:
    """Tells whether a message of the bot now shows the words."""
    return words in _message(chat, chat_id, message_id).get("text", "")


def _message(chat: Chat, chat_id: int, message_id: int) -> dict[str, Any]:
    """Returns a message as the offline API keeps it (edits applied)."""
    return chat.api.messages[(chat_id, message_id)]


async def test_interests_and_a_place_with_radius_narrow_the_audience(chat: Chat) -> None:
    menu = await _compose(chat, ADMIN, "Tierheim sucht Hilfe")
    interests = await chat.press(ADMIN, menu.button("Interessen"))
    animals = await chat.press(ADMIN, interests.button("Tiere"))
    assert "Erreicht jetzt <b>2</b>" in animals.text  # Kassel and Dresden like animals
    back = await chat.press(ADMIN, animals.button("Zurück"))
    asked = await chat.press(ADMIN, back.button("Ort + Umkreis"))
    assert "Um welchen Ort" in asked.text
    around = await chat.send(ADMIN, "Kassel")
    assert "25 km um Kassel" in around.text and "Erreicht jetzt <b>1</b>" in around.text
    assert not any(c.method == "sendMessage" and "Ergebnis" in c.text for c in around.calls), "no search ran"
    wider = await chat.press(ADMIN, around.button("100 km"))
    assert "100 km um Kassel" in wider.text


async def test_a_running_broadcast_can_be_cancelled_from_its_status_message(
    slow_chat: Chat, database: Database
) -> None:
    async with database.unit_of_work() as session:
        session.add_all(Volunteer(telegram_id=800 + n, home_state="Hessen", interests=[]) for n in range(20))
    menu = await _compose(slow_chat, ADMIN, "Bitte alle lesen")
    shown = await slow_chat.press(ADMIN, menu.button("Vorschau"))
    second = await slow_chat.press(ADMIN, shown.button("So passt es"))
    sending = await slow_chat.press(ADMIN, second.button("Jetzt senden"))
    status_id = sending.sent_id()
    await _until(lambda: _shows(slow_chat, ADMIN.id, status_id, "wird gesendet"))
    stopped = await slow_chat.press(ADMIN, encode(Kind.BROADCAST, 1, BroadcastAction.CANCEL, 0), message_id=status_id)
    assert "wird abgebrochen" in " ".join(stopped.answers)
    await _until(lambda: _finished(database, 1))
    await _until(lambda: _shows(slow_chat, ADMIN.id, status_id, "abgebrochen"))
    announcements = [c for c in slow_chat.api.calls if c.method == "sendMessage" and c.text == "Bitte alle lesen"]
    assert 0 < len(announcements) < 24, "some were reached, the rest never will be"
    await asyncio.sleep(0.3)
    assert len([c for c in slow_chat.api.calls if c.text == "Bitte alle lesen"]) == len(announcements)


async def test_a_broadcast_planned_for_later_waits_and_odd_times_are_asked_again(
    chat: Chat, database: Database
) -> None:
    menu = await _compose(chat, ADMIN, "Neujahrsgruß")
    shown = await chat.press(ADMIN, menu.button("Vorschau"))
    second = await chat.press(ADMIN, shown.button("So passt es"))
    asked = await chat.press(ADMIN, second.button("Später senden"))
    assert "morgen 9:00" in asked.text
    odd = await chat.send(ADMIN, "irgendwann mal")
    assert "verstehe ich nicht" in odd.text
    planned = await chat.send(ADMIN, "morgen 9:00")
    assert "geplant" in planned.text and "Start:" in planned.text and "09:00" in planned.text
    assert planned.button("Abbrechen")
    await asyncio.sleep(0.2)
    assert await _status(database, 1) is BroadcastStatus.SCHEDULED
    assert not await _sent_to(chat, KASSEL_ID)
    after = await chat.send(ADMIN, "Tierheim Kassel")
    assert "Rundschreiben" not in after.text, "once answered, texts are searches again"


async def test_a_regional_admin_is_offered_and_reaches_only_their_region(chat: Chat, database: Database) -> None:
    menu = await _compose(chat, REGIONAL, "Treffen in Hessen")
    assert "Gebiet: Hessen" in menu.text and "Erreicht jetzt <b>2</b>" in menu.text
    regions = await chat.press(REGIONAL, menu.button("Region"))
    assert [b["text"] for b in regions.buttons] == ["Hessen", "« Zurück"]
    forged = await chat.press(REGIONAL, encode(Kind.BROADCAST, 1, BroadcastAction.REGION, 9))
    assert forged.answers and not forged.edited()
    asked = await chat.press(REGIONAL, menu.button("Ort + Umkreis"))
    assert asked.text
    dresden = await chat.send(REGIONAL, "Dresden")
    assert "Hessen" in dresden.text and "Erreicht gerade <b>niemanden</b>" in dresden.text  # never leaves the region
    shown = await chat.press(REGIONAL, dresden.button("Vorschau"))
    # nobody within the region around Dresden: nothing to send is offered, and Dresden gets nothing
    assert "niemand" in shown.text and not any("So passt es" in b["text"] for b in shown.buttons)
    assert not [call for call in await _sent_to(chat, DRESDEN_ID) if "Treffen in Hessen" in call.text]


async def test_someone_who_is_no_admin_is_refused_and_forged_buttons_change_nothing(
    chat: Chat, database: Database
) -> None:
    await _compose(chat, ADMIN, "Nur für Ehrenamtliche")
    refused = await chat.send(ANNA, "/rundschreiben")
    assert "Das können nur Admins" in refused.text and not refused.buttons  # as /pruefen answers
    for action in (BroadcastAction.SEND_NOW, BroadcastAction.CONFIRM, BroadcastAction.DISCARD, BroadcastAction.NEW):
        forged = await chat.press(ANNA, encode(Kind.BROADCAST, 1, action, 0))
        assert forged.answers and "nicht mehr aktuell" in forged.answers[0] and not forged.messages
    foreign = await chat.press(REGIONAL, encode(Kind.BROADCAST, 1, BroadcastAction.SEND_NOW, 0))
    assert foreign.answers and not foreign.messages
    garbage = await chat.press(ADMIN, "1w:1:99:0")
    assert garbage.answers and not garbage.messages
    assert await _status(database, 1) is BroadcastStatus.DRAFT
    anna_texts = await chat.send(ANNA, "Tierheim Kassel")
    assert "Rundschreiben" not in anna_texts.text


async def test_the_button_under_an_announcement_turns_announcements_off(chat: Chat, database: Database) -> None:
    anna = Person(id=KASSEL_ID, first_name="Kim", language_code="de")
    await chat.send(anna, "/start")
    menu = await _compose(chat, ADMIN, "Hallo")
    shown = await chat.press(ADMIN, menu.button("Vorschau"))
    second = await chat.press(ADMIN, shown.button("So passt es"))
    await chat.press(ADMIN, second.button("Jetzt senden"))
    await _until(lambda: _finished(database, 1))
    (announcement,) = [call for call in await _sent_to(chat, KASSEL_ID) if call.text == "Hallo"]
    pressed = await chat.press(anna, announcement.buttons[0]["callback_data"],
                               message_id=announcement.result["message_id"])
    assert "keine Ankündigungen mehr" in pressed.answers[0] and pressed.edited()
    async with database.read_only() as session:
        kim = await session.scalar(select(Volunteer).where(Volunteer.telegram_id == KASSEL_ID))
        assert kim is not None and kim.announcements is False


async def test_a_photo_with_caption_is_previewed_as_a_photo(chat: Chat) -> None:
    started = await chat.send(ADMIN, "/rundschreiben neu")
    assert "Schick mir jetzt den Text" in started.text
    photo = [{"file_id": "photo-42", "file_unique_id": "p42", "width": 90, "height": 90}]
    menu = await chat.process(chat.updates._message_update(ADMIN, {"photo": photo, "caption": "Unser Fest"}))
    shown = await chat.press(ADMIN, menu.button("Vorschau"))
    (picture,) = [c for c in shown.calls if c.method == "sendPhoto"]
    assert picture.params["photo"] == "photo-42" and picture.params["caption"] == "Unser Fest" and picture.buttons


async def test_an_admin_of_two_regions_starts_in_the_first_and_may_switch_to_the_other(
    chat: Chat, database: Database
) -> None:
    async with database.unit_of_work() as session:
        session.add(AdminRole(telegram_id=REGIONAL.id, state="Sachsen", granted_by=ADMIN.id))
    menu = await _compose(chat, REGIONAL, "Zwei Länder")
    assert "Gebiet: Hessen" in menu.text and "Erreicht jetzt <b>2</b>" in menu.text
    regions = await chat.press(REGIONAL, menu.button("Region"))
    assert [b["text"] for b in regions.buttons] == ["Hessen", "Sachsen", "« Zurück"]
    sachsen = await chat.press(REGIONAL, regions.button("Sachsen"))
    assert "Gebiet: Sachsen" in sachsen.text and "Erreicht jetzt <b>1</b>" in sachsen.text


async def test_a_planned_broadcast_is_delivered_by_the_bot_started_again_after_a_restart(
    database: Database, settings: Settings
) -> None:
    async for first in _running(database, settings, FAST):
        menu = await _compose(first, ADMIN, "Nach dem Neustart")
        shown = await first.press(ADMIN, menu.button("Vorschau"))
        second = await first.press(ADMIN, shown.button("So passt es"))
        await first.press(ADMIN, second.button("Später senden"))
        await first.send(ADMIN, "morgen 9:00")
    async with database.unit_of_work() as session:  # the night passes while the bot is stopped
        planned = await session.get(Broadcast, 1)
        assert planned is not None and planned.status == BroadcastStatus.SCHEDULED.value
        planned.scheduled_at = datetime(2020, 1, 1, tzinfo=UTC)
    async for again in _running(database, settings, FAST, seed=False):
        await _until(lambda: _finished(database, 1))
        assert [c.text for c in await _sent_to(again, FULDA_ID)] == ["Nach dem Neustart"]


async def test_a_draft_left_behind_is_taken_up_again_from_the_list(chat: Chat, database: Database) -> None:
    menu = await _compose(chat, ADMIN, "Helferfest im Juni")
    regions = await chat.press(ADMIN, menu.button("Region"))
    await chat.press(ADMIN, regions.button("Hessen"))
    listed = await chat.send(ADMIN, "/rundschreiben")
    assert "#1 · Entwurf" in listed.text
    opened = await chat.press(ADMIN, listed.button("Entwurf #1 fortsetzen"))
    assert opened.edited() and "Gebiet: Hessen" in opened.text and "Erreicht jetzt <b>2</b>" in opened.text
    shown = await chat.press(ADMIN, opened.button("Vorschau"))
    assert shown.messages[0].params["text"] == "Helferfest im Juni"
    assert await _status(database, 1) == BroadcastStatus.DRAFT  # nothing goes out without the two confirmations
    colleague = Person(id=3000, first_name="Kolja", language_code="de")
    async with database.unit_of_work() as session:
        session.add(AdminRole(telegram_id=colleague.id, granted_by=ADMIN.id))  # another admin for all regions
    theirs = await chat.send(colleague, "/rundschreiben")
    assert "#1 · Entwurf" in theirs.text  # they see it, but only its author goes on with it
    assert not any("fortsetzen" in button["text"] for button in theirs.buttons)


async def test_a_broadcast_nobody_would_get_is_not_offered_for_sending(chat: Chat) -> None:
    menu = await _compose(chat, ADMIN, "Sportfest sucht Hilfe")
    interests = await chat.press(ADMIN, menu.button("Interessen"))
    sports = await chat.press(ADMIN, interests.button("Sport"))
    assert "Erreicht gerade <b>niemanden</b>" in sports.text  # nobody named sports
    back = await chat.press(ADMIN, sports.button("Zurück"))
    shown = await chat.press(ADMIN, back.button("Vorschau"))
    assert "niemand" in shown.text and "Wirklich" not in shown.text
    labels = [button["text"] for button in shown.buttons]
    assert not any("So passt es" in label or "senden" in label for label in labels)
    assert any("Zurück" in label for label in labels) and any("verwerfen" in label.lower() for label in labels)
