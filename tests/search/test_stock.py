"""Whether there is anything to find: a fresh install says so instead of "nothing found near Kassel"."""

from __future__ import annotations

from bot.domain import OpportunityStatus
from bot.search.stock import has_listings
from bot.store.db import Database
from tests.factories.volunteers import make_listing


async def test_only_a_published_listing_counts_as_something_to_find(database: Database) -> None:
    async with database.read_only() as session:
        assert not await has_listings(session)  # a fresh install
    async with database.unit_of_work() as session:
        waiting = await make_listing(session, status=OpportunityStatus.PENDING.value)
    async with database.read_only() as session:
        assert not await has_listings(session)  # a listing in review is found by nobody yet
    async with database.unit_of_work() as session:
        await make_listing(session, organisation=None)
    async with database.read_only() as session:
        assert await has_listings(session) and waiting.id
