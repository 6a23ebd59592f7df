"""The seed use case: writes generated batches through bot.store.listings, one unit of work per batch."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Protocol

from sqlalchemy import delete, select

from bot.seed.batches import SeedBatch
from bot.seed.bulk import copy_upsert
from bot.seed.bench import BENCH_SEED, BENCH_SOURCE, bench_batches
from bot.seed.demo import DEMO_SEED, DEMO_SOURCE, demo_batches
from bot.store.db import rows_affected
from bot.store.db import Database
from bot.store.listings import UpsertCount, opportunity_row, organisation_ids, organisation_row, upsert_rows
from bot.store.models import Opportunity, Organisation, table_of

OPPORTUNITIES = table_of(Opportunity)
ORGANISATIONS = table_of(Organisation)
DEMO_BATCH = 1000
BENCH_BATCH = 5000  # large batches make bulk writes fast; memory stays at one batch of rows


class Progress(Protocol):
    """Anything that counts work done (bot.cli.common.Progress on a terminal)."""

    def advance(self, count: int = 1) -> None: ...


@dataclass(frozen=True, slots=True)
class SeedReport:
    """What a seed run wrote: upsert counts, rows removed, and how long it took."""

    source: str
    organisations: UpsertCount
    opportunities: UpsertCount
    removed: int
    seconds: float

    @property
    def listings(self) -> int:
        """Returns how many listings were written (inserted or updated)."""
        return self.opportunities.inserted + self.opportunities.updated

    @property
    def rate(self) -> float:
        """Returns listings written per second."""
        return self.listings / self.seconds if self.seconds > 0 else 0.0


def seed_day() -> date:
    """Returns today's date in UTC: the anchor of published_at, expires_at and event dates."""
    return datetime.now(timezone.utc).date()


async def seed_demo(database: Database, *, today: date | None = None, seed: int = DEMO_SEED,
                    only: Collection[str] | None = None, progress: Progress | None = None) -> SeedReport:
    """Writes the demo data set; running it again updates the same rows and removes demo rows it no longer makes.

    `only` limits the run to some regions (bot.seed.demo.regions() keys); the rest of the demo is then removed.
    """
    started = time.monotonic()
    written: set[str] = set()
    batches = demo_batches(today=today or seed_day(), seed=seed, batch_size=DEMO_BATCH, only=only)
    organisations, opportunities = await write_batches(database, _remember(batches, written), progress=progress)
    removed = await _remove_others(database, DEMO_SOURCE, written)
    await database.refresh_statistics()
    return SeedReport(DEMO_SOURCE, organisations, opportunities, removed, time.monotonic() - started)


async def seed_bench(database: Database, count: int, *, today: date | None = None, seed: int = BENCH_SEED,
                     replace: bool = False, batch_size: int = BENCH_BATCH,
                     progress: Progress | None = None) -> SeedReport:
    """Writes `count` benchmark listings (source "bench"); replace=True first deletes every earlier bench row."""
    started = time.monotonic()
    removed = await clear_source(database, BENCH_SOURCE) if replace else 0
    batches = bench_batches(count, today=today or seed_day(), seed=seed, batch_size=batch_size)
    organisations, opportunities = await write_batches(database, batches, progress=progress)
    await database.refresh_statistics()
    return SeedReport(BENCH_SOURCE, organisations, opportunities, removed, time.monotonic() - started)


async def write_batches(database: Database, batches: Iterable[SeedBatch], *,
                        progress: Progress | None = None) -> tuple[UpsertCount, UpsertCount]:
    """Upserts each batch's organisations, then its listings with their organisation ids; returns the counts.

    The next batch is generated in a thread while the current one is written: the drivers do their work outside
    the GIL (SQLite's full-text triggers, PostgreSQL's network), so both cores are busy.
    """
    organisations, opportunities = UpsertCount(), UpsertCount()
    source = iter(batches)
    upcoming = asyncio.ensure_future(asyncio.to_thread(next, source, None))
    try:
        while (batch := await upcoming) is not None:
            upcoming = asyncio.ensure_future(asyncio.to_thread(next, source, None))
            orgs, listings = await _write_batch(database, batch)
            organisations, opportunities = organisations + orgs, opportunities + listings
            if progress:
                progress.advance(len(batch.listings))
    finally:
        if not upcoming.done():  # a failed write: let the generating thread finish before leaving
            await asyncio.wait([upcoming])
    return organisations, opportunities


async def _write_batch(database: Database, batch: SeedBatch) -> tuple[UpsertCount, UpsertCount]:
    """Writes one batch in one unit of work (PostgreSQL: one statement per table, see bot.seed.bulk)."""
    upsert = upsert_rows if database.is_sqlite else copy_upsert
    async with database.unit_of_work() as session:
        org_rows = [organisation_row(values) for values in batch.organisations]
        organisations = await upsert(session, ORGANISATIONS, org_rows)
        ids = await organisation_ids(session, org_rows[0]["source"], [row["external_id"] for row in org_rows])
        rows = [opportunity_row({**listing.values, "organisation_id": ids[listing.organisation_key]})
                for listing in batch.listings]
        return organisations, await upsert(session, OPPORTUNITIES, rows)


async def clear_source(database: Database, source: str) -> int:
    """Deletes every listing and organisation of a source; returns how many listings went."""
    async with database.unit_of_work() as session:
        result = await session.execute(delete(OPPORTUNITIES).where(OPPORTUNITIES.c.source == source))
        await session.execute(delete(ORGANISATIONS).where(ORGANISATIONS.c.source == source))
    return rows_affected(result)


def _remember(batches: Iterator[SeedBatch], written: set[str]) -> Iterator[SeedBatch]:
    """Passes batches on while noting the external ids of everything in them."""
    for batch in batches:
        written.update(row["external_id"] for row in batch.organisations)
        written.update(listing.values["external_id"] for listing in batch.listings)
        yield batch


async def _remove_others(database: Database, source: str, keep: set[str]) -> int:
    """Deletes rows of a source that this run did not write (left by an older corpus); returns listings removed."""
    removed = 0
    async with database.unit_of_work() as session:
        for table in (OPPORTUNITIES, ORGANISATIONS):
            stored = (await session.execute(select(table.c.external_id).where(table.c.source == source))).scalars()
            stale = [external_id for external_id in stored if external_id not in keep]
            for start in range(0, len(stale), 500):
                chunk = stale[start : start + 500]
                result = await session.execute(
                    delete(table).where(table.c.source == source, table.c.external_id.in_(chunk)))
                removed += rows_affected(result) if table is OPPORTUNITIES else 0
    return removed
