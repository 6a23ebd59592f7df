"""Importing a listing file: validate every record first, then upsert organisations and listings.

Two passes keep memory flat for large feeds: the first checks every record and remembers only keys and
organisations; the second checks again (it is cheap and deterministic) and writes in batches. Everything is
written in one unit of work, so a failing import leaves the database as it was.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.categories import is_category
from bot.exchange.files import ListingFile
from bot.exchange.validate import Listing, Problem, check_record
from bot.store.db import Database
from bot.store.listings import UpsertCount, opportunity_row, organisation_ids, organisation_row, upsert_rows
from bot.store.models import Opportunity, Organisation

# (title, description) -> category keys; the NLU provides one, the import works without.
Categorizer = Callable[[str, str], list[str]]
# (rows just written, rows to write in all), called after each batch so a terminal can show progress.
Progress = Callable[[int, int], None]
BATCH = 1000
# Organisation columns an import must not touch: verification is a moderator's act, and the place fields are
# not part of the exchange record, so a re-import keeps what the bot knows.
_ORGANISATION_KEEP = ("verified", "place_name", "state", "district")


@dataclass(slots=True)
class ImportReport:
    """What an import read, refused and wrote, with the notes a person should see."""

    read: int = 0
    valid: int = 0
    invalid: int = 0
    inserted: int = 0
    updated: int = 0
    skipped: int = 0
    seconds: float = 0.0
    organisations: UpsertCount = field(default_factory=UpsertCount)
    problems: list[Problem] = field(default_factory=list)
    derived_ids: int = 0
    default_status: int = 0
    categorised: int = 0
    uncategorised: int = 0
    organisation_conflicts: int = 0
    written: bool = False
    dry_run: bool = False


@dataclass(slots=True)
class _FirstPass:
    """What the first pass keeps: positions of bad records, and each organisation's first values."""

    invalid_positions: set[int] = field(default_factory=set)
    organisations: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)


async def import_listings(
    database: Database,
    listing_file: ListingFile,
    *,
    source: str | None = None,
    skip_invalid: bool = False,
    dry_run: bool = False,
    categorizer: Categorizer | None = None,
    on_progress: Progress | None = None,
) -> ImportReport:
    """Validates every record; writes nothing if one is bad (unless skip_invalid), and nothing on a dry run.

    source overrides the file's source column. A dry run writes in a transaction that is rolled back, so its
    counts are exactly those of a real run.
    """
    started = time.monotonic()
    report = ImportReport(dry_run=dry_run)
    first = _check_all(listing_file, source, report)
    refused = bool(report.invalid) and not skip_invalid
    report.skipped = report.read if refused else report.invalid
    if refused or not report.valid:
        report.seconds = time.monotonic() - started
        return report
    async with _session(database, dry_run) as session:
        report.organisations = await _write_organisations(session, first.organisations)
        await _write_listings(session, listing_file, source, first, report, categorizer, on_progress)
    report.written = not dry_run
    report.seconds = time.monotonic() - started
    return report


def _check_all(listing_file: ListingFile, source: str | None, report: ImportReport) -> _FirstPass:
    """Checks every record, including duplicates within the file; fills the report's counts and problems."""
    first = _FirstPass()
    seen: dict[tuple[str, str], str] = {}
    for position, record in enumerate(listing_file.records()):
        report.read += 1
        checked = check_record(record, source=source)
        if isinstance(checked, Listing) and checked.key in seen:
            checked = [_duplicate(checked, seen[checked.key])]
        if not isinstance(checked, Listing):
            report.invalid += 1
            report.problems += checked
            first.invalid_positions.add(position)
            continue
        report.valid += 1
        seen[checked.key] = checked.where
        report.derived_ids += checked.derived_id
        report.default_status += checked.default_status
        # The first record naming an organisation decides its values; later differences are counted.
        known = first.organisations.setdefault(checked.organisation_key, checked.organisation)
        if known is not checked.organisation and known != checked.organisation:
            report.organisation_conflicts += 1
    return first


def _duplicate(listing: Listing, first_where: str) -> Problem:
    """Explains that a record repeats an earlier one."""
    if listing.derived_id:
        reason = (f"the same organisation, title and place as {first_where}; "
                  "give each listing its own external_id")
    else:
        reason = f"'{listing.opportunity['external_id']}' is used by {first_where} already"
    return Problem(listing.where, "external_id", reason)


@asynccontextmanager
async def _session(database: Database, dry_run: bool) -> AsyncIterator[AsyncSession]:
    """Yields the import's one unit of work; a dry run's session is closed without commit (rolled back)."""
    if dry_run:
        async with database.read_only() as session:
            yield session
            await session.rollback()
    else:
        async with database.unit_of_work() as session:
            yield session


async def _write_organisations(
    session: AsyncSession, organisations: dict[tuple[str, str], dict[str, Any]]
) -> UpsertCount:
    """Upserts every organisation named in the file, in batches."""
    rows = []
    for values in organisations.values():
        row = organisation_row(values)
        for column in _ORGANISATION_KEEP:
            del row[column]
        rows.append(row)
    count = UpsertCount()
    for start in range(0, len(rows), BATCH):
        count += await upsert_rows(session, Organisation.__table__, rows[start : start + BATCH])
    return count


async def _write_listings(
    session: AsyncSession,
    listing_file: ListingFile,
    source: str | None,
    first: _FirstPass,
    report: ImportReport,
    categorizer: Categorizer | None,
    on_progress: Progress | None,
) -> None:
    """Checks the records again, fills missing categories, and upserts the valid ones in batches."""
    ids = await _organisation_ids(session, first.organisations)
    batch: list[dict[str, Any]] = []
    for position, record in enumerate(listing_file.records()):
        if position in first.invalid_positions:
            continue
        listing = check_record(record, source=source)
        assert isinstance(listing, Listing), "the first pass found this record valid"
        values = dict(listing.opportunity, organisation_id=ids[listing.organisation_key])
        _categorise(values, categorizer, report)
        batch.append(opportunity_row(values))
        if len(batch) >= BATCH:
            await _flush(session, batch, report, on_progress)
    await _flush(session, batch, report, on_progress)


async def _organisation_ids(
    session: AsyncSession, organisations: dict[tuple[str, str], dict[str, Any]]
) -> dict[tuple[str, str], int]:
    """Maps each (source, external_id) of the file's organisations to its database id."""
    by_source: dict[str, list[str]] = {}
    for source, external_id in organisations:
        by_source.setdefault(source, []).append(external_id)
    ids: dict[tuple[str, str], int] = {}
    for source, external_ids in by_source.items():
        found = await organisation_ids(session, source, external_ids)
        ids.update({(source, external_id): id_ for external_id, id_ in found.items()})
    return ids


def _categorise(values: dict[str, Any], categorizer: Categorizer | None, report: ImportReport) -> None:
    """Asks the categorizer for the categories of a listing that has none; counts what stays empty."""
    if values.get("categories"):
        return
    keys = [key for key in categorizer(values["title"], values["description"]) if is_category(key)] if categorizer else []
    if keys:
        values["categories"] = keys
        report.categorised += 1
    else:
        report.uncategorised += 1


async def _flush(
    session: AsyncSession, batch: list[dict[str, Any]], report: ImportReport,
    on_progress: Progress | None,
) -> None:
    """Upserts one batch of listings and counts it."""
    if not batch:
        return
    count = await upsert_rows(session, Opportunity.__table__, batch)
    report.inserted += count.inserted
    report.updated += count.updated
    if on_progress:
        on_progress(len(batch), report.valid)
    batch.clear()
