"""A listing's details and the Merkliste: open, keep, remove, page through."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup

from bot.conversation import state
from bot.listings_view import get_listing_details, posted_in_chat
from bot.store.models import ChatSearch, Volunteer
from bot.telegram import keyboards
from bot.telegram.alerts.render import favourites_text
from bot.telegram.callbacks import (
    DetailsButton, FavouriteButton, FavouriteDetailsButton, FavouritesButton, ListingButton, Origin,
    UnfavouriteButton,
)
from bot.telegram.context import Turn
from bot.telegram.listings.render import details_text
from bot.telegram.posting.buttons import interest_button
from bot.telegram.sending import View
from bot.texts import t
from bot.volunteers import add_favourite, count_favourites, is_favourite, list_favourites, remove_favourite

FAVOURITES_PAGE = 5


async def show_details(turn: Turn[DetailsButton]) -> None:
    """Shows one listing of the results in place of the results, with a way back."""
    pressed = turn.button
    stored = await turn.session.get(ChatSearch, pressed.search_id)
    if stored is not None and stored.volunteer_id != turn.volunteer.id:
        turn.refuse_foreign()
        return
    view = await details_view(turn.session, turn.volunteer, pressed.opportunity_id, Origin.SEARCH,
                              pressed.search_id, stored=stored) if stored is not None else None
    _show(turn, view)


async def show_listing(turn: Turn[ListingButton]) -> None:
    """Sends one listing's details as a new message (from an alert, which keeps its stop button)."""
    view = await details_view(turn.session, turn.volunteer, turn.button.opportunity_id, Origin.NONE, 0)
    if view is None:
        turn.refuse_stale()
        return
    turn.answer()
    turn.reply(view)


async def show_favourite(turn: Turn[FavouriteDetailsButton]) -> None:
    """Shows one listing of the Merkliste in place of the list, with a way back."""
    pressed = turn.button
    _show(turn, await details_view(turn.session, turn.volunteer, pressed.opportunity_id, Origin.FAVOURITES,
                                   pressed.offset))


async def keep_listing(turn: Turn[FavouriteButton]) -> None:
    """Puts the listing on the Merkliste and turns its star on."""
    await _toggle(turn, turn.button, keep=True)


async def drop_listing(turn: Turn[UnfavouriteButton]) -> None:
    """Takes the listing off the Merkliste (from its details, or from the list itself)."""
    await _toggle(turn, turn.button, keep=False)


async def favourites_command(turn: Turn[None]) -> None:
    """Shows the first page of the Merkliste."""
    turn.reply(await _favourites_view(turn.session, turn.volunteer, 0))


async def favourites_page(turn: Turn[FavouritesButton]) -> None:
    """Shows another page of the Merkliste in the same message."""
    _show(turn, await _favourites_view(turn.session, turn.volunteer, turn.button.offset))


async def _toggle(turn: Turn[Any], pressed: FavouriteButton | UnfavouriteButton, *, keep: bool) -> None:
    """Adds or removes a favourite and updates the buttons (or the list) where it was pressed."""
    session, volunteer, lang = turn.session, turn.volunteer, turn.lang
    refusal = await _refusal(session, volunteer, pressed, keep=keep, own=turn.in_own_chat)
    toggled = await _apply(session, volunteer, pressed.opportunity_id, keep=keep) if refusal is None else None
    if toggled is None:
        turn.refuse_foreign() if refusal == "foreign" else turn.refuse_stale()
        return
    changed, starred = toggled
    if changed:
        toast = "favourites.toast_added" if starred else "favourites.toast_removed"
    else:
        toast = "favourites.toast_already" if starred else "favourites.toast_removed"
    turn.answer(t(lang, toast))
    if pressed.origin == Origin.FAVOURITES_LIST:
        turn.edit(await _favourites_view(session, volunteer, pressed.origin_id))
    elif pressed.origin != Origin.RESULTS:  # under the result list the toast is enough; the list stays as it is
        turn.edit_buttons(await details_markup(session, pressed.opportunity_id, origin=pressed.origin,
                                               origin_id=pressed.origin_id, favourite=starred, lang=lang))


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
    if origin in (Origin.SEARCH, Origin.RESULTS):
        if origin == Origin.RESULTS and not keep:
            return "stale"  # the result list only ever offers keeping
        stored = await session.get(ChatSearch, pressed.origin_id)
        if stored is None:
            return "stale"
        return None if stored.volunteer_id == volunteer.id else "foreign"
    if not own:
        return "foreign"
    return None if origin in (Origin.NONE, Origin.FAVOURITES, Origin.FAVOURITES_LIST) else "stale"


async def details_view(
    session: AsyncSession, volunteer: Volunteer, opportunity_id: int, origin: int, origin_id: int,
    *, stored: ChatSearch | None = None,
) -> View | None:
    """Returns a listing's details with its buttons, or None when it is gone."""
    lang = volunteer.language
    centre = state.refinement_of(stored).place if stored is not None else None
    details = await get_listing_details(session, opportunity_id, lang=lang, origin=centre)
    if details is None:
        return None
    starred = await is_favourite(session, volunteer, opportunity_id)
    markup = await details_markup(session, opportunity_id, origin=origin, origin_id=origin_id, favourite=starred,
                                  lang=lang)
    return View(details_text(details, lang), markup)


async def details_markup(
    session: AsyncSession, opportunity_id: int, *, origin: int, origin_id: int, favourite: bool, lang: str
) -> InlineKeyboardMarkup:
    """Returns the buttons under a listing's details; listings posted through the bot add 'Interesse melden'."""
    markup = keyboards.details(opportunity_id, origin=origin, origin_id=origin_id, favourite=favourite, lang=lang)
    if await posted_in_chat(session, opportunity_id):
        # The organisation is reachable in this chat, so interest can go to it directly.
        markup = InlineKeyboardMarkup([*markup.inline_keyboard, interest_button(opportunity_id, lang)])
    return markup


async def _favourites_view(session: AsyncSession, volunteer: Volunteer, offset: int) -> View:
    """Returns one page of the Merkliste with its buttons (the last page when offset went past the end)."""
    lang = volunteer.language
    total = await count_favourites(session, volunteer)
    offset = min(offset, max(0, (total - 1) // FAVOURITES_PAGE * FAVOURITES_PAGE))
    entries = await list_favourites(session, volunteer, limit=FAVOURITES_PAGE, offset=offset)
    markup = keyboards.favourites([entry.opportunity_id for entry in entries], offset=offset, total=total,
                                  lang=lang, page_size=FAVOURITES_PAGE) if entries else None
    return View(favourites_text(entries, offset=offset, total=total, lang=lang), markup)


def _show(turn: Turn[Any], view: View | None) -> None:
    """Edits the pressed message into the view, or refuses the button."""
    if view is None:
        turn.refuse_stale()
        return
    turn.answer()
    turn.edit(view)
