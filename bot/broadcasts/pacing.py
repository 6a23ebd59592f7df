"""One send rate for all processes on a PostgreSQL: they reserve send time in a shared row before sending.

Telegram's limit (about 30 messages per second) is per bot, not per process. Each process paces its own
sends (limits.RateLimiter); with several processes on one database, each claim of recipients first
reserves the time its sends need in the broadcast_pacing row: the row's next_slot moves on by one
interval per recipient, under its row lock, so the reservations of all processes follow one another and
together never exceed the configured rate. The process then starts that block of sends no earlier than
the reserved time.

A 429 pauses everybody: the process that got it moves paused_until (and next_slot) past retry_after, and every
other process sees the pause in its next reservation and pauses too. Sends it had reserved before the 429
still go out: at most its current and its next block, about half a second at the default rate (a 429 they get
in turn only extends the pause; their rows go back to pending). Only offsets ("in 0.4 s") cross between the
database and a process, and all times are the database's clock, so processes on different hosts need no
synchronised clocks.

SQLite serves one process, whose own limiter already is the global one: there these functions are not used.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from bot.store.db import Database

_RESERVE = text(
    "UPDATE broadcast_pacing SET next_slot = GREATEST(next_slot, paused_until, c.now + :not_before) + :span "
    "FROM (SELECT extract(epoch FROM clock_timestamp())::double precision AS now) c WHERE id = 1 "
    "RETURNING next_slot - :span - c.now AS starts_in, GREATEST(paused_until - c.now, 0) AS paused_for"
)
_PAUSE = text(
    "UPDATE broadcast_pacing SET paused_until = GREATEST(paused_until, c.now + :seconds), "
    "next_slot = GREATEST(next_slot, c.now + :seconds) "
    "FROM (SELECT extract(epoch FROM clock_timestamp())::double precision AS now) c WHERE id = 1 RETURNING id"
)
_CREATE_ROW = text(
    "INSERT INTO broadcast_pacing (id, next_slot, paused_until) VALUES (1, 0, 0) ON CONFLICT (id) DO NOTHING"
)


@dataclass(frozen=True, slots=True)
class Reservation:
    """Send time reserved for one block of sends, as seconds from now."""

    starts_in: float  # the block's first send may go this many seconds from now
    paused_for: float  # a pause set by a 429 is still in force for this long (0: none)


async def reserve(database: Database, count: int, *, interval: float, not_before: float = 0.0) -> Reservation:
    """Reserves `count` sends `interval` seconds apart, starting no earlier than `not_before` seconds from now."""
    parameters = {"span": float(count) * interval, "not_before": max(0.0, not_before)}
    async with database.unit_of_work() as session:
        row = (await session.execute(_RESERVE, parameters)).first()
        if row is None:  # the row the migration wrote is gone: write it again
            await session.execute(_CREATE_ROW)
            row = (await session.execute(_RESERVE, parameters)).one()
    return Reservation(starts_in=max(0.0, float(row.starts_in)), paused_for=float(row.paused_for))


async def pause_everyone(database: Database, seconds: float) -> None:
    """Stops every process's sends for `seconds` from now (a longer pause already in force is kept)."""
    parameters = {"seconds": max(0.0, seconds)}
    async with database.unit_of_work() as session:
        if (await session.execute(_PAUSE, parameters)).first() is None:  # the row is gone: write it again
            await session.execute(_CREATE_ROW)
            await session.execute(_PAUSE, parameters)
