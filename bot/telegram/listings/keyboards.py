"""The buttons under a listing's details and in the Merkliste."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardMarkup

from bot.telegram.callbacks import (
    BackButton, FavouriteButton, FavouriteDetailsButton,
    FavouritesButton, Origin, UnfavouriteButton,
)
from bot.telegram.keyboards import Rows, button
from bot.texts import t


def details(opportunity_id: int, *, origin: int, origin_id: int, favourite: bool, lang: str) -> InlineKeyboardMarkup:
    """Returns the favourite toggle and the way back to where the details were opened from."""
    if favourite:
        toggle = button(t(lang, "details.button_unfavourite"), UnfavouriteButton(origin, origin_id, opportunity_id))
    else:
        toggle = button(t(lang, "details.button_favourite"), FavouriteButton(origin, origin_id, opportunity_id))
    rows: Rows = [[toggle]]
    if origin == Origin.SEARCH:
        rows.append([button(t(lang, "details.button_back_results"), BackButton(origin_id))])
    elif origin == Origin.FAVOURITES:
        rows.append([button(t(lang, "details.button_back_favourites"), FavouritesButton(origin_id))])
    return InlineKeyboardMarkup(rows)


def favourites(opportunity_ids: Sequence[int], *, offset: int, total: int, lang: str,
               page_size: int) -> InlineKeyboardMarkup:
    """Returns details and remove buttons per favourite, and paging."""
    rows: Rows = [
        [button(t(lang, "search.button_details", number=offset + index + 1), FavouriteDetailsButton(offset, oid)),
         button(t(lang, "favourites.button_remove", number=offset + index + 1),
                UnfavouriteButton(Origin.FAVOURITES_LIST, offset, oid))]
        for index, oid in enumerate(opportunity_ids)
    ]
    paging = []
    if offset > 0:
        paging.append(button(t(lang, "search.button_previous"), FavouritesButton(max(0, offset - page_size))))
    if offset + len(opportunity_ids) < total:
        paging.append(button(t(lang, "search.button_more"), FavouritesButton(offset + len(opportunity_ids))))
    if paging:
        rows.append(paging)
    return InlineKeyboardMarkup(rows)
