"""A listing's details and the Merkliste: open, keep, remove, page through."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import CallbackQuery, InlineKeyboardMarkup

from bot.listings_view import being_revised
from bot.store.models import ChatSearch, Volunteer
from bot.telegram.callbacks import (
    DetailsButton, FavouriteButton, FavouriteDetailsButton, FavouritesButton, ListingButton, Origin,
    UnfavouriteButton,
)
from bot.telegram.context import Turn
from bot.telegram.keyboards import keep_button
from bot.telegram.listings.views import details_markup, details_view, favourites_view
from bot.telegram.sending import View
from bot.texts import t
from bot.volunteers import add_favourite, is_favourite, remove_favourite

# Buttons under a search's result message or under the details opened from it: their origin_id is the search's.
_OF_A_SEARCH = (Origin.SEARCH, Origin.RESULTS)


async def show_details(turn: Turn[DetailsButton]) -> None:
    """Shows one listing of the results in place of the results, with a way back."""
    pressed = turn.button
    stored = await turn.session.get(ChatSearch, pressed.search_id)
    if stored is not None and stored.volunteer_id != turn.volunteer.id:
        turn.refuse_foreign()
        return
    if stored is None:
        turn.refuse_stale()
        return
    lang = stored.lang or turn.lang
    view = await details_view(turn.session, turn.volunteer, pressed.opportunity_id, Origin.SEARCH,
                              pressed.search_id, lang=lang, stored=stored)
    await _show(turn, view, pressed.opportunity_id, lang)


async def show_listing(turn: Turn[ListingButton]) -> None:
    """Sends one listing's details as a new message (from an alert, which keeps its stop button)."""
    view = await details_view(turn.session, turn.volunteer, turn.button.opportunity_id, Origin.NONE, 0,
                              lang=turn.lang)
    if view is None:
        await _unavailable(turn, turn.button.opportunity_id, turn.lang)
        return
    turn.answer()
    turn.reply(view)


async def show_favourite(turn: Turn[FavouriteDetailsButton]) -> None:
    """Shows one listing of the Merkliste in place of the list, with a way back."""
    pressed = turn.button
    await _show(turn, await details_view(turn.session, turn.volunteer, pressed.opportunity_id, Origin.FAVOURITES,
                                         pressed.offset, lang=turn.lang), pressed.opportunity_id, turn.lang)


async def keep_listing(turn: Turn[FavouriteButton]) -> None:
    """Puts the listing on the Merkliste and turns its star on."""
    await _toggle(turn, turn.button, keep=True)


async def drop_listing(turn: Turn[UnfavouriteButton]) -> None:
    """Takes the listing off the Merkliste (from its details, or from the list itself)."""
    await _toggle(turn, turn.button, keep=False)


async def favourites_command(turn: Turn[None]) -> None:
    """Shows the first page of the Merkliste."""
    turn.reply(await favourites_view(turn.session, turn.volunteer, 0, lang=turn.lang))


async def favourites_page(turn: Turn[FavouritesButton]) -> None:
    """Shows another page of the Merkliste in the same message."""
    turn.answer()
    turn.edit(await favourites_view(turn.session, turn.volunteer, turn.button.offset, lang=turn.lang))


async def _toggle(turn: Turn[Any], pressed: FavouriteButton | UnfavouriteButton, *, keep: bool) -> None:
    """Adds or removes a favourite and updates the buttons (or the list) where it was pressed."""
    session, volunteer = turn.session, turn.volunteer
    refusal = await _refusal(session, volunteer, pressed, keep=keep, own=turn.in_own_chat)
    toggled = await _apply(session, volunteer, pressed.opportunity_id, keep=keep) if refusal is None else None
    if toggled is None:
        turn.refuse_foreign() if refusal == "foreign" else turn.refuse_stale()
        return
    # A result and its details stay in the language they were answered in (the button names their search)
    stored = await session.get(ChatSearch, pressed.origin_id) if pressed.origin in _OF_A_SEARCH else None
    lang = (stored.lang if stored is not None else None) or turn.lang
    changed, starred = toggled
    if changed:
        toast = "favourites.toast_added" if starred else "favourites.toast_removed"
    else:
        toast = "favourites.toast_already" if starred else "favourites.toast_removed"
    turn.answer(t(lang, toast))
    if pressed.origin == Origin.FAVOURITES_LIST:
        turn.edit(await favourites_view(session, volunteer, pressed.origin_id, lang=lang))
    elif pressed.origin != Origin.RESULTS:
        turn.edit_buttons(await details_markup(session, pressed.opportunity_id, origin=pressed.origin,
                                               origin_id=pressed.origin_id, favourite=starred, lang=lang))
    else:  # under the result list only the pressed star changes
        restarred = with_star(turn.query, pressed, starred, lang)
        if restarred is not None:
            turn.edit_buttons(restarred)


def with_star(query: CallbackQuery, pressed: FavouriteButton | UnfavouriteButton, starred: bool,
              lang: str) -> InlineKeyboardMarkup | None:
    """Returns the result message's buttons with the pressed star turned on or off; None if it is not there."""
    message = query.message
    markup = getattr(message, "reply_markup", None) if message is not None else None
    if not isinstance(markup, InlineKeyboardMarkup):
        return None
    rows = []
    for row in markup.inline_keyboard:
        cells = []
        for cell in row:
            number = cell.text.rsplit(" ", 1)[-1]
            if cell.callback_data == query.data and number.isdigit():
                cell = keep_button(pressed.origin_id, pressed.opportunity_id, int(number), kept=starred, lang=lang)
            cells.append(cell)
        rows.append(cells)
    return InlineKeyboardMarkup(rows)


async def _apply(session: AsyncSession, volunteer: Volunteer, oid: int, *, keep: bool) -> tuple[bool, bool] | None:
    """Adds or removes the favourite; returns (changed, starred now), or None when the listing is gone."""
    changed = await (add_favourite if keep else remove_favourite)(session, volunteer, oid)
    starred = await is_favourite(session, volunteer, oid)
    return None if keep and not starred else (changed, starred)


async def _refusal(
    session: AsyncSession, volunteer: Volunteer, pressed: FavouriteButton | UnfavouriteButton, *, keep: bool,
    own: bool,
) -> str | None:
    """Returns why this person may not press a favourite button ('stale' or 'foreign'), None when they may."""
    origin = pressed.origin
    if origin in _OF_A_SEARCH:
        stored = await session.get(ChatSearch, pressed.origin_id)
        if stored is None:
            return "stale"
        return None if stored.volunteer_id == volunteer.id else "foreign"
    if not own:
        return "foreign"
    return None if origin in (Origin.NONE, Origin.FAVOURITES, Origin.FAVOURITES_LIST) else "stale"


async def _show(turn: Turn[Any], view: View | None, opportunity_id: int, lang: str) -> None:
    """Edits the pressed message into the listing's details, or says why they cannot be shown."""
    if view is None:
        await _unavailable(turn, opportunity_id, lang)
        return
    turn.answer()
    turn.edit(view)


async def _unavailable(turn: Turn[Any], opportunity_id: int, lang: str) -> None:
    """Answers a button of a listing that is not online: being revised (back soon), else no longer current."""
    if await being_revised(turn.session, opportunity_id):
        turn.answer(t(lang, "details.reviewing"), alert=True)
    else:
        turn.refuse_stale()
