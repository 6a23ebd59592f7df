"""Exporting listings with their organisation as JSON or CSV, streamed in batches so memory stays flat.

Rows are read as plain tuples (no ORM objects) page by page along the primary key, and written as they come.
"""

from __future__ import annotations

import csv
import json
import textwrap
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from contextlib import aclosing
from datetime import date, datetime
from typing import Any, Literal, TextIO

from sqlalchemy import Select, select

from bot.exchange.schema import FIELD_NAMES, FIELDS
from bot.store.db import Database
from bot.store.models import Opportunity, Organisation

ExportFormat = Literal["json", "csv"]
BATCH = 1000
# Cells starting with these are formulas to a spreadsheet (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_LIST_SEPARATOR = "|"


async def listing_records(
    database: Database, *, status: str | None = "published", source: str | None = None, batch: int = BATCH
) -> AsyncGenerator[dict[str, Any], None]:
    """Yields exchange records (field name -> JSON-ready value) in id order; status None means every status."""
    after = 0
    async with database.read_only() as session:
        while True:
            rows = (await session.execute(_page(status, source, after, batch))).all()
            for row in rows:
                yield _record(row)
            if len(rows) < batch:
                return
            after = rows[-1][0]


def _page(status: str | None, source: str | None, after: int, batch: int) -> Select[Any]:
    """Selects one page of listings joined with their organisation, after a given id."""
    listing, organisation = Opportunity.__table__, Organisation.__table__
    columns = [(listing if field.table == "opportunity" else organisation).c[field.column] for field in FIELDS]
    query = (
        select(listing.c.id, *columns)
        .join_from(listing, organisation, listing.c.organisation_id == organisation.c.id)
        .where(listing.c.id > after)
        .order_by(listing.c.id)
        .limit(batch)
    )
    if status:
        query = query.where(listing.c.status == status)
    if source:
        query = query.where(listing.c.source == source)
    return query


def _record(row: Any) -> dict[str, Any]:
    """Turns one selected row (id first) into an exchange record with ISO dates."""
    return {name: _plain(value) for name, value in zip(FIELD_NAMES, row[1:])}


def _plain(value: Any) -> Any:
    """Writes dates and times as ISO text (times in UTC with their offset); lists as plain lists."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


async def write_json(records: AsyncIterator[dict[str, Any]], out: TextIO) -> int:
    """Writes a JSON array, one indented record after the other; returns how many."""
    count = 0
    out.write("[")
    async for record in records:
        out.write(",\n" if count else "\n")
        # json.dumps escapes line breaks inside strings, so indenting its lines never touches a value.
        out.write(textwrap.indent(json.dumps(record, ensure_ascii=False, indent=2), "  "))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


async def write_csv(records: AsyncIterator[dict[str, Any]], out: TextIO, *, excel_safe: bool = False) -> int:
    """Writes CSV with one heading row; excel_safe is for opening in German Excel (see SCHEMA.md).

    Without excel_safe every value is written verbatim, so an export imports back exactly.
    """
    # "\r\n" (RFC 4180): the csv module then quotes cells containing a lone "\r" too, keeping them verbatim.
    if excel_safe:
        out.write("\ufeff")  # the byte order mark makes Excel read UTF-8 (umlauts) instead of Windows-1252
    writer = csv.writer(out, delimiter=";" if excel_safe else ",", lineterminator="\r\n")
    writer.writerow(FIELD_NAMES)
    count = 0
    async for record in records:
        writer.writerow([_cell(record[name], excel_safe) for name in FIELD_NAMES])
        count += 1
    return count


def _cell(value: Any, excel_safe: bool) -> str:
    """Formats one CSV cell: empty for none, true/false, lists joined with '|', numbers exactly."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return _LIST_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, float):
        return repr(value)
    text = str(value)
    if excel_safe and isinstance(value, str) and text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


async def export_listings(
    database: Database,
    out: TextIO,
    *,
    format: ExportFormat = "json",
    status: str | None = "published",
    source: str | None = None,
    excel_safe: bool = False,
    on_record: Callable[[], None] | None = None,
) -> int:
    """Streams listings with their organisation to a text stream; returns how many were written."""
    # aclosing ends the database session even when writing fails half-way (a closed pipe, a full disk).
    async with aclosing(listing_records(database, status=status, source=source)) as records:
        counted = _counted(records, on_record) if on_record else records
        if format == "csv":
            return await write_csv(counted, out, excel_safe=excel_safe)
        return await write_json(counted, out)


async def _counted(
    records: AsyncIterator[dict[str, Any]], on_record: Callable[[], None]
) -> AsyncIterator[dict[str, Any]]:
    """Passes records through, telling on_record about each (for a progress line)."""
    async for record in records:
        on_record()
        yield record
