"""Moderation in the chat: admins are told of new listings, decide with buttons, and /pruefen lists the queue."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession

from bot.admins import AdminScope, NotAllowed
from bot.alerts import AlertDue, alerts_for_published_listing
from bot.conversation import state
from bot.moderation import review
from bot.moderation.review import Decision, NotPending
from bot.posting import drafts
from bot.store.types import utcnow
from bot.telegram import notify
from bot.telegram.callbacks import ModerateButton
from bot.telegram.context import Turn
from bot.telegram.formatting import line
from bot.telegram.posting.buttons import ModerationAction, moderation_buttons
from bot.telegram.posting.render import organisation_name, preview_messages
from bot.telegram.sending import View
from bot.texts import t

log = logging.getLogger(__name__)
REJECTING = "reject:"  # ChatState.awaiting for an admin asked for a rejection reason, followed by the listing id
QUEUE_SHOWN = 10


async def review_command(turn: Turn[None]) -> None:
    """Lists the listings waiting for review in the admin's region, each with its buttons."""
    lang, scope = turn.lang, turn.scope
    if scope is None:
        turn.reply(View(t(lang, "moderation.not_admin")))
        return
    entries = await review.pending_queue(turn.session, scope, limit=QUEUE_SHOWN)
    turn.reply(View(t(lang, "moderation.queue", count=len(entries)) if entries else t(lang, "moderation.queue_empty")))
    for entry in entries:
        text = t(lang, "moderation.entry", title=line(entry.title, 120), organisation=line(entry.organisation, 120),
                 place=line(entry.place or "online", 60))
        turn.reply(View(text, moderation_buttons(entry.opportunity_id, entry.organisation_id, lang)))


async def moderate_button(turn: Turn[ModerateButton]) -> None:
    """Approves, asks for a rejection reason, opens for editing or verifies; only admins of the region may."""
    decision: Decision | None = None
    alerts: list[AlertDue] = []
    messages: list[View] = []
    lang, scope = turn.lang, turn.scope  # the presser's scope, never an id from the data
    if scope is None:
        key = "moderation.not_allowed"
    elif turn.button.action == ModerationAction.EDIT:
        key, messages = await _open_for_editing(turn.session, scope, turn.button.target_id, lang)
    else:
        key, decision, alerts = await _decide(turn.session, scope, turn.volunteer.id, turn.button.action,
                                              turn.button.target_id)
    if key == "moderation.ask_reason" or messages:
        # The moderation message keeps its buttons: the admin decides there after asking or editing.
        turn.answer()
        turn.reply_all(messages or [View(t(lang, key))])
        return
    turn.answer(t(lang, key), alert=key in ("moderation.not_allowed", "moderation.already_decided"))
    if decision is not None:
        turn.edit_buttons(None)
        await _tell_members(turn, decision)
        bot, database = turn.context.bot, turn.services.database
        turn.later(lambda: notify.alerts(bot, database, alerts))


async def _open_for_editing(
    session: AsyncSession, scope: AdminScope, opportunity_id: int, lang: str
) -> tuple[str, list[View]]:
    """Opens a pending listing as the admin's draft; returns a refusal key, or the preview to show."""
    try:
        view = await drafts.edit_listing_as_admin(session, scope, opportunity_id)
    except NotAllowed:
        return "moderation.not_allowed", []
    except NotPending:
        return "moderation.already_decided", []
    names = await drafts.preview_organisations(session, scope.telegram_id, view.data)
    return "", preview_messages(view.data, organisation_name(view.data, names), lang)


async def _decide(
    session: AsyncSession, scope: AdminScope, volunteer_id: int, action: int, id_: int
) -> tuple[str, Decision | None, list[AlertDue]]:
    """Runs one moderation button; returns what to tell the admin, the decision and the alerts it releases."""
    try:
        if action == ModerationAction.APPROVE:
            decision = await review.approve(session, scope, id_, now=utcnow())
            return "moderation.toast_approved", decision, await alerts_for_published_listing(session, id_)
        if action == ModerationAction.REJECT:
            # The reason is the admin's next message. Refused or decided listings are said now, not after the
            # reason was typed; the rejection itself checks the scope again then.
            await review.pending_listing(session, scope, id_)
            await state.ask(session, volunteer_id, f"{REJECTING}{id_}")
            return "moderation.ask_reason", None, []
        if action == ModerationAction.VERIFY:
            verified = await review.verify_organisation(session, scope, id_)
            return ("moderation.toast_verified" if verified else "problem.stale"), None, []
    except NotAllowed:
        return "moderation.not_allowed", None, []
    except NotPending:
        return "moderation.already_decided", None, []
    return "problem.stale", None, []


async def take_rejection_reason(turn: Turn[None]) -> bool:
    """Takes an admin's text as the reason for the rejection they started; tells whether it was one."""
    message, session = turn.message, turn.session
    if not message.text or message.text.startswith("/"):
        return False
    awaiting = await state.awaiting_with_prefix(session, turn.user_id, REJECTING)
    if awaiting is None:
        return False
    question = await state.pending_question(session, turn.volunteer.id)
    if question is None:
        return False
    state.close(question)
    decision, key = await _reject(session, await turn.admin(), int(awaiting.removeprefix(REJECTING)), message.text)
    turn.reply(View(t(turn.lang, key)))
    if decision is not None:
        await _tell_members(turn, decision)
    return True


async def _reject(
    session: AsyncSession, scope: AdminScope | None, opportunity_id: int, reason: str
) -> tuple[Decision | None, str]:
    """Rejects with the reason; returns the decision (None when refused) and what to tell the admin."""
    if scope is None:
        return None, "moderation.not_allowed"
    try:
        return await review.reject(session, scope, opportunity_id, reason=reason), "moderation.rejected_done"
    except NotAllowed:
        return None, "moderation.not_allowed"
    except NotPending:
        return None, "moderation.already_decided"


async def _tell_members(turn: Turn[ModerateButton] | Turn[None], decision: Decision) -> None:
    """Tells the organisation's members what was decided about their listing (after the commit)."""
    notes = await notify.notes_for_decision(turn.session, decision)
    bot = turn.context.bot
    turn.later(lambda: notify.deliver(bot, notes))
