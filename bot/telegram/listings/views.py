"""A listing's details and the Merkliste as messages with their buttons (shared with /start's deep links)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup

from bot.conversation import state
from bot.listings_view import get_listing_details, posted_in_chat
from bot.store.models import ChatSearch, Volunteer
from bot.telegram.listings import keyboards as listings_keyboards
from bot.telegram.alerts.render import favourites_text
from bot.telegram.listings.render import details_text
from bot.telegram.posting.buttons import interest_button
from bot.telegram.sending import View
from bot.volunteers import count_favourites, is_favourite, list_favourites

FAVOURITES_PAGE = 5


async def details_view(
    session: AsyncSession, volunteer: Volunteer, opportunity_id: int, origin: int, origin_id: int,
    *, lang: str, stored: ChatSearch | None = None,
) -> View | None:
    """Returns a listing's details with its buttons (in `lang`), or None when it is gone."""
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
    markup = listings_keyboards.details(opportunity_id, origin=origin, origin_id=origin_id, favourite=favourite,
                                        lang=lang)
    if await posted_in_chat(session, opportunity_id):
        # The organisation is reachable in this chat, so interest can go to it directly.
        markup = InlineKeyboardMarkup([*markup.inline_keyboard, interest_button(opportunity_id, lang)])
    return markup


async def favourites_view(session: AsyncSession, volunteer: Volunteer, offset: int, *, lang: str) -> View:
    """Returns one page of the Merkliste with its buttons (the last page when offset went past the end), in `lang`."""
    total = await count_favourites(session, volunteer)
    offset = min(offset, max(0, (total - 1) // FAVOURITES_PAGE * FAVOURITES_PAGE))
    entries = await list_favourites(session, volunteer, limit=FAVOURITES_PAGE, offset=offset)
    markup = listings_keyboards.favourites([entry.opportunity_id for entry in entries], offset=offset, total=total,
                                  lang=lang, page_size=FAVOURITES_PAGE) if entries else None
    return View(favourites_text(entries, offset=offset, total=total, lang=lang), markup)
