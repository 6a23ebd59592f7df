"""The global error handler: log everything with its update, apologise to the person, never fail silently."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, TelegramError
from telegram.ext import ContextTypes

from bot.telegram.context import guess_language
from bot.texts import t

log = logging.getLogger("bot.telegram.errors")


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Logs the failure and tells the person something went wrong (without touching the database)."""
    error = context.error
    if not isinstance(update, Update):
        log.error("error outside an update", exc_info=error)
        return
    log.error("update %s failed", update.update_id, exc_info=error)
    if isinstance(error, Forbidden):
        return  # the person blocked the bot: there is nobody to apologise to
    apology = t(guess_language(update), "problem.apology")
    try:
        if update.callback_query is not None and await _answered(update, apology):
            return
        if update.effective_chat is not None:
            await update.effective_chat.send_message(apology)
    except TelegramError:
        log.exception("could not send the apology for update %s", update.update_id)


async def _answered(update: Update, apology: str) -> bool:
    """Answers the pressed button with the apology; False when it was answered already."""
    try:
        await update.callback_query.answer(apology, show_alert=True)  # type: ignore[union-attr]
    except TelegramError:
        return False
    return True
