"""Polite answers for everything that is not a search: media, unknown commands, groups, stale buttons, floods."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.telegram import keyboards
from bot.telegram.callbacks import Kind, decode
from bot.telegram.flood import Verdict
from bot.telegram.handlers.common import guess_language, refuse_stale, send, volunteer_of
from bot.telegram.services import services
from bot.texts import t
from bot.volunteers import find_volunteer


async def flood_guard(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stops a person's updates beyond the flood limit, telling them calmly once per burst."""
    user = update.effective_user
    if user is None:
        return
    verdict = services(context).flood.check(user.id)
    if verdict is Verdict.PASS:
        return
    lang = guess_language(update)  # no database work for updates that are being refused
    if update.callback_query is not None:
        # A pressed button must be answered either way, or the client shows a spinner for a long time.
        await update.callback_query.answer(t(lang, "problem.flood") if verdict is Verdict.WARN else None)
    elif verdict is Verdict.WARN and update.effective_chat is not None:
        await send(update, t(lang, "problem.flood"))
    raise ApplicationHandlerStop


# Buttons sent to people who may never have written to the bot: admins named in ADMIN_IDS get listings to
# review and announcement menus, contacts of organisations get announcements with an unsubscribe button.
FOR_PEOPLE_WITHOUT_PROFILE = frozenset({Kind.MODERATE, Kind.REVIEW_QUEUE, Kind.BROADCAST, Kind.UNSUBSCRIBE})


async def unknown_presser(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answers a button pressed in a private chat by someone the bot holds nothing about, and stops it there.

    After /loeschen the old messages keep their buttons; pressing one must not quietly create a new profile
    (with the favourite it stood for). The same answer suits a forwarded message's buttons.
    """
    query = update.callback_query
    if query is None or query.message is None or query.message.chat.type != ChatType.PRIVATE:
        return
    pressed_kind = decode(query.data)
    if pressed_kind is None or pressed_kind.kind in FOR_PEOPLE_WITHOUT_PROFILE:
        return
    async with services(context).database.read_only() as session:
        known = await find_volunteer(session, query.from_user.id) is not None
    if known:
        return
    await query.answer(t(guess_language(update), "privacy.gone"), show_alert=True)
    raise ApplicationHandlerStop


async def media(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Says that only text is understood and gives an example of what to write."""
    async with services(context).unit_of_work() as session:
        lang = (await volunteer_of(session, update)).language
    await send(update, t(lang, "problem.media"), keyboards.main_keyboard(lang))


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Points to /hilfe for a command the bot does not know."""
    async with services(context).unit_of_work() as session:
        lang = (await volunteer_of(session, update)).language
    await send(update, t(lang, "problem.unknown_command"))


async def group_hint(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Invites people in a group into the private chat, and shows how /suche works in groups."""
    lang = guess_language(update)
    await send(update, t(lang, "problem.group"), keyboards.open_private_chat(services(context).bot_username, lang))


async def stale_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answers a button no handler recognises: forged, from an older version, or no longer valid."""
    assert update.callback_query is not None
    await refuse_stale(update.callback_query, guess_language(update))
