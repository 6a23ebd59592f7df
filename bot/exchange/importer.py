"""Importing a listing file: check every record, upsert organisations and listings, all or nothing.

One pass over the file, in one unit of work: each valid record joins a batch that is upserted as it fills,
so memory stays flat for large feeds. The transaction is rolled back at the end when a record was invalid
(unless invalid ones are to be skipped) or on a dry run. After the first invalid record the import stops
writing but keeps checking, so the report still names every bad row.
"""

from __future__ import annotations

import time
from collections.abc import Callable
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
# (rows just written, rows in the file), called after each batch so a terminal can show progress.
Progress = Callable[[int, int], None]
BATCH = 250  # also how often progress moves
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
    geocoded: int = 0
    zeros_restored: int = 0  # postal codes a spreadsheet had shortened to four digits (1067 for 01067)
    descriptions_shortened: int = 0  # descriptions longer than validate.MAX_DESCRIPTION, cut
    categorised: int = 0
    uncategorised: int = 0
    time_tagged: int = 0  # rows without time tags that got the NLU's
    organisation_conflicts: int = 0
    written: bool = False
    refused: bool = False  # invalid records stopped the import (no --skip-invalid)
    dry_run: bool = False


class _RollBack(Exception):
    """Ends the unit of work without committing (invalid records, or a dry run)."""


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
    """Checks every record; writes nothing if one is bad (unless skip_invalid), and nothing on a dry run.

    source overrides the file's source column. A dry run writes in a transaction that is rolled back, so its
    counts are exactly those of a real run.
    """
    started = time.monotonic()
    report = ImportReport(dry_run=dry_run)
    total = sum(1 for _ in listing_file.records()) if on_progress else 0  # parsing only: cheap
    try:
        async with database.unit_of_work() as session:
            batches = _Batches(session, report, categorizer, on_progress, total)
            await _check_and_write(listing_file, source, skip_invalid, report, batches)
            if dry_run or (report.invalid and not skip_invalid):
                raise _RollBack
    except _RollBack:
        pass
    report.refused = bool(report.invalid) and not skip_invalid
    if report.refused:
        # Rolled back: the counts of the rows written before the first invalid one would mislead.
        report.inserted = report.updated = report.categorised = report.uncategorised = 0
        report.organisations = UpsertCount()
        report.skipped = report.read
    else:
        report.skipped = report.invalid
        report.written = not dry_run and report.valid > 0
    if report.written:
        await database.refresh_statistics()
    report.seconds = time.monotonic() - started
    return report


async def _check_and_write(
    listing_file: ListingFile, source: str | None, skip_invalid: bool, report: ImportReport, batches: _Batches
) -> None:
    """Checks each record (duplicates within the file too) and hands valid ones to the batches."""
    seen: dict[tuple[str, str], str] = {}
    organisations: dict[tuple[str, str], dict[str, Any]] = {}
    for record in listing_file.records():
        report.read += 1
        checked = check_record(record, source=source)
        if isinstance(checked, Listing) and checked.key in seen:
            checked = [_duplicate(checked, seen[checked.key])]
        if not isinstance(checked, Listing):
            report.invalid += 1
            report.problems += checked
            continue
        report.valid += 1
        seen[checked.key] = checked.where
        report.derived_ids += checked.derived_id
        report.default_status += checked.default_status
        report.geocoded += checked.geocoded
        report.zeros_restored += checked.zero_restored
        report.descriptions_shortened += checked.shortened
        # The first record naming an organisation decides its values; later differences are counted.
        known = organisations.setdefault(checked.organisation_key, checked.organisation)
        if known is not checked.organisation and known != checked.organisation:
            report.organisation_conflicts += 1
        if skip_invalid or not report.invalid:
            await batches.add(checked, new_organisation=known is checked.organisation)
    await batches.flush()


def _duplicate(listing: Listing, first_where: str) -> Problem:
    """Explains that a record repeats an earlier one."""
    if listing.derived_id:
        reason = (f"the same organisation, title and place as {first_where}; "
                  "give each listing its own external_id")
    else:
        reason = f"'{listing.opportunity['external_id']}' is used by {first_where} already"
    return Problem(listing.where, "external_id", reason)


class _Batches:
    """Collects valid listings and upserts them with their new organisations, a batch at a time."""

    def __init__(
        self, session: AsyncSession, report: ImportReport, categorizer: Categorizer | None,
        on_progress: Progress | None, total: int,
    ) -> None:
        self.session, self.report, self.categorizer = session, report, categorizer
        self.on_progress, self.total = on_progress, total
        self.listings: list[Listing] = []
        self.new_organisations: list[dict[str, Any]] = []
        self.organisation_ids: dict[tuple[str, str], int] = {}

    async def add(self, listing: Listing, *, new_organisation: bool) -> None:
        """Adds a listing (and its organisation when first seen); writes when the batch is full."""
        self.listings.append(listing)
        if new_organisation:
            self.new_organisations.append(listing.organisation)
        if len(self.listings) >= BATCH:
            await self.flush()

    async def flush(self) -> None:
        """Upserts the pending organisations, then the pending listings."""
        if not self.listings:
            return
        await self._write_organisations()
        rows = [opportunity_row(self._values(listing)) for listing in self.listings]
        count = await upsert_rows(self.session, Opportunity.__table__, rows)
        self.report.inserted += count.inserted
        self.report.updated += count.updated
        if self.on_progress:
            self.on_progress(len(rows), self.total)
        self.listings.clear()

    async def _write_organisations(self) -> None:
        """Upserts the organisations first seen in this batch and learns their ids."""
        if not self.new_organisations:
            return
        rows = []
        for values in self.new_organisations:
            row = organisation_row(values)
            for column in _ORGANISATION_KEEP:
                del row[column]  # left out, so an update keeps the stored value and an insert takes the default
            rows.append(row)
        self.report.organisations += await upsert_rows(self.session, Organisation.__table__, rows)
        by_source: dict[str, list[str]] = {}
        for values in self.new_organisations:
            by_source.setdefault(values["source"], []).append(values["external_id"])
        for source, external_ids in by_source.items():
            found = await organisation_ids(self.session, source, external_ids)
            self.organisation_ids.update({(source, external_id): id_ for external_id, id_ in found.items()})
        self.new_organisations.clear()

    def _values(self, listing: Listing) -> dict[str, Any]:
        """Returns a listing's column values with its organisation id and, if it has none, categories."""
        values = dict(listing.opportunity, organisation_id=self.organisation_ids[listing.organisation_key])
        tags = getattr(self.categorizer, "tags", None)  # the NLU's categories and time tags at once
        if tags is not None and not values.get("time_tags"):
            found, times = tags(values["title"], values["description"])
            if times:  # what the text says about when is kept, not dropped
                values["time_tags"] = list(times)
                self.report.time_tagged += 1
        elif values.get("categories"):
            return values
        else:
            found = self.categorizer(values["title"], values["description"]) if self.categorizer else []
        if values.get("categories"):
            return values
        keys = [key for key in found if is_category(key)]
        if keys:
            values["categories"] = keys
            self.report.categorised += 1
        else:
            self.report.uncategorised += 1
        return values
