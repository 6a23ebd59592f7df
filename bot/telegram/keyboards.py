"""Buttons every feature uses: one inline button from its payload, the main keyboard, the group invitation.

Each feature's own keyboards live in its package (bot/telegram/search/keyboards.py, ...); every label comes
from the catalogue.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup

from bot.domain import RADIUS_CHOICES_KM, AlertMode, TimeTag
from bot.telegram.callbacks import FavouriteButton, Origin, Payload, UnfavouriteButton, pack
from bot.telegram.formatting import clip
from bot.texts import t

Rows = list[list[InlineKeyboardButton]]
Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | None
RADII_KM = RADIUS_CHOICES_KM
TIME_TAGS: tuple[TimeTag, ...] = tuple(TimeTag)
ALERT_MODES: tuple[AlertMode, ...] = (AlertMode.IMMEDIATE, AlertMode.DAILY, AlertMode.OFF)
MENU_KEYS = ("menu.button_guided", "menu.button_favourites", "menu.button_alerts", "menu.button_settings",
             "menu.button_help")


def button(label: str, payload: Payload) -> InlineKeyboardButton:
    """Returns one inline button carrying its payload's ids."""
    return InlineKeyboardButton(label, callback_data=pack(payload))


def main_keyboard(lang: str) -> ReplyKeyboardMarkup:
    """Returns the keyboard below the input field: share location, search with buttons, favourites, alerts,
    settings, help."""
    labels = [KeyboardButton(t(lang, key)) for key in MENU_KEYS]
    rows = [
        [KeyboardButton(t(lang, "menu.button_location"), request_location=True), labels[0]],
        labels[1:3],
        labels[3:],
    ]
    return ReplyKeyboardMarkup(rows, resize_keyboard=True, is_persistent=True,
                               input_field_placeholder=t(lang, "start.placeholder"))


def open_private_chat(bot_username: str, lang: str) -> InlineKeyboardMarkup:
    """Returns a link button into the private chat with the bot (for group chats)."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(t(lang, "problem.button_private"),
                                                       url=f"https://t.me/{bot_username}?start=group")]])


def marked(label: str, chosen: bool) -> str:
    """Marks the option that is in force now."""
    return f"✅ {label}" if chosen else label


def candidate_label(name: str, state: str | None, district: str | None, lang: str, *, near: str | None = None) -> str:
    """Returns 'Neustadt (Sachsen)', never 'Neustadt (Hessen) (Hessen)': a state the name already says is not
    repeated (the district tells such namesakes apart where it is known), nor added to a name that says in brackets
    where it is ('Bornheim (Frankfurt)', a city's quarter). Namesakes alike in all of that are named by a town
    near them (nlu.namesakes): 'Bornheim (bei Landau in der Pfalz)'."""
    if near:
        return t(lang, "search.button_candidate_near", name=clip(name, 30), town=clip(near, 30))
    extra = district if state and state in name else state
    if not extra or extra in name or (extra == state and name.endswith(")")):
        return clip(name, 40)
    return t(lang, "search.button_candidate", name=clip(name, 30), state=clip(extra, 30))


def keep_button(search_id: int, opportunity_id: int, number: int, *, kept: bool, lang: str) -> InlineKeyboardButton:
    """Returns the star under a result: ☆ keeps the listing, ★ takes it off the Merkliste again."""
    if kept:
        return button(t(lang, "search.button_kept", number=number),
                      UnfavouriteButton(Origin.RESULTS, search_id, opportunity_id))
    return button(t(lang, "search.button_keep", number=number),
                  FavouriteButton(Origin.RESULTS, search_id, opportunity_id))
