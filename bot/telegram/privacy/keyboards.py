"""The confirmation buttons of /loeschen."""

from __future__ import annotations


from telegram import InlineKeyboardMarkup

from bot.telegram.callbacks import (
    DeleteButton,
)
from bot.telegram.keyboards import button
from bot.texts import t


def confirm_delete(lang: str) -> InlineKeyboardMarkup:
    """Returns the two answers to 'delete everything?'."""
    return InlineKeyboardMarkup([[button(t(lang, "privacy.button_confirm"), DeleteButton(1)),
                                  button(t(lang, "privacy.button_keep"), DeleteButton(0))]])
