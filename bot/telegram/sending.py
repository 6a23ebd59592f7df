"""What every handler does the same way: find the person, send, edit, refuse stale or foreign buttons."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest

from bot.store.models import Volunteer
from bot.telegram.callbacks import Callback, decode
from bot.telegram.keyboards import Markup
from bot.texts import t
from bot.volunteers import get_or_create_volunteer, language_for

log = logging.getLogger(__name__)


async def volunteer_of(session: AsyncSession, update: Update) -> Volunteer:
    """Returns the person behind the update, creating their record on first contact."""
    user = update.effective_user
    assert user is not None  # every update routed to a handler here has a sender
    return await get_or_create_volunteer(session, user.id, language_code=user.language_code)


def guess_language(update: Update) -> str:
    """Returns the language for someone the bot has not looked up (from their Telegram language code)."""
    user = update.effective_user
    return language_for(user.language_code if user else None)


def is_private(update: Update) -> bool:
    """Tells whether the update comes from a private chat with the bot."""
    chat = update.effective_chat
    return chat is not None and chat.type == ChatType.PRIVATE


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


def pressed(update: Update) -> tuple[CallbackQuery, Callback | None]:
    """Returns the button press and its decoded data (None when forged or stale)."""
    query = update.callback_query
    assert query is not None
    return query, decode(query.data)


async def refuse_stale(query: CallbackQuery, lang: str) -> None:
    """Answers a button whose data is forged, outdated or no longer matches anything."""
    await query.answer(t(lang, "problem.stale"), show_alert=True)


async def refuse_foreign(query: CallbackQuery, lang: str) -> None:
    """Answers a button pressed by someone who does not own the message (in a group)."""
    await query.answer(t(lang, "problem.not_yours"), show_alert=True)


def pressed_in_own_chat(query: CallbackQuery) -> bool:
    """Tells whether a button was pressed in the presser's private chat, where nobody else can press it."""
    message = query.message
    return message is not None and message.chat.id == query.from_user.id
