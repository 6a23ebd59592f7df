"""The buttons of /einstellungen."""

from __future__ import annotations


from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.telegram.callbacks import (
    Setting, SettingButton,
)
from bot.telegram.keyboards import ALERT_MODES, Rows, button
from bot.texts import t


def settings(
    lang: str, *, setting: str, alert_mode: str, announcements: bool, has_home: bool
) -> InlineKeyboardMarkup:
    """Returns the settings buttons in `lang`: the language other than the one set (`setting`), alert mode,
    announcements, forgetting the place."""
    modes = [button(("• " if mode.value == alert_mode else "") + t(lang, f"settings.button_alerts_{mode.value}"),
                    SettingButton(Setting.ALERT_MODE, index)) for index, mode in enumerate(ALERT_MODES)]
    key = "settings.button_announcements_off" if announcements else "settings.button_announcements_on"
    rows: Rows = [
        language_row(setting),
        modes,
        [button(t(lang, key), SettingButton(Setting.ANNOUNCEMENTS, 0 if announcements else 1))],
    ]
    if has_home:
        rows.append([button(t(lang, "settings.button_forget_home"), SettingButton(Setting.FORGET_HOME, 0))])
    return InlineKeyboardMarkup(rows)


def language_row(setting: str) -> list[InlineKeyboardButton]:
    """Returns the button switching to the language other than the one set, named in its own terms ("🌐 English"
    for someone set to German, whatever the display)."""
    other = 1 if setting == "de" else 0
    return [button(t(setting, "settings.button_language"), SettingButton(Setting.LANGUAGE, other))]


def language_choice(setting: str) -> InlineKeyboardMarkup:
    """Returns /sprache's button: the other language."""
    return InlineKeyboardMarkup([language_row(setting)])
