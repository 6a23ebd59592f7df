"""A listing's details and the Merkliste: open, keep, remove, page through."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import CallbackQuery, InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.listings_view import get_listing_details
from bot.store.models import ChatSearch, Opportunity, Volunteer
from bot.telegram import keyboards, state
from bot.telegram.keyboards import keep_button
from bot.telegram.callbacks import Callback, Origin
from bot.telegram.handlers.common import (
    edit, edit_buttons, pressed, pressed_in_own_chat, refuse_foreign, refuse_stale, send, volunteer_of,
)
from bot.telegram.posting_buttons import interest_button
from bot.telegram.render.details import details_text
from bot.telegram.render.lists import favourites_text
from bot.telegram.services import services
from bot.telegram.views import View
from bot.texts import t
from bot.volunteers import add_favourite, count_favourites, is_favourite, list_favourites, remove_favourite

FAVOURITES_PAGE = 5


async def show_details(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Shows one listing of the results in place of the results, with a way back."""
    query, callback = pressed(update)
    async with services(context).unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        stored = await session.get(ChatSearch, callback.arg(0)) if callback else None
        owned = stored is not None and stored.volunteer_id == volunteer.id
        view = await details_view(session, volunteer, callback.arg(1), Origin.SEARCH, callback.arg(0),
                                   stored=stored) if owned and callback else None
    await _show(update, view, volunteer.language, foreign=stored is not None and not owned)


async def show_listing(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Sends one listing's details as a new message (from an alert, which keeps its stop button)."""
    query, callback = pressed(update)
    async with services(context).unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        own = pressed_in_own_chat(query)
        view = await details_view(session, volunteer, callback.arg(0), Origin.NONE, 0) if callback and own else None
    if view is None:
        await (refuse_foreign if callback and not own else refuse_stale)(query, volunteer.language)
        return
    await query.answer()
    await send(update, view.text, view.markup)


async def show_favourite(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Shows one listing of the Merkliste in place of the list, with a way back."""
    query, callback = pressed(update)
    async with services(context).unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        own = pressed_in_own_chat(query)
        view = await details_view(session, volunteer, callback.arg(1), Origin.FAVOURITES,
                                   callback.arg(0)) if callback and own else None
    await _show(update, view, volunteer.language, foreign=callback is not None and not own)


async def keep_listing(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Puts the listing on the Merkliste and turns its star on."""
    await _toggle(update, context, keep=True)


async def drop_listing(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Takes the listing off the Merkliste (from its details, or from the list itself)."""
    await _toggle(update, context, keep=False)


async def favourites_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Shows the first page of the Merkliste."""
    async with services(context).unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        view = await _favourites_view(session, volunteer, 0)
    await send(update, view.text, view.markup)


async def favourites_page(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Shows another page of the Merkliste in the same message."""
    query, callback = pressed(update)
    async with services(context).unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        own = pressed_in_own_chat(query)
        view = await _favourites_view(session, volunteer, callback.arg(0)) if callback and own else None
    await _show(update, view, volunteer.language, foreign=callback is not None and not own)


async def _toggle(update: Update, context: ContextTypes.DEFAULT_TYPE, *, keep: bool) -> None:
    """Adds or removes a favourite and updates the buttons (or the list) where it was pressed."""
    query, callback = pressed(update)
    async with services(context).unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        lang = volunteer.language
        refusal = await _refusal(session, volunteer, callback, keep=keep, own=pressed_in_own_chat(query))
        toggled = await _apply(session, volunteer, callback, keep=keep) if refusal is None and callback else None
        listing, markup = None, None
        if toggled is not None and callback is not None and callback.arg(0) == Origin.FAVOURITES_LIST:
            listing = await _favourites_view(session, volunteer, callback.arg(1))
        elif toggled is not None and callback is not None and callback.arg(0) != Origin.RESULTS:
            origin, origin_id, oid = callback.args
            markup = await details_markup(session, oid, origin=origin, origin_id=origin_id, favourite=toggled[1],
                                          lang=lang)
    if callback is None or toggled is None:
        await (refuse_foreign if refusal == "foreign" else refuse_stale)(query, lang)
        return
    changed, starred = toggled
    if changed:
        toast = "favourites.toast_added" if starred else "favourites.toast_removed"
    else:
        toast = "favourites.toast_already" if starred else "favourites.toast_removed"
    await query.answer(t(lang, toast))
    if listing is not None:
        await edit(query, listing.text, listing.markup)  # type: ignore[arg-type]
    elif markup is not None:
        await edit_buttons(query, markup)
    elif callback.arg(0) == Origin.RESULTS:  # under the result list only the pressed star changes
        restarred = with_star(query, callback, starred, lang)
        if restarred is not None:
            await edit_buttons(query, restarred)


def with_star(
    query: CallbackQuery, callback: Callback, starred: bool, lang: str
) -> InlineKeyboardMarkup | None:
    """Returns the result message's buttons with the pressed star turned on or off; None if it is not there."""
    message = query.message
    markup = message.reply_markup if message is not None and hasattr(message, "reply_markup") else None
    if markup is None:
        return None
    _origin, search_id, oid = callback.args
    rows = []
    for row in markup.inline_keyboard:
        cells = []
        for cell in row:
            number = cell.text.rsplit(" ", 1)[-1]
            if cell.callback_data == query.data and number.isdigit():
                cell = keep_button(search_id, oid, int(number), kept=starred, lang=lang)
            cells.append(cell)
        rows.append(cells)
    return InlineKeyboardMarkup(rows)


async def _apply(
    session: AsyncSession, volunteer: Volunteer, callback: Callback, *, keep: bool
) -> tuple[bool, bool] | None:
    """Adds or removes the favourite; returns (changed, starred now), or None when the listing is gone."""
    oid = callback.arg(2)
    changed = await (add_favourite if keep else remove_favourite)(session, volunteer, oid)
    starred = await is_favourite(session, volunteer, oid)
    return None if keep and not starred else (changed, starred)


async def _refusal(
    session: AsyncSession, volunteer: Volunteer, callback: Callback | None, *, keep: bool, own: bool
) -> str | None:
    """Returns why this person may not press a favourite button ('stale' or 'foreign'), None when they may."""
    if callback is None:
        return "stale"
    origin = callback.arg(0)
    if origin in (Origin.SEARCH, Origin.RESULTS):
        stored = await session.get(ChatSearch, callback.arg(1))
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
    if await session.scalar(select(Opportunity.source).where(Opportunity.id == opportunity_id)) == "bot":
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


async def _show(update: Update, view: View | None, lang: str, *, foreign: bool) -> None:
    """Edits the pressed message into the view, or refuses the button."""
    query = update.callback_query
    assert query is not None
    if view is None:
        await (refuse_foreign if foreign else refuse_stale)(query, lang)
        return
    await query.answer()
    await edit(query, view.text, view.markup)  # type: ignore[arg-type]
