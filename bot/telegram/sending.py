"""Sending at the edge: a message as the person sees it (View), sent to the update's chat or edited in place."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest

from bot.telegram.keyboards import Markup

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class View:
    """One message: Telegram HTML and its keyboard."""

    text: str
    markup: Markup = None


async def send(update: Update, text: str, markup: Markup = None) -> Message:
    """Sends a new message to the chat the update came from."""
    chat = update.effective_chat
    assert chat is not None
    return await chat.send_message(text, reply_markup=markup)


async def edit(query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Replaces the text and buttons of the message a button belongs to; pressing twice changes nothing."""
    try:
        await query.edit_message_text(text, reply_markup=markup)
    except BadRequest as error:
        if "not modified" not in error.message.lower():
            raise


async def edit_buttons(query: CallbackQuery, markup: InlineKeyboardMarkup | None) -> None:
    """Replaces only the buttons of the message a button belongs to."""
    try:
        await query.edit_message_reply_markup(markup)
    except BadRequest as error:
        if "not modified" not in error.message.lower():
            raise
