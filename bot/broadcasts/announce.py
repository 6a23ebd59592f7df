"""The admin's use cases for announcements: compose, choose the audience, preview, confirm, cancel, list.

Each takes the edge's session (the edge commits the unit of work) and the admin's scope from
bot.admins.admin_scope; the region rules are enforced here, not in the chat flow. Delivery is the runner's
job: after confirm or cancel the edge calls runner.wake().
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.admins import AdminScope, NotAllowed, require_admin
from bot.broadcasts.audience import Audience, count_audience, within_scope
from bot.broadcasts.outbox import state_counts
from bot.broadcasts.progress import BroadcastNotFound, Progress, progress, snapshot
from bot.broadcasts.sending import Announcement
from bot.domain import BroadcastStatus
from bot.store.models import Broadcast
from bot.store.types import utcnow

MAX_TEXT = 4096  # Telegram's limit for a message
MAX_CAPTION = 1024  # and for a photo's caption
PARSE_MODES = (None, "HTML", "MarkdownV2")
ACTIVE = (BroadcastStatus.SCHEDULED.value, BroadcastStatus.RUNNING.value)


class AnnouncementError(ValueError):
    """The announcement cannot be sent as composed (empty, too long, wrong state...)."""


@dataclass(frozen=True, slots=True)
class Preview:
    """What the admin confirms: how many people, which audience, which message."""

    broadcast_id: int
    recipients: int
    audience: Audience
    announcement: Announcement


@dataclass(frozen=True, slots=True)
class BroadcastSummary:
    """One line of the broadcast list."""

    broadcast_id: int
    created_by: int
    created_at: datetime
    scheduled_at: datetime | None
    text: str
    audience: Audience
    progress: Progress


async def create_draft(
    session: AsyncSession,
    *,
    admin: AdminScope | None,
    text: str,
    parse_mode: str | None = None,
    photo_file_id: str | None = None,
) -> int:
    """Stores a composed announcement as a draft for all volunteers (in the admin's region); returns its id."""
    scope = require_admin(admin)
    _check_message(text, parse_mode, photo_file_id)
    audience = within_scope(Audience(), scope) if scope.is_global or len(scope.regions) == 1 else Audience()
    broadcast = Broadcast(created_by=scope.telegram_id, text=text, parse_mode=parse_mode, photo_file_id=photo_file_id,
                          audience=audience.to_json(), status=BroadcastStatus.DRAFT.value)
    session.add(broadcast)
    await session.flush()
    return broadcast.id


async def set_audience(
    session: AsyncSession, *, admin: AdminScope | None, broadcast_id: int, audience: Audience
) -> Audience:
    """Sets the draft's audience, limited to the admin's region; returns the audience as stored."""
    scope = require_admin(admin)
    broadcast = await _own_draft(session, scope, broadcast_id)
    scoped = within_scope(audience, scope)
    broadcast.audience = scoped.to_json()
    return scoped


async def preview(session: AsyncSession, *, admin: AdminScope | None, broadcast_id: int) -> Preview:
    """Counts the people the draft reaches now and returns what they would get."""
    scope = require_admin(admin)
    broadcast = await _own_draft(session, scope, broadcast_id)
    audience = within_scope(Audience.from_json(broadcast.audience), scope)
    announcement = Announcement(broadcast.id, broadcast.text, broadcast.parse_mode, broadcast.photo_file_id)
    return Preview(broadcast.id, await count_audience(session, audience), audience, announcement)


async def confirm(
    session: AsyncSession, *, admin: AdminScope | None, broadcast_id: int, at: datetime | None = None,
    now: datetime | None = None,
) -> datetime:
    """Queues the draft for delivery now or at `at` (aware datetime); returns when it will start."""
    scope = require_admin(admin)
    if at is not None and at.tzinfo is None:
        raise AnnouncementError("give the time with its time zone")
    broadcast = await _own_draft(session, scope, broadcast_id)
    now = now or utcnow()
    # The admin's region may have changed since composing; the stored audience is checked again.
    broadcast.audience = within_scope(Audience.from_json(broadcast.audience), scope).to_json()
    broadcast.status = BroadcastStatus.SCHEDULED.value
    broadcast.scheduled_at = max(at, now) if at is not None else now
    return broadcast.scheduled_at


async def cancel(session: AsyncSession, *, admin: AdminScope | None, broadcast_id: int) -> bool:
    """Cancels a draft, scheduled or running broadcast; returns False when it had already ended.

    Recipients not yet sent end as failed with reason "cancelled" (the runner marks them); those in
    flight at that moment are still delivered and recorded.
    """
    scope = require_admin(admin)
    broadcast = await _visible(session, scope, broadcast_id)
    if broadcast.status in (BroadcastStatus.DONE.value, BroadcastStatus.CANCELLED.value):
        return False
    started = broadcast.status == BroadcastStatus.RUNNING.value
    broadcast.status = BroadcastStatus.CANCELLED.value
    if not started:
        broadcast.finished_at = utcnow()  # nothing was written to the outbox, so nothing to finalise
    return True


async def attach_status_message(
    session: AsyncSession, *, admin: AdminScope | None, broadcast_id: int, chat_id: int, message_id: int
) -> None:
    """Remembers the admin's status message, so progress hooks know which message to edit."""
    scope = require_admin(admin)
    broadcast = await _visible(session, scope, broadcast_id)
    broadcast.status_chat_id, broadcast.status_message_id = chat_id, message_id


async def broadcast_progress(
    session: AsyncSession, *, admin: AdminScope | None, broadcast_id: int, previous: Progress | None = None
) -> Progress:
    """Returns the progress of a broadcast the admin may see."""
    await _visible(session, require_admin(admin), broadcast_id)
    return await progress(session, broadcast_id, previous=previous)


async def list_broadcasts(
    session: AsyncSession, *, admin: AdminScope | None, limit: int = 10
) -> list[BroadcastSummary]:
    """Lists running and scheduled broadcasts first, then the most recent others (drafts included)."""
    scope = require_admin(admin)
    active_first = case((Broadcast.status.in_(ACTIVE), 0), else_=1)
    query = select(Broadcast).order_by(active_first, Broadcast.id.desc()).limit(limit)
    if not scope.is_global:
        query = query.where(Broadcast.created_by == scope.telegram_id)
    broadcasts = (await session.execute(query)).scalars().all()
    counts = await state_counts(session, [b.id for b in broadcasts])
    now = utcnow()
    return [
        BroadcastSummary(b.id, b.created_by, b.created_at, b.scheduled_at, b.text, Audience.from_json(b.audience),
                         snapshot(b, counts[b.id], now=now, previous=None))
        for b in broadcasts
    ]


def _check_message(text: str, parse_mode: str | None, photo_file_id: str | None) -> None:
    """Refuses messages Telegram would refuse."""
    if not text.strip():
        raise AnnouncementError("the announcement is empty")
    limit = MAX_CAPTION if photo_file_id else MAX_TEXT
    if len(text) > limit:
        raise AnnouncementError(f"the announcement has {len(text)} characters; at most {limit} fit")
    if parse_mode not in PARSE_MODES:
        raise AnnouncementError(f"unknown parse mode {parse_mode!r}")


async def _visible(session: AsyncSession, scope: AdminScope, broadcast_id: int) -> Broadcast:
    """Loads a broadcast the admin may see: any for admins acting everywhere, their own for regional ones."""
    broadcast = await session.get(Broadcast, broadcast_id)
    if broadcast is None:
        raise BroadcastNotFound(broadcast_id)
    if not scope.is_global and broadcast.created_by != scope.telegram_id:
        raise NotAllowed("this broadcast belongs to another admin")
    return broadcast


async def _own_draft(session: AsyncSession, scope: AdminScope, broadcast_id: int) -> Broadcast:
    """Loads a draft of this admin (only its author edits or confirms it)."""
    broadcast = await _visible(session, scope, broadcast_id)
    if broadcast.created_by != scope.telegram_id:
        raise NotAllowed("only the author can change or confirm a draft")
    if broadcast.status != BroadcastStatus.DRAFT.value:
        raise AnnouncementError("this broadcast is no draft any more")
    return broadcast
