"""Whether there is anything to find: a fresh install, and a database whose listings all expired, were withdrawn or
wait for review, each say so instead of "nothing found near Kassel" -- and not the same thing."""

from __future__ import annotations

from bot.domain import OpportunityStatus
from bot.search.stock import Stock, stock_of, unstocked_key
from bot.store.db import Database
from tests.factories.volunteers import make_listing


async def test_only_a_published_listing_counts_as_something_to_find(database: Database) -> None:
    async with database.read_only() as session:
        assert await stock_of(session) is Stock.EMPTY  # a fresh install
    async with database.unit_of_work() as session:
        waiting = await make_listing(session, status=OpportunityStatus.PENDING.value)
    async with database.read_only() as session:
        assert await stock_of(session) is Stock.NONE_PUBLISHED  # a listing in review is found by nobody yet
    async with database.unit_of_work() as session:
        await make_listing(session, organisation=None)
    async with database.read_only() as session:
        assert await stock_of(session) is Stock.PUBLISHED and waiting.id


async def test_listings_all_expired_or_withdrawn_are_not_a_fresh_install(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, status=OpportunityStatus.EXPIRED.value)
        await make_listing(session, status=OpportunityStatus.WITHDRAWN.value)
    async with database.read_only() as session:
        stock = await stock_of(session)
    assert stock is Stock.NONE_PUBLISHED
    assert unstocked_key(stock) != unstocked_key(Stock.EMPTY)
    assert unstocked_key(stock, admin=True) != unstocked_key(Stock.EMPTY, admin=True)
