"""/start (with or without a deep link), /hilfe and /abbrechen."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation import state
from bot.links import ListingLink, SearchLink, resolve_start_payload
from bot.listings_view import being_revised
from bot.menus.chats import forget_skipped
from bot.search.understanding import reply_language
from bot.store.models import Volunteer
from bot.telegram import keyboards
from bot.telegram.callbacks import Origin
from bot.telegram.context import Turn
from bot.telegram.formatting import line
from bot.telegram.listings.views import details_view
from bot.telegram.menus import jobs as menu_jobs
from bot.telegram.search.pages import page_messages
from bot.telegram.sending import View
from bot.telegram.services import Services
from bot.texts import t


async def start(turn: Turn[None]) -> None:
    """Greets the person with the main keyboard, then opens the listing or search a deep link carries.

    Someone who has written before and opens a link (on a club's website, a poster) gets the listing or search
    straight away: the welcome, with the keyboard it brings, came at their first contact in their own chat. One
    whose first contact was in a group is welcomed at their first private one, link or not (Volunteer.private_since).
    /start alone greets.
    """
    payload = turn.context.args[0] if turn.context.args else None
    opened = bool(payload) and payload != "group"  # "group": added to a group, no link to open
    link = await resolve_start_payload(turn.session, payload) if opened else None
    user, lang = turn.update.effective_user, turn.lang
    if isinstance(link, SearchLink):  # a search written in English on a town's English page is answered in English
        lang = reply_language(link.text, lang)
    linked = await _deep_link(turn.session, turn.volunteer, link, turn.services, lang) if opened else []
    if not linked or turn.first_private_contact or not turn.private:
        name = line(user.first_name, 40) if user and user.first_name else t(lang, "start.friend")
        turn.reply(View(t(lang, "start.welcome", name=name), keyboards.main_keyboard(lang)))
    turn.reply_all(linked)
    if turn.private and await forget_skipped(turn.session, turn.user_id):  # their chat exists now: set its menu
        context, user_id = turn.context, turn.user_id
        turn.later(lambda: menu_jobs.refresh(context, [user_id]))


async def help_command(turn: Turn[None]) -> None:
    """Explains what to write and lists the commands (and, for admins, theirs)."""
    text = t(turn.lang, "help.text")
    if await turn.admin() is not None:
        text += "\n\n" + t(turn.lang, "help.admin")
    turn.reply(View(text, keyboards.main_keyboard(turn.lang)))


async def cancel(turn: Turn[None]) -> None:
    """Forgets the open question and ends the conversation about the last search, and says which it did."""
    had_question = await state.settle(turn.session, turn.volunteer.id)
    newest = await state.newest_search_id(turn.session, turn.volunteer.id)
    ongoing = newest is not None and not await state.concluded(turn.session, turn.volunteer.id, newest)
    await state.conclude(turn.session, turn.volunteer.id, newest=newest)  # the next message is a search of its own
    key = "cancel.done" if had_question or ongoing else "cancel.nothing"
    turn.reply(View(t(turn.lang, key), keyboards.main_keyboard(turn.lang)))


async def _deep_link(
    session: AsyncSession, volunteer: Volunteer, link: ListingLink | SearchLink | None, services_: Services, lang: str
) -> list[View]:
    """Returns the messages a deep link opens (in `lang`): a listing's details or a prepared search's results."""
    if isinstance(link, ListingLink):
        view = await details_view(session, volunteer, link.opportunity_id, Origin.NONE, 0, lang=lang)
        if view is not None:
            return [view]
        # A poster or a website may outlive its listing: say so, not that a search is outdated; a listing edited
        # after approval is only away while the edit is checked (as its web page says).
        revised = await being_revised(session, link.opportunity_id)
        return [View(t(lang, "start.listing_reviewing" if revised else "start.listing_gone"))]
    if isinstance(link, SearchLink):
        page = await services_.searches.start(session, volunteer, text=link.text, refinement=link.refinement,
                                              lang=lang)
        return await page_messages(session, volunteer, page, services_, private=True, lang=lang)
    return [View(t(lang, "start.link_unknown"))]

