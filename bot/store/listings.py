"""Writing listings in bulk: derived columns and upserts keyed by (source, external id).

Seeding, imports and the guided chat all write opportunities through these functions, so the bitmask
columns always mirror the readable lists and a feed can be synced again and again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.dialect import dialect_of
from bot.categories import category_mask
from bot.domain import time_mask
from bot.store.models import Opportunity, Organisation
from bot.store.states import listing_state
from bot.store.types import utcnow

# The columns writers fill: organisation_name is the database's own (migration 0019), never written here, so an
# upsert cannot blank it.
OPPORTUNITY_COLUMNS = frozenset(column.key for column in Opportunity.__table__.columns) - {"organisation_name"}
ORGANISATION_COLUMNS = frozenset(column.key for column in Organisation.__table__.columns)
# Columns a re-import must not overwrite: the row's identity and its history.
_KEEP_ON_UPDATE = {"id", "source", "external_id", "created_at"}


@dataclass(frozen=True, slots=True)
class UpsertCount:
    """How many rows a bulk write inserted and how many it updated."""

    inserted: int = 0
    updated: int = 0

    def __add__(self, other: UpsertCount) -> UpsertCount:
        return UpsertCount(self.inserted + other.inserted, self.updated + other.updated)


def opportunity_row(values: Mapping[str, Any], *, now: datetime | None = None) -> dict[str, Any]:
    """Returns a complete row for the opportunities table: masks and the state derived (bot.store.states),
    timestamps and defaults set."""
    unknown = set(values) - OPPORTUNITY_COLUMNS
    if unknown:
        raise ValueError(f"unknown opportunity fields: {', '.join(sorted(unknown))}")
    now = now or utcnow()
    row: dict[str, Any] = {column: None for column in OPPORTUNITY_COLUMNS if column != "id"}
    row.update(
        description="",
        categories=[],
        time_tags=[],
        languages=[],
        remote=False,
        accessible=False,
        newcomer_friendly=False,
        status="draft",
        source="bot",
        created_at=now,
        updated_at=now,
    )
    row.update(values)
    row["categories"] = list(dict.fromkeys(row["categories"] or []))
    row["time_tags"] = list(dict.fromkeys(row["time_tags"] or []))
    row["languages"] = list(dict.fromkeys(row["languages"] or []))
    row["category_mask"] = category_mask(row["categories"])
    row["time_mask"] = time_mask(row["time_tags"])
    # The state where the listing lies, by the gazetteer: the search of a whole state filters on it.
    row["state"] = listing_state(row["postal_code"], row["lat"], row["lon"], row["state"])
    return row


def organisation_row(values: Mapping[str, Any], *, now: datetime | None = None) -> dict[str, Any]:
    """Returns a complete row for the organisations table."""
    unknown = set(values) - ORGANISATION_COLUMNS
    if unknown:
        raise ValueError(f"unknown organisation fields: {', '.join(sorted(unknown))}")
    now = now or utcnow()
    row: dict[str, Any] = {column: None for column in ORGANISATION_COLUMNS if column != "id"}
    row.update(kind="e_v", verified=False, source="bot", created_at=now, updated_at=now)
    row.update(values)
    return row


async def upsert_rows(session: AsyncSession, table: Any, rows: Sequence[dict[str, Any]]) -> UpsertCount:
    """Inserts rows, or updates the row with the same (source, external_id); returns the counts.

    Rows without an external_id are always inserted. Runs in the caller's unit of work (no commit here).
    """
    if not rows:
        return UpsertCount()
    keyed = [row for row in rows if row.get("external_id") is not None]
    plain = [row for row in rows if row.get("external_id") is None]
    existing = await _existing_keys(session, table, keyed)
    if plain:
        await session.execute(table.insert(), plain)
    if keyed:
        insert = pg_insert if dialect_of(session) == "postgresql" else sqlite_insert
        statement = insert(table)
        updates = {name: statement.excluded[name] for name in keyed[0] if name not in _KEEP_ON_UPDATE}
        statement = statement.on_conflict_do_update(index_elements=["source", "external_id"], set_=updates)
        await session.execute(statement, keyed)
    updated = sum(1 for row in keyed if (row["source"], row["external_id"]) in existing)
    return UpsertCount(inserted=len(rows) - updated, updated=updated)


async def _existing_keys(session: AsyncSession, table: Any, rows: Iterable[dict[str, Any]]) -> set[tuple[str, str]]:
    """Returns which (source, external_id) pairs of the rows are already stored."""
    keys = list({(row["source"], row["external_id"]) for row in rows})
    found: set[tuple[str, str]] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        result = await session.execute(
            select(table.c.source, table.c.external_id).where(tuple_(table.c.source, table.c.external_id).in_(chunk))
        )
        found.update((source, external_id) for source, external_id in result)
    return found


async def organisation_ids(session: AsyncSession, source: str, external_ids: Iterable[str]) -> dict[str, int]:
    """Maps an import's organisation keys to database ids."""
    table = Organisation.__table__
    wanted = list(set(external_ids))
    mapping: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        result = await session.execute(
            select(table.c.external_id, table.c.id).where(table.c.source == source, table.c.external_id.in_(chunk))
        )
        mapping.update({external_id: id_ for external_id, id_ in result})
    return mapping
