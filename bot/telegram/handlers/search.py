"""Free text is a search: the first page comes as a new message; paging, refining and choosing a place edit it."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.ext import ContextTypes

from bot.domain import TimeTag
from bot.search.criteria import criteria_from
from bot.search.model import PlaceRef, Refinement
from bot.search.smalltalk import SmallTalk, small_talk, without_any_interest
from bot.search.understanding import parse_text
from bot.store.models import ChatSearch, Volunteer
from bot.telegram import keyboards, state
from bot.telegram.callbacks import Callback, Facet
from bot.telegram.handlers.common import (
    edit, edit_buttons, guess_language, is_private, pressed, refuse_foreign, refuse_stale, send, volunteer_of,
)
from bot.telegram.places import place_answer
from bot.telegram.render.text import line
from bot.telegram.searching import PAGE_SIZE, ChatSearches, Page
from bot.telegram.services import Services, services
from bot.telegram.views import View, candidates_view, category_by_number, page_view, refine_menu
from bot.texts import t
from bot.volunteers import home_place, remember_home

MAX_QUERY_CHARS = 500  # longer texts are letters, not searches; the NLU is not made for them
MAX_OFFSET = 10_000  # the search pages no deeper


async def search_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Searches for what the person wrote, or takes it as the place they were just asked for."""
    await _search_for(update, context, update.effective_message.text or "")  # type: ignore[union-attr]


async def search_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Searches for the words after /suche, or asks what to look for."""
    text = " ".join(context.args or ())
    if text:
        await _search_for(update, context, text)
        return
    async with services(context).unit_of_work() as session:
        lang = (await volunteer_of(session, update)).language
    await send(update, t(lang, "search.prompt"))


async def search_edited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Searches again for the new text of an edited message, saying why a new answer comes."""
    async with services(context).unit_of_work() as session:
        lang = (await volunteer_of(session, update)).language
    await send(update, t(lang, "problem.edited"))
    await _search_for(update, context, update.effective_message.text or "")  # type: ignore[union-attr]


async def turn_page(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Shows another page of the results in the same message."""
    await _change_search(update, context, _set_offset)


async def back_to_results(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Shows the results again in place of details or a refinement menu."""
    await _change_search(update, context, lambda stored, callback, searches: True)


async def choose_radius(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Searches again within the chosen radius."""
    await _change_search(update, context, _set_radius)


async def choose_category(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Searches again in the chosen category (or in all)."""
    await _change_search(update, context, _set_category)


async def choose_time(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Searches again for the chosen time (or any time)."""
    await _change_search(update, context, _set_time)


async def choose_place(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Searches again around the place chosen among same-named ones."""
    await _change_search(update, context, _set_place)


async def open_refinement(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Swaps the result buttons for the options of one refinement (radius, category or time)."""
    query, callback = pressed(update)
    async with services(context).unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        lang = volunteer.language
        stored = await _search_of(session, callback)
        owned = stored is not None and stored.volunteer_id == volunteer.id
    if stored is None or callback is None or callback.arg(1) not in (Facet.RADIUS, Facet.CATEGORY, Facet.TIME):
        await refuse_stale(query, lang)
    elif not owned:
        await refuse_foreign(query, lang)
    else:
        await query.answer()
        current = criteria_from(parse_text(stored.query_text), state.refinement_of(stored),
                                default_radius_km=services(context).settings.default_radius_km)
        await edit_buttons(query, refine_menu(stored.id, callback.arg(1), lang, current))  # type: ignore[arg-type]


async def _search_for(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
    """Answers a text: the place asked for, or a new search; sends every resulting message."""
    if len(text) > MAX_QUERY_CHARS:
        await send(update, t(guess_language(update), "problem.too_long"))
        return
    services_ = services(context)
    async with services_.unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        views = await _answer_or_search(session, volunteer, text.strip(), services_, private=is_private(update))
    for view in views:
        await send(update, view.text, view.markup)


SMALL_TALK = {SmallTalk.GREETING: "smalltalk.greeting", SmallTalk.THANKS: "smalltalk.thanks"}


async def _answer_or_search(
    session: AsyncSession, volunteer: Volunteer, text: str, services_: Services, *, private: bool
) -> list[View]:
    """Takes a text as the answer to the open place question if it names a place, else as a new search."""
    # Only a text that reads as a place can answer "Wo?"; other texts are searches and need no look-up here.
    places = place_answer(text) if private else []
    question = await state.pending_question(session, volunteer.id) if places else None
    if question is not None:
        awaiting, search_id = question.awaiting, question.search_id
        state.close(question)
        if awaiting == state.AWAITING_HOME:
            await remember_home(session, volunteer, places[0])
            return [View(t(volunteer.language, "location.saved", place=line(places[0].name, 60)))]
        stored = await state.own_search(session, search_id or 0, volunteer.id)
        if stored is not None and awaiting == state.AWAITING_SEARCH_PLACE:
            return await place_for_search(session, volunteer, stored, places, services_)
    talk = small_talk(text)
    if talk is not None:  # "hallo", "danke 👍": answered in kind, with one line of what to write
        return [View(t(volunteer.language, SMALL_TALK[talk]), keyboards.main_keyboard(volunteer.language))]
    rest = without_any_interest(text)
    if rest is not None and not parse_text(rest)["categories"]:  # "irgendwas in Kassel": every area, in Kassel
        page = await services_.searches.start(session, volunteer, text=rest, refinement=Refinement(categories=()))
        if private and _lacks_place(page):  # "egal was" and nothing else: every area is fine, only where is open
            await state.ask(session, volunteer.id, state.AWAITING_SEARCH_PLACE, search_id=page.search.id)
            lang = volunteer.language
            return [View(t(lang, "search.any_interest_where"), keyboards.main_keyboard(lang))]
    else:
        page = await services_.searches.start(session, volunteer, text=text)
    return await page_messages(session, volunteer, page, services_, private=private)


async def place_for_search(
    session: AsyncSession, volunteer: Volunteer, stored: ChatSearch, places: list[PlaceRef], services_: Services
) -> list[View]:
    """Runs a search again around the place given (or asks which one), then offers to remember it."""
    lang = volunteer.language
    if len(places) > 1:
        stored.candidates = [place.to_dict() for place in places]
        return [candidates_view(stored.id, places, lang)]
    state.refine(stored, place=places[0])
    page = await services_.searches.run(session, volunteer, stored)
    views = await page_messages(session, volunteer, page, services_, private=True)
    if home_place(volunteer) is None:
        views.append(View(t(lang, "location.remember", place=line(places[0].name, 60)),
                          keyboards.remember_home(stored.id, lang)))
    return views


async def page_messages(
    session: AsyncSession, volunteer: Volunteer, page: Page, services_: Services, *, private: bool
) -> list[View]:
    """Returns the page's message, followed by the place question when the search had no place at all."""
    lang = volunteer.language
    views = [page_view(page, lang, default_radius_km=services_.settings.default_radius_km)]
    if private and _lacks_place(page):
        await state.ask(session, volunteer.id, state.AWAITING_SEARCH_PLACE, search_id=page.search.id)
        views.append(View(t(lang, "search.ask_place"), keyboards.main_keyboard(lang)))
    return views


def _lacks_place(page: Page) -> bool:
    """Tells whether the results are from all of Germany because nobody said where."""
    outcome = page.outcome
    return (outcome.everywhere and not outcome.needs_place_choice and not page.needs_interest
            and not (outcome.query or {}).get("remote"))


Change = Callable[[ChatSearch, Callback, ChatSearches], bool]


async def _change_search(update: Update, context: ContextTypes.DEFAULT_TYPE, change: Change) -> None:
    """Applies a button's change to its search, runs it again and edits the result message."""
    query, callback = pressed(update)
    services_ = services(context)
    follow_ups: list[View] = []
    async with services_.unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        lang = volunteer.language
        stored = await _search_of(session, callback)
        owned = stored is not None and stored.volunteer_id == volunteer.id
        valid = owned and change(stored, callback, services_.searches)  # type: ignore[arg-type]
        if valid:
            page = await services_.searches.run(session, volunteer, stored)  # type: ignore[arg-type]
            first, *follow_ups = await page_messages(session, volunteer, page, services_, private=is_private(update))
    if stored is not None and not owned:
        await refuse_foreign(query, lang)
        return
    if not valid:
        await refuse_stale(query, lang)
        return
    await query.answer()
    await edit(query, first.text, first.markup)  # type: ignore[arg-type]
    for view in follow_ups:
        await send(update, view.text, view.markup)


async def _search_of(session: AsyncSession, callback: Callback | None) -> ChatSearch | None:
    """Returns the stored search a button refers to, whoever owns it (ownership is checked by the caller)."""
    if callback is None:
        return None
    return await session.get(ChatSearch, callback.arg(0))


def _set_offset(stored: ChatSearch, callback: Callback, searches: ChatSearches) -> bool:
    """Moves the search to the page the button names."""
    offset = callback.arg(1)
    if offset % PAGE_SIZE or offset > MAX_OFFSET:
        return False
    stored.offset = offset
    return True


def _set_radius(stored: ChatSearch, callback: Callback, searches: ChatSearches) -> bool:
    """Sets the radius a button offers."""
    if callback.arg(1) not in keyboards.RADII_KM:
        return False
    state.refine(stored, radius_km=float(callback.arg(1)))
    return True


def _set_category(stored: ChatSearch, callback: Callback, searches: ChatSearches) -> bool:
    """Sets the category a button names (0: every category) in place of the interest the text named."""
    number = callback.arg(1)
    key = category_by_number(number)
    if number and key is None:
        return False
    searches.choose_interest(stored, (key,) if key else ())
    return True


def _set_time(stored: ChatSearch, callback: Callback, searches: ChatSearches) -> bool:
    """Sets the time tag a button names (0: any time)."""
    number = callback.arg(1)
    tags = tuple(TimeTag)
    if number > len(tags):
        return False
    state.refine(stored, time=(tags[number - 1].value,) if number else ())
    return True


def _set_place(stored: ChatSearch, callback: Callback, searches: ChatSearches) -> bool:
    """Centres the search on the chosen candidate place."""
    candidates = state.candidates_of(stored)
    if callback.arg(1) >= len(candidates):
        return False
    state.refine(stored, place=candidates[callback.arg(1)])
    return True
