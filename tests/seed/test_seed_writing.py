"""Seeding a database: idempotent upserts, removal of stale demo rows, replacing bench rows, other sources kept."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.seed.demo import demo_organisations, regions
from bot.seed.writer import seed_bench, seed_demo
from bot.store.db import Database
from bot.store.listings import organisation_row, upsert_rows
from bot.store.models import Opportunity, Organisation
from tests.factories.seed import SEED_DAY

SMALL_DEMO = {"05-vogelsbergkreis", "13-chemnitz", "online"}  # a district, a city, the online offers
_COMPARED = ("external_id", "organisation_id", "title", "description", "categories", "category_mask", "time_tags",
             "lat", "lon", "postal_code", "contact_email", "status", "published_at", "expires_at", "created_at")


async def _listings(database: Database, source: str) -> dict[str, tuple[object, ...]]:
    async with database.read_only() as session:
        columns = [getattr(Opportunity, name) for name in ("id", *_COMPARED)]
        result = await session.execute(select(*columns).where(Opportunity.source == source))
        return {row.external_id: tuple(row) for row in result}


async def _count(database: Database, model: type[Opportunity] | type[Organisation], source: str) -> int:
    async with database.read_only() as session:
        counted = select(func.count()).select_from(model).where(model.source == source)
        return (await session.execute(counted)).scalar_one()


async def test_seeding_the_demo_twice_keeps_the_same_rows(any_database: Database) -> None:
    first = await seed_demo(any_database, today=SEED_DAY, only=SMALL_DEMO)
    stored = await _listings(any_database, "demo")
    again = await seed_demo(any_database, today=SEED_DAY, only=SMALL_DEMO)
    assert (first.opportunities.inserted, first.opportunities.updated) == (len(stored), 0)
    assert (again.opportunities.inserted, again.opportunities.updated, again.removed) == (0, len(stored), 0)
    assert (again.organisations.inserted, again.organisations.updated) == (0, first.organisations.inserted)
    assert await _listings(any_database, "demo") == stored  # same ids, same content, created_at kept
    drawn = sum(r.organisations for r in regions() if r.key in SMALL_DEMO)
    wanted = sum(1 for _ in demo_organisations(today=SEED_DAY, only=SMALL_DEMO))  # the draws and the staples
    assert await _count(any_database, Organisation, "demo") == wanted > drawn


async def test_reseeding_removes_demo_rows_the_generator_no_longer_makes(any_database: Database) -> None:
    await seed_demo(any_database, today=SEED_DAY, only=SMALL_DEMO)
    kept = await _listings(any_database, "demo")
    fewer = await seed_demo(any_database, today=SEED_DAY, only={"online"})
    online = await _listings(any_database, "demo")
    assert fewer.removed == len(kept) - len(online) > 0
    assert all(external_id.startswith("demo-online-") for external_id in online)
    online_organisations = next(r.organisations for r in regions() if r.key == "online")
    assert await _count(any_database, Organisation, "demo") == online_organisations


async def test_bench_seed_updates_instead_of_duplicating_and_replace_starts_afresh(any_database: Database) -> None:
    first = await seed_bench(any_database, 60, today=SEED_DAY, batch_size=25)
    again = await seed_bench(any_database, 60, today=SEED_DAY, batch_size=7)
    assert (first.opportunities.inserted, again.opportunities.inserted, again.opportunities.updated) == (60, 0, 60)
    assert await _count(any_database, Opportunity, "bench") == 60
    assert await _count(any_database, Organisation, "bench") == 12
    fresh = await seed_bench(any_database, 10, today=SEED_DAY, replace=True)
    assert (fresh.removed, fresh.opportunities.inserted) == (60, 10)
    assert await _count(any_database, Opportunity, "bench") == 10
    assert await _count(any_database, Organisation, "bench") == 2


async def test_seeding_never_touches_rows_of_other_sources(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        await upsert_rows(session, Organisation.__table__, [organisation_row(
            {"name": "Tierschutzverein Beispielstadt e.V.", "source": "feed", "external_id": "feed-1"})])
    await seed_bench(any_database, 5, today=SEED_DAY, replace=True)
    await seed_demo(any_database, today=SEED_DAY, only={"online"})
    await seed_bench(any_database, 0, today=SEED_DAY, replace=True)
    assert await _count(any_database, Organisation, "feed") == 1
    assert await _count(any_database, Opportunity, "bench") == 0
