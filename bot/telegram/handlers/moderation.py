"""Moderation in the chat: admins are told of new listings, decide with buttons, and /pruefen lists the queue."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot import domain
from bot.admins import AdminScope, NotAllowed, admin_scope
from bot.alerts import AlertDue, alerts_for_published_listing
from bot.moderation import notices, review
from bot.moderation.review import Decision, NotPending
from bot.posting import drafts
from bot.privacy import OrphanedOrganisation
from bot.store.models import AdminRole, ChatState, Opportunity, Organisation, Volunteer
from bot.store.types import utcnow
from bot.telegram import jobs, state
from bot.telegram.handlers.common import pressed, send, volunteer_of
from bot.telegram.posting_buttons import ModerationAction, moderation_buttons, queue_buttons
from bot.telegram.render.posting import listing_details, organisation_name, preview_messages
from bot.telegram.render.text import line
from bot.telegram.services import services
from bot.telegram.views import View
from bot.texts import t
from bot.texts.catalogue import DEFAULT_LANGUAGE
from nlu.gazetteer import get_gazetteer

log = logging.getLogger(__name__)
REJECTING = "reject:"  # ChatState.awaiting for an admin asked for a rejection reason, followed by the listing id
QUEUE_SHOWN = 10


async def notify_admins(context: ContextTypes.DEFAULT_TYPE, opportunity_id: int) -> int:
    """Sends a listing waiting for review to every admin whose region covers it; returns how many got it."""
    settings = services(context).settings
    async with services(context).unit_of_work() as session:
        row = (await session.execute(select(Opportunity, Organisation.name)
                                     .join(Organisation, Organisation.id == Opportunity.organisation_id)
                                     .where(Opportunity.id == opportunity_id))).first()
        if row is None:
            return 0
        listing, organisation = row
        admins = await _admins_covering(session, listing.state, listing.district, settings.admin_ids)
        languages = await languages_of(session, admins)
        messages = {admin: (t(languages[admin], "moderation.new") + "\n\n"
                            + listing_details(listing, organisation, languages[admin]),
                            moderation_buttons(listing.id, listing.organisation_id, languages[admin]))
                    for admin in admins}
    copies = []
    for admin, (text, markup) in messages.items():
        message_id = await send_copy(context.bot, admin, text, markup)
        if message_id is not None:
            copies.append(notices.NoticeCopy(admin, message_id))
    async with services(context).unit_of_work() as session:
        await notices.remember(session, opportunity_id, copies)
    return len(copies)


async def review_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Lists the oldest listings waiting for review in the admin's region, with paging and state filters."""
    await _show_queue(update, context, state_code=0, offset=0)


async def review_queue_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Shows another page of the review queue, or one state of it."""
    query, callback = pressed(update)
    await query.answer()
    code, offset = callback.args if callback is not None else (0, 0)
    await _show_queue(update, context, state_code=code, offset=offset)


async def _show_queue(update: Update, context: ContextTypes.DEFAULT_TYPE, *, state_code: int, offset: int) -> None:
    """Sends the true count, one page of entries with their buttons, and the paging and filter buttons."""
    states = get_gazetteer().states()  # admin1 code ("05") -> name ("Hessen"), as listings store it
    state_name = states.get(f"{state_code:02d}") if state_code else None
    async with services(context).unit_of_work() as session:
        lang = (await volunteer_of(session, update)).language
        scope = await _scope(session, update.effective_user.id, context)  # type: ignore[union-attr]
        page = await review.queue_page(session, scope, offset=offset, limit=QUEUE_SHOWN, state=state_name) \
            if scope else None
    if page is None:
        await send(update, t(lang, "moderation.not_admin"))
        return
    if not page.entries:
        await send(update, t(lang, "moderation.queue_empty"))
        return
    await send(update, t(lang, "moderation.queue", count=page.total))
    copies: list[tuple[int, notices.NoticeCopy]] = []
    for entry in page.entries:
        text = t(lang, "moderation.entry", title=line(entry.title, 120), organisation=line(entry.organisation, 120),
                 place=line(entry.place or "online", 60))
        sent = await send(update, text, moderation_buttons(entry.opportunity_id, entry.organisation_id, lang))
        copies.append((entry.opportunity_id, notices.NoticeCopy(sent.chat_id, sent.message_id)))
    async with services(context).unit_of_work() as session:  # a decision updates these copies too
        for opportunity_id, copy in copies:
            await notices.remember(session, opportunity_id, [copy])
    codes = {name: int(code) for code, name in states.items()}
    await send(update, t(lang, "moderation.queue_position", first=page.offset + 1,
                         last=page.offset + len(page.entries), count=page.total),
               queue_buttons(page, state_code, codes, lang))


async def moderate_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Approves, asks for a rejection reason, opens for editing or verifies; only admins of the region may."""
    query, callback = pressed(update)
    decision: Decision | None = None
    alerts: list[AlertDue] = []
    messages: list[View] = []
    async with services(context).unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        lang = volunteer.language
        scope = await _scope(session, query.from_user.id, context)  # the presser, never an id from the data
        if scope is None or callback is None:
            key = "moderation.not_allowed"
        elif callback.args[0] == ModerationAction.EDIT:
            key, messages = await _open_for_editing(session, scope, callback.args[1], lang)
        else:
            key, decision, alerts = await _decide(session, scope, volunteer.id, *callback.args)
        copies = await notices.take(session, decision.opportunity_id) if decision is not None else []
    if key == "moderation.ask_reason" or messages:
        # The moderation message keeps its buttons: the admin decides there after asking or editing.
        await query.answer()
        for message in messages or [View(t(lang, key))]:
            await send(update, message.text, message.markup)
        return
    await query.answer(t(lang, key), show_alert=key in ("moderation.not_allowed", "moderation.already_decided"))
    if decision is not None:
        pressed_copy = notices.NoticeCopy(query.message.chat.id, query.message.message_id) if query.message else None
        if pressed_copy is not None and pressed_copy not in copies:  # shown before copies were remembered
            copies.append(pressed_copy)
        await close_copies(context, decision, copies, admin=query.from_user.first_name)
        await tell_members(context, decision)
        await jobs.deliver_alerts(context.bot, services(context).database, alerts)


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


async def rejection_reason(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Takes an admin's text as the reason for the rejection they started; tells whether it was one."""
    message, user_id = update.effective_message, update.effective_user.id  # type: ignore[union-attr]
    if message is None or not message.text or message.text.startswith("/"):
        return False
    async with services(context).unit_of_work() as session:
        awaiting = await session.scalar(
            select(ChatState.awaiting).join(Volunteer, Volunteer.id == ChatState.volunteer_id)
            .where(Volunteer.telegram_id == user_id, ChatState.awaiting.like(f"{REJECTING}%"))
        )
        if awaiting is None:
            return False
        volunteer = await volunteer_of(session, update)
        question = await state.pending_question(session, volunteer.id)
        if question is None:
            return False
        state.close(question)
        decision, key = await _reject(session, await _scope(session, user_id, context),
                                      int(awaiting.removeprefix(REJECTING)), message.text)
        copies = await notices.take(session, decision.opportunity_id) if decision is not None else []
    await send(update, t(volunteer.language, key))
    if decision is not None:
        admin = update.effective_user.first_name if update.effective_user else ""
        await close_copies(context, decision, copies, admin=admin)
        await tell_members(context, decision)
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


async def tell_members(context: ContextTypes.DEFAULT_TYPE, decision: Decision) -> None:
    """Tells the organisation's members what was decided about their listing, or that an admin edited it."""
    async with services(context).database.read_only() as session:
        languages = await languages_of(session, decision.member_ids)
    for member in decision.member_ids:
        lang = languages[member]
        title = line(decision.title, 120)
        if decision.action == domain.ModerationAction.EDITED:
            text = t(lang, "moderation.member_edited", title=title)
        elif decision.status == "published":
            text = t(lang, "moderation.member_approved", title=title)
        else:
            text = t(lang, "moderation.member_rejected", title=title, reason=line(decision.reason or "", 1000))
        await _tell(context, member, text, None)


async def tell_admins_orphaned(context: ContextTypes.DEFAULT_TYPE, orphans: Iterable[OrphanedOrganisation]) -> None:
    """Tells the admins of each region that an organisation has no member left and its listings were paused."""
    settings = services(context).settings
    for orphan in orphans:
        async with services(context).database.read_only() as session:
            admins = await _admins_covering(session, orphan.state, orphan.district, settings.admin_ids)
            languages = await languages_of(session, admins)
        for admin in admins:
            await _tell(context, admin, t(languages[admin], "moderation.orphaned", organisation=line(orphan.name, 120),
                                          count=orphan.paused), None)


async def languages_of(session: AsyncSession, telegram_ids: Iterable[int]) -> dict[int, str]:
    """Returns each person's chat language (German for people the bot has not met)."""
    ids = list(telegram_ids)
    rows = await session.execute(select(Volunteer.telegram_id, Volunteer.language)
                                 .where(Volunteer.telegram_id.in_(ids)))
    known = {telegram_id: language for telegram_id, language in rows}
    return {id_: known.get(id_) or DEFAULT_LANGUAGE for id_ in ids}


async def _admins_covering(session: AsyncSession, state_: str | None, district: str | None,
                           admin_ids: list[int]) -> list[int]:
    """Returns the admins (from the settings and the database) whose region covers a place."""
    granted = (await session.execute(select(AdminRole.telegram_id).distinct())).scalars().all()
    found = []
    for telegram_id in sorted(set(admin_ids) | set(granted)):
        scope = await admin_scope(session, telegram_id, admin_ids=admin_ids)
        if scope is not None and scope.covers(state_, district):
            found.append(telegram_id)
    return found


async def _scope(session: AsyncSession, telegram_id: int, context: ContextTypes.DEFAULT_TYPE) -> AdminScope | None:
    """Returns the presser's admin scope (never an id from the button data)."""
    return await admin_scope(session, telegram_id, admin_ids=services(context).settings.admin_ids)


async def _tell(context: ContextTypes.DEFAULT_TYPE, chat_id: int, text: str, markup: object) -> int:
    """Sends one message to a person from a handler."""
    return await send_to(context.bot, chat_id, text, markup)


async def close_copies(context: ContextTypes.DEFAULT_TYPE, decision: Decision, copies: list[notices.NoticeCopy],
                       *, admin: str) -> None:
    """Turns every admin's copy of a decided listing into a line saying what was decided and by whom."""
    if not copies:
        return
    bot = context.bot
    async with services(context).database.read_only() as session:
        languages = await languages_of(session, {copy.chat_id for copy in copies})
    for copy in copies:
        lang = languages.get(copy.chat_id, DEFAULT_LANGUAGE)
        title, who = line(decision.title, 120), line(admin or "?", 60)
        text = (t(lang, "moderation.decided_approved", title=title, admin=who)
                if decision.status == domain.OpportunityStatus.PUBLISHED.value else
                t(lang, "moderation.decided_rejected", title=title, admin=who, reason=line(decision.reason or "", 300)))
        try:
            await bot.edit_message_text(text, chat_id=copy.chat_id, message_id=copy.message_id, reply_markup=None)
        except TelegramError:  # deleted by the admin, too old to edit, or the same text already
            log.info("moderation copy %s/%s not updated", copy.chat_id, copy.message_id)


async def send_copy(bot: Bot, chat_id: int, text: str, markup: object) -> int | None:
    """Sends one message to a person and returns its id; a blocked bot or another failure is logged."""
    try:
        sent = await bot.send_message(chat_id, text, reply_markup=markup)  # type: ignore[arg-type]
    except TelegramError:
        log.warning("message to %s not sent", chat_id)
        return None
    return sent.message_id


async def send_to(bot: Bot, chat_id: int, text: str, markup: object) -> int:
    """Sends one message to a person; a blocked bot or another failure is logged, not raised."""
    try:
        await bot.send_message(chat_id, text, reply_markup=markup)  # type: ignore[arg-type]
    except TelegramError:
        log.warning("message to %s not sent", chat_id)
        return 0
    return 1
