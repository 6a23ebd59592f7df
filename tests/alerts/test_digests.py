"""Daily digests group unsent alerts per person, once a day, and only for listings still shown."""

from __future__ import annotations

from typing import Any

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.alerts import alerts_for_published_listing, due_digests, mark_alerts_sent, save_search
from bot.alerts.digests import MAX_DIGEST_ENTRIES
from bot.search.model import PlaceRef, Refinement
from bot.store.db import Database
from bot.store.models import AlertDelivery, SavedSearch, Volunteer
from bot.volunteers import mark_blocked
from tests.factories.volunteers import BAUNATAL, KASSEL, LEIPZIG, NOW, make_listing, make_volunteer, query


async def _daily(session: AsyncSession, volunteer: Volunteer, category: str, place: PlaceRef = KASSEL) -> SavedSearch:
    return await save_search(session, volunteer, text=f"{category} {place.name}", refinement=Refinement(),
                             mode="daily", query=query(categories=(category,), place=place))


async def _publish(session: AsyncSession, **listing: Any) -> int:
    opportunity = await make_listing(session, **listing)
    assert await alerts_for_published_listing(session, opportunity.id) == []  # daily: nothing sent now
    return opportunity.id


async def test_alerts_are_grouped_per_person_newest_first(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        anna, ben = await make_volunteer(session, language="en"), await make_volunteer(session)
        anna_animals = await _daily(session, anna, "animals")
        anna_sports = await _daily(session, anna, "sports", LEIPZIG)
        await _daily(session, ben, "animals", BAUNATAL)
        dog = await _publish(session, title="Hunde ausführen")
        football = await _publish(session, title="Fußballtraining", categories=["sports"], place=LEIPZIG)
        cat = await _publish(session, title="Katzen füttern")
        digests = await due_digests(session, now=NOW)
    by_person = {digest.telegram_id: digest for digest in digests}
    assert set(by_person) == {anna.telegram_id, ben.telegram_id}
    anna_digest = by_person[anna.telegram_id]
    assert anna_digest.lang == "en"
    assert [entry.opportunity_id for entry in anna_digest.entries] == [cat, football, dog]
    assert {entry.saved_search_id for entry in anna_digest.entries} == {anna_animals.id, anna_sports.id}
    assert [entry.opportunity_id for entry in by_person[ben.telegram_id].entries] == [cat, dog]
    assert by_person[ben.telegram_id].entries[0].distance_km is not None


async def test_marked_digests_are_not_due_again_until_the_next_day(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        saved = await _daily(session, volunteer, "animals")
        await _publish(session)
        [digest] = await due_digests(session, now=NOW)
        assert await mark_alerts_sent(session, digest.delivery_ids, now=NOW) == 1
        assert await mark_alerts_sent(session, digest.delivery_ids, now=NOW) == 0
        stamped = (await session.execute(select(SavedSearch.last_digest_at).where(SavedSearch.id == saved.id)))
        assert stamped.scalar_one() == NOW
        await _publish(session)
        assert await due_digests(session, now=NOW + timedelta(hours=5)) == []
        [tomorrow] = await due_digests(session, now=NOW + timedelta(days=1))
    assert len(tomorrow.entries) == 1 and tomorrow.entries[0].delivery_id not in digest.delivery_ids


async def test_withdrawn_listings_blocked_people_and_stopped_searches_are_left_out(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer, blocked = await make_volunteer(session), await make_volunteer(session)
        await _daily(session, volunteer, "animals")
        await _daily(session, blocked, "animals")
        withdrawn = await make_listing(session)
        await alerts_for_published_listing(session, withdrawn.id)
        shown = await _publish(session)
        withdrawn.status = "paused"
        await mark_blocked(session, blocked.telegram_id)
        await session.flush()
        digests = await due_digests(session, now=NOW)
    got = [(d.telegram_id, [e.opportunity_id for e in d.entries]) for d in digests]
    assert got == [(volunteer.telegram_id, [shown])]


async def test_a_long_digest_lists_the_newest_and_covers_the_rest(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        await _daily(session, volunteer, "animals")
        for _ in range(MAX_DIGEST_ENTRIES + 3):
            await _publish(session)
        [digest] = await due_digests(session, now=NOW)
        assert len(digest.entries) == MAX_DIGEST_ENTRIES and len(digest.more) == 3
        await mark_alerts_sent(session, digest.delivery_ids, now=NOW)
        unsent = (await session.execute(select(AlertDelivery.id).where(AlertDelivery.sent_at.is_(None)))).all()
    assert unsent == []


async def test_digests_come_in_batches_of_people(database: Database) -> None:
    async with database.unit_of_work() as session:
        people = [await make_volunteer(session) for _ in range(5)]
        for person in people:
            await _daily(session, person, "animals")
        await _publish(session)
        seen: list[int] = []
        while batch := await due_digests(session, now=NOW, max_volunteers=2):
            assert len(batch) <= 2
            seen += [digest.telegram_id for digest in batch]
            await mark_alerts_sent(session, [i for digest in batch for i in digest.delivery_ids], now=NOW)
    assert sorted(seen) == sorted(person.telegram_id for person in people)


async def test_immediate_alerts_are_marked_sent(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        await save_search(session, volunteer, text="Tiere", refinement=Refinement(),
                          query=query(categories=("animals",), place=KASSEL))
        listing = await make_listing(session)
        [due] = await alerts_for_published_listing(session, listing.id)
        assert await mark_alerts_sent(session, [due.delivery_id], now=NOW) == 1
        sent_at = (await session.execute(select(AlertDelivery.sent_at))).scalar_one()
        assert sent_at == NOW
        assert await due_digests(session, now=NOW + timedelta(days=2)) == []
