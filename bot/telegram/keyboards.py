"""Buttons every feature uses: one inline button from its payload, the main keyboard, the group invitation.

Each feature's own keyboards live in its package (bot/telegram/search/keyboards.py, ...); every label comes
from the catalogue.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup

from bot.domain import AlertMode, TimeTag
from bot.telegram.callbacks import Payload, pack
from bot.texts import t

Rows = list[list[InlineKeyboardButton]]
Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | None
RADII_KM: tuple[int, ...] = (5, 15, 30, 50, 100)
TIME_TAGS: tuple[TimeTag, ...] = tuple(TimeTag)
ALERT_MODES: tuple[AlertMode, ...] = (AlertMode.IMMEDIATE, AlertMode.DAILY, AlertMode.OFF)
MENU_KEYS = ("menu.button_favourites", "menu.button_alerts", "menu.button_settings", "menu.button_help")


def button(label: str, payload: Payload) -> InlineKeyboardButton:
    """Returns one inline button carrying its payload's ids."""
    return InlineKeyboardButton(label, callback_data=pack(payload))


def main_keyboard(lang: str) -> ReplyKeyboardMarkup:
    """Returns the keyboard below the input field: share location, favourites, alerts, settings, help."""
    rows = [
        [KeyboardButton(t(lang, "menu.button_location"), request_location=True),
         KeyboardButton(t(lang, "menu.button_favourites"))],
        [KeyboardButton(t(lang, key)) for key in MENU_KEYS[1:]],
    ]
    return ReplyKeyboardMarkup(rows, resize_keyboard=True, is_persistent=True,
                               input_field_placeholder=t(lang, "start.placeholder"))


def open_private_chat(bot_username: str, lang: str) -> InlineKeyboardMarkup:
    """Returns a link button into the private chat with the bot (for group chats)."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(t(lang, "problem.button_private"),
                                                       url=f"https://t.me/{bot_username}?start=group")]])
