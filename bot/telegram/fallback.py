"""Polite answers for everything that is not a search: media, unknown commands, groups, stale buttons, floods."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.ads.access import SearchAccess
from bot.menus.chats import own_menus
from bot.menus.commands import COMMON_MENU
from bot.telegram import keyboards
from bot.telegram.formatting import line
from bot.telegram.flood import Verdict
from bot.telegram.context import Turn, guess_language
from bot.telegram.sending import View, send
from bot.telegram.services import services
from bot.texts import t


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


async def media(turn: Turn[None]) -> None:
    """Says that only text is understood and gives an example of what to write."""
    turn.reply(View(t(turn.lang, "problem.media"), keyboards.main_keyboard(turn.lang)))


async def unknown_command(turn: Turn[None]) -> None:
    """Says a command is unknown, offers the one it most likely misspells, and lists the person's commands."""
    lang, settings = turn.lang, turn.services.settings
    typed = (turn.message.text or "/").split()[0][1:].split("@")[0]
    menus = await own_menus(turn.session, admin_ids=settings.admin_ids, access=SearchAccess(settings.ads_search_access),
                            among=[turn.user_id])
    menu = menus.get(turn.user_id, COMMON_MENU)
    close = menu.closest(typed)
    # A German word can look like the English name ("/favoriten" ~ favourites): the reply's language's name first.
    own = menu.in_language(close, lang) if close is not None else None
    if close is not None and own is not None and own != close:
        text = t(lang, "problem.unknown_command_close_both", command=line(typed, 40), close=own, typed_like=close)
    elif close is not None:  # "/einstelungen": the command meant, not the whole list
        text = t(lang, "problem.unknown_command_close", command=line(typed, 40), close=close)
    else:
        commands = "\n".join(t(lang, "problem.command_line", command=name, description=description)
                             for name, description in menu.entries(lang))
        text = t(lang, "problem.unknown_command", command=line(typed, 40), commands=commands)
    turn.reply(View(text, keyboards.main_keyboard(lang)))


async def group_hint(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Invites people in a group into the private chat, and shows how /suche works in groups."""
    lang = guess_language(update)
    await send(update, t(lang, "problem.group"), keyboards.open_private_chat(services(context).bot_username, lang))


async def stale_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answers a button no handler recognises: forged, from an older version, or no longer valid."""
    assert update.callback_query is not None
    await update.callback_query.answer(t(guess_language(update), "problem.stale"), show_alert=True)
