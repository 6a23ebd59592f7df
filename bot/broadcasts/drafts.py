"""An admin's announcement drafts: the newest one is what their typed answers are about."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain import BroadcastStatus
from bot.store.models import Broadcast


async def newest_draft_of(session: AsyncSession, admin_telegram_id: int) -> int | None:
    """Returns the id of the admin's newest draft, if any."""
    return await session.scalar(
        select(Broadcast.id).where(Broadcast.created_by == admin_telegram_id,
                                   Broadcast.status == BroadcastStatus.DRAFT.value)
        .order_by(Broadcast.id.desc()).limit(1)
    )
