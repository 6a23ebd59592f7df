"""The answer route: a private message first goes to the question the bot waits for, if there is one.

Three flows ask questions whose answer is the person's next message: the posting draft (its step in the
database), an admin's rejection reason and an admin's announcement (both in ChatState.awaiting). Every
ordinary search passes here, so one read of both answers "is anything open?" and the usual case costs no
more; only when something is open does its flow load what it needs.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.store.models import ChatState, ListingDraft, Volunteer
from bot.telegram.announcements.steps import QUESTIONS as ANNOUNCEMENT_QUESTIONS
from bot.telegram.announcements import handlers as broadcast
from bot.telegram.moderation import handlers as moderation
from bot.telegram.posting import handlers as posting
from bot.telegram.services import services


async def route_answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Hands the message to the open question's flow and stops the update; with none open it goes on."""
    user, message = update.effective_user, update.effective_message
    if user is None or message is None:
        return
    async with services(context).database.read_only() as session:
        draft_step, awaiting = await waiting_for(session, user.id)
    if draft_step is not None and not message.photo and await posting.draft_message(update, context):
        raise ApplicationHandlerStop
    if awaiting is None:
        return
    if awaiting.startswith(moderation.REJECTING) and await moderation.rejection_reason(update, context):
        raise ApplicationHandlerStop
    if awaiting in ANNOUNCEMENT_QUESTIONS and await broadcast.take_answer(update, context):
        raise ApplicationHandlerStop


async def waiting_for(session: AsyncSession, telegram_id: int) -> tuple[str | None, str | None]:
    """Returns (the draft's step, the awaited answer) of a person in one statement; None where nothing waits."""
    draft = (
        select(ListingDraft.step).where(ListingDraft.telegram_id == telegram_id)
        .order_by(ListingDraft.id.desc()).limit(1).scalar_subquery()
    )
    awaiting = (
        select(ChatState.awaiting).join(Volunteer, Volunteer.id == ChatState.volunteer_id)
        .where(Volunteer.telegram_id == telegram_id).limit(1).scalar_subquery()
    )
    row = (await session.execute(select(draft, awaiting))).one()
    return row[0], row[1]
