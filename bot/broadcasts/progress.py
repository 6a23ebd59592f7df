"""Where a broadcast stands: counts, rate and time left for the status message, and the report at the end."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.broadcasts.outbox import failure_reasons, state_counts
from bot.domain import BroadcastStatus, DeliveryState
from bot.store.models import Broadcast
from bot.store.types import utcnow


class BroadcastNotFound(LookupError):
    """No broadcast with this id (or not one the admin may see)."""


@dataclass(frozen=True, slots=True)
class Progress:
    """A snapshot of one broadcast's outbox; `rate` counts final outcomes per second."""

    broadcast_id: int
    status: BroadcastStatus
    sent: int
    blocked: int
    failed: int
    pending: int
    sending: int
    audience_complete: bool
    rate: float
    eta_seconds: float | None
    taken_at: datetime
    started_at: datetime | None
    status_chat_id: int | None
    status_message_id: int | None

    @property
    def done(self) -> int:
        """Recipients in a final state (sent, blocked or failed)."""
        return self.sent + self.blocked + self.failed

    @property
    def remaining(self) -> int:
        """Recipients not final yet (waiting or in flight)."""
        return self.pending + self.sending

    @property
    def total(self) -> int:
        """Recipients written to the outbox so far."""
        return self.done + self.remaining

    @property
    def fraction(self) -> float:
        """Share of recipients done, 0..1 (1 for an empty finished broadcast)."""
        if not self.total:
            return 1.0 if self.status in (BroadcastStatus.DONE, BroadcastStatus.CANCELLED) else 0.0
        return self.done / self.total


@dataclass(frozen=True, slots=True)
class Report:
    """The end of a broadcast: final counts, the most common reasons, how long it took."""

    progress: Progress
    reasons: dict[str, int]
    finished_at: datetime | None

    @property
    def duration_seconds(self) -> float | None:
        """Seconds from start to end, when both are known."""
        started = self.progress.started_at
        if started is None or self.finished_at is None:
            return None
        return max((self.finished_at - started).total_seconds(), 0.0)

    @property
    def average_rate(self) -> float:
        """Final outcomes per second over the whole run."""
        duration = self.duration_seconds
        return self.progress.done / duration if duration else 0.0


async def progress(
    session: AsyncSession, broadcast_id: int, *, previous: Progress | None = None, now: datetime | None = None
) -> Progress:
    """Returns the broadcast's progress; with the previous snapshot the rate is the recent one."""
    broadcast = await session.get(Broadcast, broadcast_id, populate_existing=True)
    if broadcast is None:
        raise BroadcastNotFound(broadcast_id)
    counts = (await state_counts(session, [broadcast_id]))[broadcast_id]
    return snapshot(broadcast, counts, now=now or utcnow(), previous=previous)


async def report(session: AsyncSession, broadcast_id: int) -> Report:
    """Returns the report of a broadcast (also usable while it runs)."""
    current = await progress(session, broadcast_id)
    broadcast = await session.get(Broadcast, broadcast_id)
    assert broadcast is not None
    return Report(current, await failure_reasons(session, broadcast_id), broadcast.finished_at)


def snapshot(broadcast: Broadcast, counts: dict[str, int], *, now: datetime, previous: Progress | None) -> Progress:
    """Builds a progress snapshot from a broadcast and its counts by delivery state."""
    status = BroadcastStatus(broadcast.status)
    sent, blocked, failed = (counts.get(state.value, 0) for state in
                             (DeliveryState.SENT, DeliveryState.BLOCKED, DeliveryState.FAILED))
    pending, sending = counts.get(DeliveryState.PENDING.value, 0), counts.get(DeliveryState.SENDING.value, 0)
    done = sent + blocked + failed
    rate = _rate(done, now, previous, broadcast.started_at, broadcast.finished_at)
    remaining = pending + sending
    eta: float | None = None  # unknown until the whole audience is written
    if status == BroadcastStatus.RUNNING and broadcast.audience_complete:
        eta = 0.0 if not remaining else (remaining / rate if rate > 0 else None)
    return Progress(
        broadcast_id=broadcast.id, status=status, sent=sent, blocked=blocked, failed=failed, pending=pending,
        sending=sending, audience_complete=broadcast.audience_complete, rate=rate, eta_seconds=eta,
        taken_at=now, started_at=broadcast.started_at, status_chat_id=broadcast.status_chat_id,
        status_message_id=broadcast.status_message_id,
    )


def _rate(
    done: int, now: datetime, previous: Progress | None, started_at: datetime | None, finished_at: datetime | None
) -> float:
    """Returns outcomes per second since the previous snapshot, else since the start."""
    if previous is not None and previous.taken_at < now:
        return max(done - previous.done, 0) / (now - previous.taken_at).total_seconds()
    if started_at is None:
        return 0.0
    elapsed = ((finished_at or now) - started_at).total_seconds()
    return done / elapsed if elapsed > 0 else 0.0


def progress_bar(fraction: float, width: int = 10) -> str:
    """Draws a text progress bar such as ▓▓▓▓░░░░░░ (language-neutral, for the status message)."""
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "▓" * filled + "░" * (width - filled)
