"""Moderation in the chat: admins are told of new listings, decide with buttons, and /pruefen lists the queue."""

from __future__ import annotations

import functools
import logging

from sqlalchemy.ext.asyncio import AsyncSession

from bot.admins import AdminScope, NotAllowed
from bot.ads.contacts import member_ids
from bot.ads.review import waiting_ads
from bot.alerts import AlertDue, alerts_for_published_listing
from bot.conversation import state
from bot.moderation import notices, review
from bot.moderation.notices import NoticeCopy
from bot.moderation.review import Decision, NotPending
from bot.posting import drafts
from bot.store.types import utcnow
from bot.telegram import notify
from bot.telegram.callbacks import ModerateButton, ReviewQueueButton
from bot.telegram.context import Turn
from bot.telegram.formatting import excerpt, line
from bot.telegram.menus import jobs as menu_jobs
from bot.telegram.posting.buttons import ModerationAction, moderation_buttons, queue_buttons
from bot.telegram.posting.render import organisation_name, preview_messages
from bot.telegram.sending import View
from bot.texts import t
from nlu.kernel.gazetteer import get_gazetteer

log = logging.getLogger(__name__)
REJECTING = "reject:"  # ChatState.awaiting for an admin asked for a rejection reason, followed by the listing id
QUEUE_SHOWN = 10
# Enough of a listing's description to judge it in the queue, ten to a page (details: the new-listing message,
# or ✎ to open it whole); with the other fields far below Telegram's 4,096 characters.
QUEUE_EXCERPT = 700


async def review_command(turn: Turn[None]) -> None:
    """Lists the oldest listings waiting for review in the admin's region, with paging and state filters, then
    the volunteers' ads waiting there."""
    scope = await turn.admin()
    ads = await waiting_ads(turn.session, scope, limit=QUEUE_SHOWN) if scope is not None else []
    await _show_queue(turn, state_code=0, offset=0, ads_follow=bool(ads))
    if ads:
        turn.reply(View(t(turn.lang, "ads.queue", count=len(ads))))
    bot, database = turn.context.bot, turn.services.database
    for entry in ads:
        notes = await notify.notes_for_ad_review(turn.session, entry.ad_id, [], only=turn.user_id)
        turn.later(functools.partial(notify.deliver_ad_review, bot, database, entry.ad_id, notes))


async def review_queue_button(turn: Turn[ReviewQueueButton]) -> None:
    """Shows another page of the review queue, or one state of it."""
    turn.answer()
    await _show_queue(turn, state_code=turn.button.state_code, offset=turn.button.offset)


async def _show_queue(turn: Turn[None] | Turn[ReviewQueueButton], *, state_code: int, offset: int,
                      ads_follow: bool = False) -> None:
    """Sends the true count, one page of entries with their buttons, and the paging and filter buttons.

    Each entry is sent at once (not queued) so its message id can be remembered: a decision updates it too.
    """
    lang, scope = turn.lang, await turn.admin()
    if scope is None:
        turn.reply(View(t(lang, "moderation.not_admin")))
        return
    states = get_gazetteer().states()  # admin1 code ("05") -> name ("Hessen"), as listings store it
    state_name = states.get(f"{state_code:02d}") if state_code else None
    page = await review.queue_page(turn.session, scope, offset=offset, limit=QUEUE_SHOWN, state=state_name)
    if not page.entries:
        if not ads_follow:  # volunteers' ads waiting are listed after this
            turn.reply(View(t(lang, "moderation.queue_empty")))
        return
    # filtered to a state: the count is that state's, and says so
    turn.reply(View(t(lang, "moderation.queue_in_state", count=page.total, state=state_name) if state_name
                    else t(lang, "moderation.queue", count=page.total)))
    bot, chat_id, database = turn.context.bot, turn.user_id, turn.services.database
    for entry in page.entries:
        text = t(lang, "moderation.entry", title=line(entry.title, 120), organisation=line(entry.organisation, 120),
                 place=line(entry.place or "online", 60),
                 excerpt=excerpt(entry.description, QUEUE_EXCERPT)).rstrip()  # a listing without a description
        markup = moderation_buttons(entry.opportunity_id, entry.organisation_id, lang)
        turn.later(functools.partial(notify.deliver_review, bot, database, entry.opportunity_id,
                                     [notify.Note(chat_id, text, markup)]))
    codes = {name: int(code) for code, name in states.items()}
    # a page of one ("Nr. 6 von 6", or the only one waiting) is not a range "6–6"
    position = "moderation.queue_position_single" if len(page.entries) == 1 else "moderation.queue_position"
    turn.reply(View(t(lang, position, first=page.offset + 1, last=page.offset + len(page.entries), count=page.total),
                    queue_buttons(page, state_code, codes, lang)))


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
    if key == "moderation.toast_verified":  # its members may contact volunteers now: their menus say so
        members, context = await member_ids(turn.session, turn.button.target_id), turn.context
        turn.later(lambda: menu_jobs.refresh(context, members))
    if decision is not None:
        message = turn.query.message
        pressed = [NoticeCopy(message.chat.id, message.message_id)] if message is not None else []
        await _close_copies(turn, decision, pressed)
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
    if not review.says_why(message.text):  # "👎": the club would not learn what to change; the question stays
        turn.reply(View(t(turn.lang, "moderation.reason_in_words")))
        return True
    state.close(question)
    decision, key = await _reject(session, await turn.admin(), int(awaiting.removeprefix(REJECTING)), message.text)
    turn.reply(View(t(turn.lang, key)))
    if decision is not None:
        await _close_copies(turn, decision, [])
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


async def _close_copies(turn: Turn[ModerateButton] | Turn[None], decision: Decision,
                        pressed: list[NoticeCopy]) -> None:
    """Has every admin's copy of the decided listing say what was decided and by whom (after the commit).

    The copy pressed is included even when it was sent before copies were remembered.
    """
    copies = await notices.take(turn.session, decision.opportunity_id)
    copies += [copy for copy in pressed if copy not in copies]
    user = turn.update.effective_user
    edits = await notify.edits_for_decision(turn.session, decision, copies, admin=user.first_name if user else "")
    bot = turn.context.bot
    turn.later(lambda: notify.close_copies(bot, edits))


async def _tell_members(turn: Turn[ModerateButton] | Turn[None], decision: Decision) -> None:
    """Tells the organisation's members what was decided about their listing (after the commit)."""
    notes = await notify.notes_for_decision(turn.session, decision)
    bot = turn.context.bot
    turn.later(lambda: notify.deliver(bot, notes))
