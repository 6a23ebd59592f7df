"""The messages that show a waiting listing or ad to admins: remembered when sent, taken back when it is decided."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import ModerationNotice


@dataclass(frozen=True, slots=True)
class NoticeCopy:
    """One admin's copy of a waiting listing: which chat and which message."""

    chat_id: int
    message_id: int


async def remember(session: AsyncSession, opportunity_id: int, copies: Iterable[NoticeCopy]) -> None:
    """Records the messages that show the listing to admins."""
    session.add_all(ModerationNotice(opportunity_id=opportunity_id, chat_id=copy.chat_id, message_id=copy.message_id)
                    for copy in copies)


async def take(session: AsyncSession, opportunity_id: int) -> list[NoticeCopy]:
    """Returns every copy of a decided listing and forgets them (each is updated once)."""
    rows = await session.execute(
        select(ModerationNotice.chat_id, ModerationNotice.message_id)
        .where(ModerationNotice.opportunity_id == opportunity_id).order_by(ModerationNotice.id)
    )
    copies = [NoticeCopy(int(chat_id), int(message_id)) for chat_id, message_id in rows]
    await session.execute(delete(ModerationNotice).where(ModerationNotice.opportunity_id == opportunity_id))
    return copies


async def remember_ad(session: AsyncSession, ad_id: int, copies: Iterable[NoticeCopy]) -> None:
    """Records the messages that show a volunteer's ad to admins."""
    session.add_all(ModerationNotice(ad_id=ad_id, chat_id=copy.chat_id, message_id=copy.message_id) for copy in copies)


async def take_ad(session: AsyncSession, ad_id: int) -> list[NoticeCopy]:
    """Returns every copy of a decided ad and forgets them (each is updated once)."""
    rows = await session.execute(
        select(ModerationNotice.chat_id, ModerationNotice.message_id)
        .where(ModerationNotice.ad_id == ad_id).order_by(ModerationNotice.id)
    )
    copies = [NoticeCopy(int(chat_id), int(message_id)) for chat_id, message_id in rows]
    await session.execute(delete(ModerationNotice).where(ModerationNotice.ad_id == ad_id))
    return copies
