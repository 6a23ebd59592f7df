"""An alert is recorded and handed out at most once per listing and person: called twice, or by two processes."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from bot.alerts import alerts_for_published_listing, save_search
from bot.search.model import Refinement
from bot.store.db import Database
from bot.store.models import AlertDelivery
from tests.factories.volunteers import KASSEL, make_listing, make_volunteer, query

PEOPLE = 12


async def _prepare(database: Database, listings: int = 1) -> list[int]:
    """Saves PEOPLE matching searches and publishes listings; returns the listing ids."""
    async with database.unit_of_work() as session:
        for _ in range(PEOPLE):
            volunteer = await make_volunteer(session)
            await save_search(session, volunteer, text="Tiere Kassel", refinement=Refinement(),
                              query=query(categories=("animals",), place=KASSEL))
        return [(await make_listing(session)).id for _ in range(listings)]


async def _deliveries(database: Database) -> int:
    async with database.read_only() as session:
        return int((await session.execute(select(func.count()).select_from(AlertDelivery))).scalar_one())


async def test_calling_twice_hands_out_nothing_the_second_time(any_database: Database) -> None:
    [listing_id] = await _prepare(any_database)
    async with any_database.unit_of_work() as session:
        first = await alerts_for_published_listing(session, listing_id)
    async with any_database.unit_of_work() as session:
        second = await alerts_for_published_listing(session, listing_id)
    assert len(first) == PEOPLE and second == []
    assert len({due.telegram_id for due in first}) == PEOPLE
    assert await _deliveries(any_database) == PEOPLE


async def test_a_second_process_waits_for_the_first_and_then_gets_nothing(postgres_database: Database) -> None:
    [listing_id] = await _prepare(postgres_database)
    first_session = postgres_database.sessions()
    first = await alerts_for_published_listing(first_session, listing_id)  # inserted, not yet committed

    async def second_process() -> int:
        async with postgres_database.unit_of_work() as session:
            return len(await alerts_for_published_listing(session, listing_id))

    second = asyncio.create_task(second_process())
    await asyncio.sleep(0.5)
    assert not second.done()  # blocked on the first transaction's unique keys
    await first_session.commit()
    await first_session.close()
    assert await second == 0
    assert len(first) == PEOPLE
    assert await _deliveries(postgres_database) == PEOPLE


async def test_many_workers_on_many_listings_never_duplicate(postgres_database: Database) -> None:
    listing_ids = await _prepare(postgres_database, listings=6)

    async def worker(order: list[int]) -> list[tuple[int, int]]:
        handed_out = []
        for listing_id in order:
            async with postgres_database.unit_of_work() as session:
                due = await alerts_for_published_listing(session, listing_id)
            handed_out += [(item.opportunity_id, item.telegram_id) for item in due]
        return handed_out

    results = await asyncio.gather(*(worker(listing_ids[shift:] + listing_ids[:shift]) for shift in range(4)))
    handed = [pair for result in results for pair in result]
    assert len(handed) == len(set(handed)) == PEOPLE * len(listing_ids)
    assert await _deliveries(postgres_database) == PEOPLE * len(listing_ids)
