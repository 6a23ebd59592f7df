"""A volunteer's profile: created on first contact, language from Telegram, settings and interests."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.domain import AlertMode
from bot.search.model import Refinement
from bot.store.db import Database
from bot.store.models import SavedSearch, Volunteer
from bot.volunteers import (
    get_or_create_volunteer,
    languages_of,
    mark_blocked,
    meet_volunteer,
    note_interests,
    set_alert_mode,
    set_announcements,
    set_language,
)
from bot.volunteers.profile import MAX_INTERESTS
from tests.factories.volunteers import KASSEL, NOW, make_volunteer, query


@pytest.mark.parametrize(
    ("code", "expected"), [("en", "en"), ("en-GB", "en"), ("EN-us", "en"), ("de", "de"), ("uk", "de"), (None, "de")]
)
async def test_language_follows_telegram_only_for_english(database: Database, code: str | None, expected: str) -> None:
    async with database.unit_of_work() as session:
        volunteer = await get_or_create_volunteer(session, 4711, language_code=code, now=NOW)
    assert volunteer.language == expected
    assert volunteer.last_seen_at == NOW


async def test_second_contact_finds_the_same_volunteer_and_keeps_the_chosen_language(database: Database) -> None:
    async with database.unit_of_work() as session:
        first = await get_or_create_volunteer(session, 4711, language_code="de", now=NOW)
        await set_language(session, first, "en")
    async with database.unit_of_work() as session:
        again = await get_or_create_volunteer(session, 4711, language_code="de", now=NOW + timedelta(hours=1))
        assert again.id == first.id
        assert again.language == "en"
        assert again.last_seen_at == NOW + timedelta(hours=1)
        assert (await session.execute(select(func.count()).select_from(Volunteer))).scalar_one() == 1


async def test_only_the_first_update_of_a_person_is_their_first_contact(database: Database) -> None:
    async with database.unit_of_work() as session:
        assert (await meet_volunteer(session, 4711, language_code="de", now=NOW))[1]
    async with database.unit_of_work() as session:
        assert not (await meet_volunteer(session, 4711, language_code="de", now=NOW + timedelta(days=3)))[1]
        session.add(Volunteer(telegram_id=4712, blocked=True))  # an organisation's contact the bot could not reach
    async with database.unit_of_work() as session:
        volunteer, first = await meet_volunteer(session, 4712, language_code="en", now=NOW)
        assert first and volunteer.language == "en" and not volunteer.blocked


async def test_last_seen_is_not_rewritten_for_every_message(database: Database) -> None:
    async with database.unit_of_work() as session:
        await get_or_create_volunteer(session, 4711, language_code="de", now=NOW)
    async with database.unit_of_work() as session:
        volunteer = await get_or_create_volunteer(session, 4711, language_code="de", now=NOW + timedelta(seconds=30))
        assert volunteer.last_seen_at == NOW
        assert not session.dirty


async def test_first_messages_in_two_sessions_at_once_create_one_volunteer(any_database: Database) -> None:
    async def first_contact() -> int:
        async with any_database.unit_of_work() as session:
            return (await get_or_create_volunteer(session, 5151, language_code="de", now=NOW)).id

    ids = await asyncio.gather(first_contact(), first_contact())
    assert ids[0] == ids[1]


async def test_writing_again_after_blocking_clears_the_blocked_flag(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_volunteer(session, 777)
        assert await mark_blocked(session, 777)
        assert not await mark_blocked(session, 778)  # nobody the bot knows: nothing is written about them
    async with database.unit_of_work() as session:
        flags = dict((await session.execute(select(Volunteer.telegram_id, Volunteer.blocked))).all())
        assert flags == {777: True}
        volunteer = await get_or_create_volunteer(session, 777, language_code="de", now=NOW)
        assert volunteer.blocked is False


async def test_unknown_language_is_refused(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        with pytest.raises(ValueError, match="fr"):
            await set_language(session, volunteer, "fr")


async def test_alert_mode_applies_to_saved_searches_and_off_only_pauses(database: Database) -> None:
    from bot.alerts import save_search

    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        await save_search(session, volunteer, text="Tiere Kassel", refinement=Refinement(),
                          query=query(categories=("animals",), place=KASSEL))
        await set_alert_mode(session, volunteer, AlertMode.DAILY)
        assert (await session.execute(select(SavedSearch.mode))).scalar_one() == "daily"
        await set_alert_mode(session, volunteer, "off")
        assert volunteer.alert_mode == "off"
        assert (await session.execute(select(SavedSearch.mode))).scalar_one() == "daily"
        with pytest.raises(ValueError):
            await set_alert_mode(session, volunteer, "hourly")


async def test_announcements_can_be_turned_off(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        assert volunteer.announcements is True
        await set_announcements(session, volunteer, False)
    async with database.read_only() as session:
        assert (await session.execute(select(Volunteer.announcements))).scalar_one() is False


async def test_interests_are_newest_first_unique_known_and_bounded(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        await note_interests(session, volunteer, ["animals", "kein_schluessel", "sports"])
        await note_interests(session, volunteer, ["culture", "animals"])
        assert volunteer.interests == ["culture", "animals", "sports"]
        await note_interests(session, volunteer, ["seniors", "education", "digital", "health_care", "environment",
                                                  "neighbourhood", "children_youth"])
    async with database.read_only() as session:
        stored = (await session.execute(select(Volunteer.interests))).scalar_one()
    assert len(stored) == MAX_INTERESTS
    assert stored[:2] == ["seniors", "education"]
    assert "sports" not in stored


async def test_notices_to_clubs_speak_the_language_the_person_last_spoke_as_alerts_do(database: Database) -> None:
    # A club member whose Telegram says German but who spoke English with the bot gets a rejection in English;
    # one who never spoke otherwise keeps the setting, and someone the bot never met gets German.
    async with database.unit_of_work() as session:
        spoke_english = await make_volunteer(session, language="de", conversation_lang="en")
        setting_only = await make_volunteer(session, language="en")
        languages = await languages_of(session, [spoke_english.telegram_id, setting_only.telegram_id, 123])
    assert languages == {spoke_english.telegram_id: "en", setting_only.telegram_id: "en", 123: "de"}
