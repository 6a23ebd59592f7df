"""Bulk upserts on PostgreSQL: COPY a batch into a temporary table, then one INSERT ... ON CONFLICT.

bot.store.listings.upsert_rows sends one statement per row through asyncpg's executemany, so the
statement-level triggers that count search terms (migration 0003) run once per row: about 10 ms a row
here. One statement per batch runs them once per batch. Same semantics as upsert_rows: rows are keyed by
(source, external_id), and id, source, external_id and created_at are never overwritten.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.listings import UpsertCount

KEEP_ON_UPDATE = frozenset({"id", "source", "external_id", "created_at"})  # as bot.store.listings does


async def copy_upsert(session: AsyncSession, table: Table, rows: Sequence[dict[str, Any]]) -> UpsertCount:
    """Upserts rows (all with source and external_id) in one statement; returns inserted/updated counts."""
    if not rows:
        return UpsertCount()
    columns = [name for name in rows[0] if name != "id"]
    stage = f"seed_stage_{table.name}"
    connection = await session.connection()
    # Through SQLAlchemy first: that begins the unit of work's transaction, which the raw calls then join.
    types = _column_types(table, columns, connection.dialect)
    await connection.exec_driver_sql(
        f'CREATE TEMPORARY TABLE IF NOT EXISTS "{stage}" ({types}) ON COMMIT DELETE ROWS')
    await connection.exec_driver_sql(f'TRUNCATE "{stage}"')
    driver = (await connection.get_raw_connection()).driver_connection
    assert driver is not None  # an open asyncpg connection
    if not driver.is_in_transaction():
        raise RuntimeError("bulk upsert outside a transaction: the staged rows would vanish at once")
    await driver.copy_records_to_table(stage, records=[_record(row, columns) for row in rows], columns=columns)
    names = ", ".join(f'"{name}"' for name in columns)
    updates = ", ".join(f'"{name}" = excluded."{name}"' for name in columns if name not in KEEP_ON_UPDATE)
    # xmax is 0 on a freshly inserted row version and set on one that replaced an existing row.
    flags = await driver.fetch(
        f'INSERT INTO "{table.name}" ({names}) SELECT {names} FROM "{stage}" '
        f"ON CONFLICT (source, external_id) DO UPDATE SET {updates} RETURNING (xmax = 0) AS inserted")
    inserted = sum(1 for flag in flags if flag["inserted"])
    return UpsertCount(inserted=inserted, updated=len(flags) - inserted)


def _column_types(table: Table, columns: list[str], dialect: Dialect) -> str:
    """Returns the staging table's column definitions, with the target's PostgreSQL types."""
    return ", ".join(f'"{name}" {table.c[name].type.compile(dialect=dialect)}' for name in columns)


def _record(row: dict[str, Any], columns: list[str]) -> tuple[Any, ...]:
    """Returns one row as COPY wants it: lists and dicts as JSON text for jsonb, the rest as it is."""
    return tuple(json.dumps(row[name], ensure_ascii=False) if isinstance(row[name], list | dict) else row[name]
                 for name in columns)
