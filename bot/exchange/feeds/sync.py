"""Writing a feed snapshot: new listings in, changed ones updated, unchanged ones untouched, missing ones
withdrawn (with a reason; they come back when a later snapshot holds them again).

Everything is decided before anything is written, so a dry run counts exactly what an import would do and
a snapshot that would duplicate another source's listings, or withdraw most of its own, stops whole.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.categories import is_category
from bot.domain import OpportunityStatus
from bot.exchange.validate import Listing
from bot.store.db import Database
from bot.store.listings import UpsertCount, opportunity_row, organisation_ids, organisation_row, upsert_rows
from bot.store.models import Opportunity, Organisation
from bot.store.types import utcnow
from nlu.kernel.text import fold

# (title, description) pairs -> (category keys, time tags) for each, in order; the NLU provides one.
BatchCategorizer = Callable[[Sequence[tuple[str, str]]], list[tuple[list[str], list[str]]]]
Progress = Callable[[int, int], None]
BATCH = 500
MASS_WITHDRAWAL_SHARE = 0.5  # a snapshot without more than half of a source's listings is suspicious...
MASS_WITHDRAWAL_MIN = 10  # ...once the source has more than this many
_ORGANISATION_KEEP = ("verified", "place_name", "state", "district", "kind")
_WITHDRAWN = OpportunityStatus.WITHDRAWN.value
_PUBLISHED = OpportunityStatus.PUBLISHED.value


@dataclass(slots=True)
class SyncCount:
    """What a snapshot does to the store."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    returned: int = 0  # withdrawn before, in this snapshot again (counted among changed too)
    withdrawn: int = 0
    categorised: int = 0  # listings that got categories from the NLU
    time_tagged: int = 0  # listings that got time tags from the NLU
    uncategorised: int = 0
    organisations: UpsertCount = field(default_factory=UpsertCount)
    duplicates: dict[str, int] = field(default_factory=dict)  # other source -> listings it holds already
    stopped: str | None = None  # why nothing was written
    seconds: float = 0.0


@dataclass(slots=True)
class _Stored:
    id: int
    hash: str | None
    status: str


async def sync_snapshot(
    database: Database, listings: list[Listing], *, sources: Sequence[str], present: Set[tuple[str, str]] = frozenset(),
    categorizer: BatchCategorizer | None = None, dry_run: bool = False, force: bool = False,
    on_progress: Progress | None = None,
) -> SyncCount:
    """Makes the store hold this snapshot of the sources; present names refused offers still in the feed."""
    started = time.monotonic()
    count = SyncCount()
    async with database.unit_of_work() as session:
        stored = await _stored(session, sources)
        count.duplicates = await _duplicates(session, listings, sources)
        keys = {listing.key for listing in listings} | set(present)
        missing = [row.id for key, row in stored.items() if key not in keys and row.status == _PUBLISHED]
        new, changed = _classify(listings, stored, count)
        count.withdrawn = len(missing)
        count.stopped = _stop_reason(count, stored, force)
        if count.stopped is None and not dry_run:
            _tag(new + changed, categorizer, count, on_progress)
            await _write(session, new, changed, count, on_progress)
            await _withdraw(session, missing)
    if count.stopped is None and not dry_run and (new or changed or missing):
        await database.refresh_statistics()
    count.seconds = time.monotonic() - started
    return count


async def _stored(session: AsyncSession, sources: Sequence[str]) -> dict[tuple[str, str], _Stored]:
    """Returns what the store holds of the sources, by (source, external id)."""
    table = Opportunity.__table__
    result = await session.execute(
        select(table.c.source, table.c.external_id, table.c.id, table.c.feed_hash, table.c.status)
        .where(table.c.source.in_(list(sources)), table.c.external_id.is_not(None))
    )
    return {(source, external_id): _Stored(id_, hash_, status) for source, external_id, id_, hash_, status in result}


async def _duplicates(session: AsyncSession, listings: list[Listing], sources: Sequence[str]) -> dict[str, int]:
    """Counts listings another source holds already: the same external id and the same title."""
    table = Opportunity.__table__
    titles = {listing.opportunity["external_id"]: fold(listing.opportunity["title"]) for listing in listings}
    ids = list(titles)
    found: dict[str, int] = {}
    for start in range(0, len(ids), 500):
        result = await session.execute(
            select(table.c.source, table.c.external_id, table.c.title)
            .where(table.c.external_id.in_(ids[start : start + 500]), table.c.source.not_in(list(sources)))
        )
        for source, external_id, title in result:
            if titles.get(external_id) == fold(title):
                found[source] = found.get(source, 0) + 1
    return found


def _classify(listings: list[Listing], stored: dict[tuple[str, str], _Stored], count: SyncCount
              ) -> tuple[list[Listing], list[Listing]]:
    """Splits the snapshot into new and changed listings; counts the unchanged and the returning ones."""
    new, changed = [], []
    for listing in listings:
        row = stored.get(listing.key)
        if row is None:
            new.append(listing)
        elif row.hash == listing.opportunity["feed_hash"] and row.status == _PUBLISHED:
            count.unchanged += 1
        else:
            count.returned += row.status == _WITHDRAWN
            changed.append(listing)
    count.new, count.changed = len(new), len(changed)
    return new, changed


def _stop_reason(count: SyncCount, stored: dict[tuple[str, str], _Stored], force: bool) -> str | None:
    """Returns why this snapshot must not be written without --force, None when it may."""
    if force:
        return None
    if count.duplicates:
        others = ", ".join(f"{source} ({n})" for source, n in sorted(count.duplicates.items()))
        return (f"{sum(count.duplicates.values())} listings are already stored under another source: {others}; "
                "import under that source (--source), or use --force to import them twice")
    published = sum(1 for row in stored.values() if row.status == _PUBLISHED)
    if published > MASS_WITHDRAWAL_MIN and count.withdrawn > MASS_WITHDRAWAL_SHARE * published:
        return (f"this snapshot lacks {count.withdrawn} of the {published} published listings of its source; "
                "a cut-off export? Use --force to withdraw them")
    return None


def _tag(listings: list[Listing], categorizer: BatchCategorizer | None, count: SyncCount,
         on_progress: Progress | None) -> None:
    """Adds the NLU's categories (where the feed's labels gave none) and time tags (where the feed gave none)."""
    if categorizer is None:
        count.uncategorised = sum(1 for listing in listings if not listing.opportunity.get("categories"))
        return
    for start in range(0, len(listings), BATCH):
        chunk = listings[start : start + BATCH]
        found = categorizer([(listing.opportunity["title"], listing.opportunity["description"]) for listing in chunk])
        for listing, (keys, times) in zip(chunk, found):
            values = listing.opportunity
            if not values.get("categories"):
                values["categories"] = [key for key in keys if is_category(key)]
                count.categorised += bool(values["categories"])
                count.uncategorised += not values["categories"]
            if not values.get("time_tags") and times:
                values["time_tags"] = list(times)
                count.time_tagged += 1
        if on_progress:
            on_progress(len(chunk), 2 * len(listings))


async def _write(session: AsyncSession, new: list[Listing], changed: list[Listing], count: SyncCount,
                 on_progress: Progress | None) -> None:
    """Upserts the organisations of the new and changed listings, then the listings."""
    total = 2 * (len(new) + len(changed))
    organisations = await _write_organisations(session, new + changed, count)
    now = utcnow()
    for group, fresh in ((new, True), (changed, False)):
        for start in range(0, len(group), BATCH):
            rows = [_row(listing, organisations, fresh, now) for listing in group[start : start + BATCH]]
            await upsert_rows(session, Opportunity.__table__, rows)
            if on_progress:
                on_progress(len(rows), total)


def _row(listing: Listing, organisations: dict[tuple[str, str], int], fresh: bool, now: Any) -> dict[str, Any]:
    """Returns a listing's full row; an update keeps when it was first published and when it expires."""
    values = dict(listing.opportunity, organisation_id=organisations[listing.organisation_key])
    if fresh:
        values["published_at"] = now
    row = opportunity_row(values, now=now)
    if not fresh:
        for kept in ("published_at", "expires_at", "renewal_reminded_at"):
            del row[kept]
    return row


async def _write_organisations(session: AsyncSession, listings: list[Listing], count: SyncCount
                               ) -> dict[tuple[str, str], int]:
    """Upserts each organisation once (the first listing naming it decides) and returns their ids."""
    firsts: dict[tuple[str, str], dict[str, Any]] = {}
    for listing in listings:
        firsts.setdefault(listing.organisation_key, listing.organisation)
    rows = []
    for values in firsts.values():
        row = organisation_row(values)
        for column in _ORGANISATION_KEEP:
            del row[column]  # left out: an update keeps what moderators and the bot set, an insert the default
        rows.append(row)
    for start in range(0, len(rows), BATCH):
        count.organisations += await upsert_rows(session, Organisation.__table__, rows[start : start + BATCH])
    ids: dict[tuple[str, str], int] = {}
    by_source: dict[str, list[str]] = {}
    for source, external_id in firsts:
        by_source.setdefault(source, []).append(external_id)
    for source, external_ids in by_source.items():
        found = await organisation_ids(session, source, external_ids)
        ids.update({(source, external_id): id_ for external_id, id_ in found.items()})
    return ids


async def _withdraw(session: AsyncSession, ids: list[int]) -> None:
    """Takes listings out of search, saying why; a later snapshot holding them brings them back."""
    reason = f"not in the feed's snapshot of {date.today().isoformat()}"
    for start in range(0, len(ids), 500):
        await session.execute(
            update(Opportunity).where(Opportunity.id.in_(ids[start : start + 500]))
            .values(status=_WITHDRAWN, status_reason=reason, updated_at=utcnow())
        )
