"""The buttons of Suchaufträge: stop buttons, and details under alerts and digests."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardMarkup

from bot.telegram.callbacks import (
    ListingButton, StopAlertButton, Where,
)
from bot.telegram.formatting import clip
from bot.telegram.keyboards import Rows, button
from bot.texts import t


def saved_searches(ids: Sequence[int], lang: str) -> InlineKeyboardMarkup:
    """Returns a stop button per saved search."""
    return InlineKeyboardMarkup([[button(t(lang, "alerts.button_stop", number=index + 1), StopAlertButton(sid,
                                         Where.LIST))] for index, sid in enumerate(ids)])


def alert(opportunity_id: int, saved_search_id: int, lang: str) -> InlineKeyboardMarkup:
    """Returns the buttons under an alert: the listing's details and stopping the saved search."""
    return InlineKeyboardMarkup([
        [button(t(lang, "alerts.button_details"), ListingButton(opportunity_id))],
        [button(t(lang, "alerts.button_stop_alert"), StopAlertButton(saved_search_id, Where.ALERT))],
    ])


def stop_alert(saved_search_id: int, lang: str) -> InlineKeyboardMarkup:
    """Returns the stop button alone (under the confirmation that a search was saved)."""
    return InlineKeyboardMarkup([[button(t(lang, "alerts.button_stop_alert"), StopAlertButton(saved_search_id,
                                         Where.ALERT))]])


def digest(opportunity_ids: Sequence[int], searches: Sequence[tuple[int, str]], lang: str) -> InlineKeyboardMarkup:
    """Returns details buttons for a digest's listings (five per row) and a stop button per (saved search, text)."""
    details_buttons = [button(t(lang, "search.button_details", number=index + 1), ListingButton(oid))
                       for index, oid in enumerate(opportunity_ids)]
    rows: Rows = [details_buttons[i:i + 5] for i in range(0, len(details_buttons), 5)]
    for sid, text in searches:
        label = t(lang, "alerts.button_stop_named", name=clip(text.strip(), 30))
        rows.append([button(label, StopAlertButton(sid, Where.ALERT))])
    return InlineKeyboardMarkup(rows)
