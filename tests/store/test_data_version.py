"""The data version grows with every committed change of listings or organisations, and only once committed."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, update

from bot.store.data_version import DataVersion, read_data_version
from bot.store.db import Database
from bot.store.models import Opportunity, Organisation
from bot.store.types import utcnow
from tests.factories.volunteers import make_listing


async def _version(database: Database) -> DataVersion:
    async with database.read_only() as session:
        return await read_data_version(session)


async def test_every_kind_of_change_raises_the_version(any_database: Database) -> None:
    seen = [await _version(any_database)]
    async with any_database.unit_of_work() as session:
        listing = await make_listing(session)
        listing_id, organisation_id = listing.id, listing.organisation_id
    seen.append(await _version(any_database))
    changes = (
        update(Opportunity).where(Opportunity.id == listing_id).values(title="Laternenumzug begleiten"),
        update(Organisation).where(Organisation.id == organisation_id).values(name="Laternenverein"),
        update(Opportunity).where(Opportunity.id == listing_id).values(status="paused"),
        delete(Opportunity).where(Opportunity.id == listing_id),
    )
    for change in changes:
        async with any_database.unit_of_work() as session:
            await session.execute(change)
        seen.append(await _version(any_database))
    numbers = [version.number for version in seen]
    assert numbers == sorted(set(numbers)), numbers  # strictly growing: one step or more per change


async def test_an_uncommitted_change_leaves_the_version_as_it_was(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        listing_id = (await make_listing(session)).id
    before = await _version(any_database)
    async with any_database.sessions() as writer:
        await writer.execute(update(Opportunity).where(Opportunity.id == listing_id).values(title="Noch nicht"))
        await writer.flush()
        assert await _version(any_database) == before  # another connection does not see it yet
        await writer.rollback()
    assert await _version(any_database) == before


async def test_a_listing_expiring_changes_the_version_without_any_write(database: Database) -> None:
    async with database.unit_of_work() as session:
        soon = await make_listing(session, expires_at=utcnow() + timedelta(minutes=5))
        await make_listing(session, expires_at=utcnow() + timedelta(days=30))
        expires_at = soon.expires_at
    assert expires_at is not None
    async with database.read_only() as session:
        before = await read_data_version(session, now=expires_at - timedelta(seconds=1))
        after = await read_data_version(session, now=expires_at + timedelta(seconds=1))
    assert before.number == after.number and before != after


async def test_a_bulk_change_raises_the_version_once_per_transaction_on_postgres(postgres_database: Database) -> None:
    async with postgres_database.unit_of_work() as session:
        for _ in range(5):
            await make_listing(session)
    before = await _version(postgres_database)
    async with postgres_database.unit_of_work() as session:
        await session.execute(update(Opportunity).values(title="Alle zugleich"))
        await session.execute(update(Opportunity).values(description="Zweimal im selben Schritt"))
    assert (await _version(postgres_database)).number == before.number + 1
