"""The Merkliste: add once, remove, page newest first, withdrawn listings marked instead of vanishing."""

from __future__ import annotations

from datetime import timedelta

from bot.domain import OpportunityStatus
from bot.store.db import Database
from bot.volunteers import add_favourite, count_favourites, is_favourite, list_favourites, remove_favourite
from tests.factories.volunteers import NOW, make_listing, make_volunteer


async def test_listing_is_added_once(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        listing = await make_listing(session)
        assert await add_favourite(session, volunteer, listing.id) is True
        assert await add_favourite(session, volunteer, listing.id) is False
        assert await is_favourite(session, volunteer, listing.id)
        assert await count_favourites(session, volunteer) == 1


async def test_unknown_unpublished_or_expired_listings_are_not_added(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        paused = await make_listing(session, status=OpportunityStatus.PAUSED.value)
        expired = await make_listing(session, expires_at=NOW - timedelta(days=1))
        assert await add_favourite(session, volunteer, 999_999) is False
        assert await add_favourite(session, volunteer, paused.id) is False
        assert await add_favourite(session, volunteer, expired.id) is False
        assert await count_favourites(session, volunteer) == 0


async def test_remove_says_whether_it_was_there(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        listing = await make_listing(session)
        await add_favourite(session, volunteer, listing.id)
        assert await remove_favourite(session, volunteer, listing.id) is True
        assert await remove_favourite(session, volunteer, listing.id) is False
        assert not await is_favourite(session, volunteer, listing.id)


async def test_list_pages_newest_first_and_marks_withdrawn_listings(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        other = await make_volunteer(session)
        listings = [await make_listing(session) for _ in range(5)]
        for listing in listings:
            await add_favourite(session, volunteer, listing.id)
        await add_favourite(session, other, listings[0].id)
        listings[1].status = OpportunityStatus.EXPIRED.value
        await session.flush()
        first = await list_favourites(session, volunteer, limit=3, offset=0)
        second = await list_favourites(session, volunteer, limit=3, offset=3)
    seen = [entry.opportunity_id for entry in first + second]
    assert sorted(seen) == sorted(listing.id for listing in listings)
    assert len(set(seen)) == 5
    assert seen[0] == listings[-1].id  # newest first (ties broken by id, also newest first)
    by_id = {entry.opportunity_id: entry for entry in first + second}
    assert by_id[listings[1].id].active is False
    assert all(by_id[listing.id].active for listing in listings if listing is not listings[1])
    assert by_id[listings[0].id].organisation.endswith("e.V.")
