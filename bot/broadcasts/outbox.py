"""The durable outbox: one row per recipient and broadcast, claimed, sent and marked in short transactions.

Each function here is one short unit of work of its own, because the engine's progress must be durable
step by step (a recipient is marked sent right after the send), not at the end of some outer transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Integer, String, any_, exists, func, literal, or_, select, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

from bot.broadcasts.audience import Audience, groups, page_query
from bot.broadcasts.sending import Announcement
from bot.domain import BroadcastStatus, DeliveryState
from bot.store.db import Database
from bot.store.dialect import insert_for
from bot.store.models import Broadcast, BroadcastDelivery, table_of
from bot.store.types import utcnow
from bot.volunteers.profile import remember_blocked

DELIVERIES = table_of(BroadcastDelivery)
BROADCASTS = table_of(Broadcast)
UNKNOWN_AFTER_CRASH = "unknown after crash"
CANCELLED = "cancelled"
OPEN_STATES = (DeliveryState.PENDING.value, DeliveryState.SENDING.value)


Guard = Callable[[Awaitable[Any]], Awaitable[Any]]


async def _unguarded(write: Awaitable[Any]) -> Any:
    """Runs a write as it is."""
    return await write


@dataclass(frozen=True, slots=True)
class Claimed:
    """A recipient this worker claimed and now owns until it records an outcome."""

    id: int
    chat_id: int
    attempts: int


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to a claimed recipient; PENDING gives the row back (a 429: nothing was delivered)."""

    id: int
    chat_id: int
    state: DeliveryState
    attempts: int
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Job:
    """A broadcast as the engine needs it: the message, the audience and how far writing got."""

    announcement: Announcement
    audience: Audience
    status: BroadcastStatus
    audience_complete: bool


@dataclass(frozen=True, slots=True)
class QueueState:
    """Whether a broadcast still has recipients to claim, and whether more may be written."""

    status: BroadcastStatus
    audience_complete: bool
    has_pending: bool


async def load_job(database: Database, broadcast_id: int) -> Job | None:
    """Reads a broadcast's message, audience and status; None when it no longer exists."""
    async with database.read_only() as session:
        broadcast = await session.get(Broadcast, broadcast_id)
        if broadcast is None:
            return None
        announcement = Announcement(broadcast.id, broadcast.text, broadcast.parse_mode, broadcast.photo_file_id)
        return Job(announcement, Audience.from_json(broadcast.audience), BroadcastStatus(broadcast.status),
                   broadcast.audience_complete)


async def write_outbox(
    database: Database, broadcast_id: int, audience: Audience, *, page: int, guard: Guard = _unguarded
) -> int:
    """Streams the audience into the outbox page by page; marks it complete unless the broadcast stopped.

    Pages are keyed by the source table's id (keyset pagination) and inserted with the database doing the
    copying, so no recipient passes through Python. A duplicate (broadcast, chat) is skipped, which makes a
    rerun after a crash, or a second process writing the same broadcast, harmless. Each page is one short
    transaction run through `guard` (the engine's Shield). Returns the rows added.
    """
    added = 0
    for group in groups(audience):
        after: int | None = 0
        while after is not None:
            written = await guard(_write_page(database, broadcast_id, audience, group, after=after, page=page))
            if written is None:
                return added  # the broadcast stopped running
            count, after = written
            added += count
    async with database.unit_of_work() as session:
        await session.execute(
            update(BROADCASTS)
            .where(BROADCASTS.c.id == broadcast_id, BROADCASTS.c.status == BroadcastStatus.RUNNING.value)
            .values(audience_complete=True)
        )
    return added


async def _write_page(
    database: Database, broadcast_id: int, audience: Audience, group: str, *, after: int, page: int
) -> tuple[int, int | None] | None:
    """Writes the next page of a group; returns (rows added, key to continue after or None at the end).

    Returns None when the broadcast is no longer running.
    """
    dialect = database.engine.dialect.name
    key, chat_id, query = page_query(group, audience, dialect)
    async with database.unit_of_work() as session:
        if await _status(session, broadcast_id) != BroadcastStatus.RUNNING:
            return None
        page_keys = query.where(key > after).order_by(key).limit(page).subquery()
        upto = (await session.execute(select(func.max(page_keys.c[0])))).scalar_one()
        if upto is None:
            return 0, None
        rows = query.with_only_columns(
            literal(broadcast_id, BigInteger),
            chat_id,
            literal(DeliveryState.PENDING.value, String),
            literal(0, Integer),
            maintain_column_froms=True,
        ).where(key > after, key <= upto)
        return await _insert_ignoring_duplicates(session, dialect, rows), int(upto)


async def _insert_ignoring_duplicates(session: AsyncSession, dialect: str, rows: Any) -> int:
    """Copies (broadcast_id, chat_id, state, attempts) rows into the outbox, skipping existing recipients."""
    statement = insert_for(dialect, DELIVERIES).from_select(["broadcast_id", "chat_id", "state", "attempts"], rows)
    result = await session.execute(statement.on_conflict_do_nothing(index_elements=["broadcast_id", "chat_id"]))
    return max(int(result.rowcount or 0), 0)  # type: ignore[attr-defined]


async def claim(database: Database, broadcast_id: int, *, worker: str, limit: int) -> list[Claimed]:
    """Claims up to `limit` pending recipients of a running broadcast for this worker, oldest first.

    PostgreSQL locks the chosen rows with FOR UPDATE SKIP LOCKED, so two processes claiming at the same
    moment take different rows; SQLite has a single writer, so the UPDATE ... RETURNING is atomic anyway.
    """
    running = exists().where(
        BROADCASTS.c.id == broadcast_id, BROADCASTS.c.status == BroadcastStatus.RUNNING.value
    )
    chosen = (
        select(DELIVERIES.c.id)
        .where(DELIVERIES.c.broadcast_id == broadcast_id, DELIVERIES.c.state == DeliveryState.PENDING.value)
        .order_by(DELIVERIES.c.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    statement = (
        update(DELIVERIES)
        .where(DELIVERIES.c.id.in_(chosen), DELIVERIES.c.state == DeliveryState.PENDING.value, running)
        .values(state=DeliveryState.SENDING.value, claimed_by=worker, updated_at=utcnow())
        .returning(DELIVERIES.c.id, DELIVERIES.c.chat_id, DELIVERIES.c.attempts)
    )
    async with database.engine.begin() as connection:
        rows = (await connection.execute(statement)).all()
    return sorted((Claimed(row.id, row.chat_id, row.attempts) for row in rows), key=lambda row: row.id)


async def record(database: Database, outcomes: Sequence[Outcome], *, worker: str) -> None:
    """Stores outcomes in one transaction: final states, rows given back, and people who blocked the bot."""
    grouped: dict[tuple[DeliveryState, str | None, int], list[int]] = defaultdict(list)
    for outcome in outcomes:
        grouped[(outcome.state, outcome.reason, outcome.attempts)].append(outcome.id)
    blocked = sorted({o.chat_id for o in outcomes if o.state == DeliveryState.BLOCKED})
    dialect = database.engine.dialect.name
    now = utcnow()
    async with database.engine.begin() as connection:
        for (state, reason, attempts), ids in grouped.items():
            values: dict[str, Any] = {"state": state.value, "reason": reason, "attempts": attempts, "updated_at": now}
            if state == DeliveryState.PENDING:
                values["claimed_by"] = None
            await connection.execute(
                update(DELIVERIES)
                .where(_among(DELIVERIES.c.id, ids, dialect), DELIVERIES.c.claimed_by == worker)
                .values(**values)
            )
        if blocked:
            # Stop sending them anything else too: alerts and later broadcasts check this flag, which is
            # also kept for organisations' contacts who never searched themselves.
            await remember_blocked(connection, dialect, blocked, now=now)


def _among(column: Any, values: Sequence[int], dialect: str) -> Any:
    """column IN values; on PostgreSQL as = ANY(array), one prepared statement for any number of values."""
    if dialect == "postgresql":
        return column == any_(literal(list(values), ARRAY(BigInteger)))
    return column.in_(list(values))


async def recover_orphans(
    database: Database, broadcast_id: int, *, worker: str, claimed_before: datetime | None
) -> int:
    """Marks rows left in `sending` by a dead worker as failed, never to be sent again (at most once).

    claimed_before=None treats every other worker's row as orphaned (SQLite: one process); otherwise only
    rows claimed before that time are (PostgreSQL: other processes may still be sending theirs).
    """
    conditions = [
        DELIVERIES.c.broadcast_id == broadcast_id,
        DELIVERIES.c.state == DeliveryState.SENDING.value,
        or_(DELIVERIES.c.claimed_by.is_(None), DELIVERIES.c.claimed_by != worker),
    ]
    if claimed_before is not None:
        conditions.append(DELIVERIES.c.updated_at < claimed_before)
    async with database.unit_of_work() as session:
        result = await session.execute(
            update(DELIVERIES)
            .where(*conditions)
            .values(state=DeliveryState.FAILED.value, reason=UNKNOWN_AFTER_CRASH, updated_at=utcnow())
        )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def fail_pending(database: Database, broadcast_id: int, *, reason: str, chunk: int = 5000) -> int:
    """Marks every pending row failed with a reason, in chunks so no transaction holds the writer long."""
    total = 0
    while True:
        chosen = (
            select(DELIVERIES.c.id)
            .where(DELIVERIES.c.broadcast_id == broadcast_id, DELIVERIES.c.state == DeliveryState.PENDING.value)
            .limit(chunk)
        )
        async with database.unit_of_work() as session:
            result = await session.execute(
                update(DELIVERIES)
                .where(DELIVERIES.c.id.in_(chosen), DELIVERIES.c.state == DeliveryState.PENDING.value)
                .values(state=DeliveryState.FAILED.value, reason=reason, updated_at=utcnow())
            )
        changed = int(result.rowcount or 0)  # type: ignore[attr-defined]
        total += changed
        if changed == 0:
            return total


async def queue_state(database: Database, broadcast_id: int) -> QueueState:
    """Reads whether the broadcast runs, is fully written, and has recipients left to claim."""
    pending = exists().where(
        DELIVERIES.c.broadcast_id == broadcast_id, DELIVERIES.c.state == DeliveryState.PENDING.value
    )
    async with database.engine.connect() as connection:
        row = (
            await connection.execute(
                select(BROADCASTS.c.status, BROADCASTS.c.audience_complete, pending.label("has_pending")).where(
                    BROADCASTS.c.id == broadcast_id
                )
            )
        ).one()
    return QueueState(BroadcastStatus(row.status), bool(row.audience_complete), bool(row.has_pending))


async def start_due(database: Database, *, now: datetime) -> list[int]:
    """Starts every scheduled broadcast whose time has come; returns their ids (only one process wins each)."""
    async with database.unit_of_work() as session:
        result = await session.execute(
            update(BROADCASTS)
            .where(BROADCASTS.c.status == BroadcastStatus.SCHEDULED.value, BROADCASTS.c.scheduled_at <= now)
            .values(status=BroadcastStatus.RUNNING.value, started_at=now, updated_at=now)
            .returning(BROADCASTS.c.id)
        )
        return sorted(result.scalars())


async def unfinished(database: Database) -> tuple[list[int], list[int]]:
    """Returns (running broadcasts, cancelled broadcasts whose rows are not all final yet)."""
    async with database.read_only() as session:
        rows = (
            await session.execute(
                select(BROADCASTS.c.id, BROADCASTS.c.status).where(
                    or_(
                        BROADCASTS.c.status == BroadcastStatus.RUNNING.value,
                        (BROADCASTS.c.status == BroadcastStatus.CANCELLED.value) & BROADCASTS.c.finished_at.is_(None),
                    )
                )
            )
        ).all()
    running = sorted(row.id for row in rows if row.status == BroadcastStatus.RUNNING.value)
    return running, sorted(row.id for row in rows if row.status != BroadcastStatus.RUNNING.value)


async def finish_if_complete(database: Database, broadcast_id: int, *, now: datetime) -> bool:
    """Marks a running broadcast done (or a cancelled one finished) once every row is final.

    Returns True for the one caller that made the change, so exactly one process reports the end.
    """
    open_rows = exists().where(DELIVERIES.c.broadcast_id == broadcast_id, DELIVERIES.c.state.in_(OPEN_STATES))
    this = BROADCASTS.c.id == broadcast_id
    async with database.unit_of_work() as session:
        done = await session.execute(
            update(BROADCASTS)
            .where(this, BROADCASTS.c.status == BroadcastStatus.RUNNING.value, BROADCASTS.c.audience_complete,
                   ~open_rows)
            .values(status=BroadcastStatus.DONE.value, finished_at=now, updated_at=now)
        )
        cancelled = await session.execute(
            update(BROADCASTS)
            .where(this, BROADCASTS.c.status == BroadcastStatus.CANCELLED.value, BROADCASTS.c.finished_at.is_(None),
                   ~open_rows)
            .values(finished_at=now, updated_at=now)
        )
    return bool(done.rowcount or cancelled.rowcount)  # type: ignore[attr-defined]


async def state_counts(session: AsyncSession, broadcast_ids: Sequence[int]) -> dict[int, dict[str, int]]:
    """Counts each broadcast's rows by state (the queue index answers this without reading rows)."""
    if not broadcast_ids:
        return {}
    rows = await session.execute(
        select(DELIVERIES.c.broadcast_id, DELIVERIES.c.state, func.count())
        .where(DELIVERIES.c.broadcast_id.in_(list(broadcast_ids)))
        .group_by(DELIVERIES.c.broadcast_id, DELIVERIES.c.state)
    )
    counts: dict[int, dict[str, int]] = {broadcast_id: {} for broadcast_id in broadcast_ids}
    for broadcast_id, state, count in rows:
        counts[broadcast_id][state] = int(count)
    return counts


async def failure_reasons(session: AsyncSession, broadcast_id: int, *, limit: int = 10) -> dict[str, int]:
    """Returns the most common reasons of failed and blocked rows, most frequent first."""
    count = func.count().label("n")
    rows = await session.execute(
        select(DELIVERIES.c.reason, count)
        .where(
            DELIVERIES.c.broadcast_id == broadcast_id,
            DELIVERIES.c.state.in_([DeliveryState.FAILED.value, DeliveryState.BLOCKED.value]),
        )
        .group_by(DELIVERIES.c.reason)
        .order_by(count.desc())
        .limit(limit)
    )
    return {reason or "-": int(n) for reason, n in rows}


async def _status(session: AsyncSession, broadcast_id: int) -> BroadcastStatus | None:
    """Reads a broadcast's status inside a unit of work."""
    status = (await session.execute(select(BROADCASTS.c.status).where(BROADCASTS.c.id == broadcast_id))).scalar()
    return BroadcastStatus(status) if status else None

