"""A search's messages: the result page, the place question after it, a place given for the search.

Shared by the search's handlers, shared locations and /start's deep links; each runs in the caller's unit of work.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation import state
from bot.conversation.places import place_answer
from bot.conversation.searches import Page
from bot.search.model import PlaceRef
from bot.search.model import Refinement
from bot.search.smalltalk import SmallTalk, is_decline, small_talk, without_any_interest
from bot.search.understanding import parse_text, reply_language
from nlu.query import ParsedQuery
from bot.store.models import ChatSearch, Volunteer
from bot.store.types import utcnow
from bot.telegram import keyboards
from bot.telegram.search import keyboards as search_keyboards
from bot.telegram.formatting import line
from bot.telegram.search.views import candidates_view, page_view
from bot.telegram.sending import View
from bot.telegram.services import Services
from bot.texts import t
from bot.volunteers import home_place, remember_home


FOLLOW_UP = timedelta(minutes=30)  # a time said this soon after a search narrows it; later it is a search of its own
SMALL_TALK = {SmallTalk.GREETING: "smalltalk.greeting", SmallTalk.THANKS: "smalltalk.thanks"}


async def answer_or_search(
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
    if private and not places and is_decline(text):  # "nein" to "Wo soll ich stattdessen suchen?": no new search
        question = await state.pending_question(session, volunteer.id)
        if question is not None:
            state.close(question)
            lang = volunteer.language
            return [View(t(lang, "search.question_declined"), keyboards.main_keyboard(lang))]
    talk = small_talk(text)
    if talk is not None:  # "hallo", "danke 👍": answered in kind, with one line of what to write
        return [View(t(volunteer.language, SMALL_TALK[talk]), keyboards.main_keyboard(volunteer.language))]
    if private and (refined := await _time_for_newest_search(session, volunteer, text, services_)) is not None:
        return refined
    # A message clearly in English gets an English answer even when Telegram says German; the setting itself
    # stays, and the answer says where to change it.
    lang = reply_language(text, volunteer.language)
    rest = without_any_interest(text)
    if rest is not None and not parse_text(rest).categories:  # "irgendwas in Kassel": every area, in Kassel
        page = await services_.searches.start(session, volunteer, text=rest, refinement=Refinement(categories=()),
                                              lang=lang)
        if private and page.lacks_place:  # "egal was" and nothing else: every area is fine, only where is open
            await state.ask(session, volunteer.id, state.AWAITING_SEARCH_PLACE, search_id=page.search.id)
            if ruled_out := page.outcome.understood.ruled_out_places:  # "egal was, nur nicht in Kassel"
                text = t(lang, "search.any_interest_where_instead", places=line(", ".join(ruled_out), 60))
            else:
                text = t(lang, "search.any_interest_where")
            return [View(text, keyboards.main_keyboard(lang))]
    else:
        page = await services_.searches.start(session, volunteer, text=text, lang=lang)
    views = await page_messages(session, volunteer, page, services_, private=private, lang=lang)
    if lang != volunteer.language:
        views.append(View(t(lang, "search.language_hint")))
    return views


async def _time_for_newest_search(
    session: AsyncSession, volunteer: Volunteer, text: str, services_: Services
) -> list[View] | None:
    """Takes a text that says only when ("am WE", "WE", "nur abends") as the time of the person's newest search,
    which runs again with everything else it asked; None when the text says more, or there is no search."""
    query = parse_text(text)
    if not says_only_when(query):
        return None
    newest = await state.newest_search_id(session, volunteer.id)
    stored = await state.own_search(session, newest, volunteer.id) if newest is not None else None
    if stored is None or utcnow() - stored.created_at > FOLLOW_UP:
        return None
    state.refine(stored, time=query.time)
    page = await services_.searches.run(session, volunteer, stored)
    return await page_messages(session, volunteer, page, services_, private=True)


def says_only_when(query: ParsedQuery) -> bool:
    """Tells whether a parsed text names a time and nothing else a search uses."""
    return bool(query.time) and not (
        query.categories or query.exclude_categories or query.keywords or query.place or query.place_candidates
        or query.radius_km or query.languages or query.remote or query.ruled_out_places or query.needs_little_german
    )


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
                          search_keyboards.remember_home(stored.id, lang)))
    return views


async def page_messages(
    session: AsyncSession, volunteer: Volunteer, page: Page, services_: Services, *, private: bool,
    lang: str | None = None,
) -> list[View]:
    """Returns the page's message (in `lang`, else the person's language), followed by the place question when
    the search had no place at all."""
    lang = lang or volunteer.language
    views = [page_view(page, lang, default_radius_km=services_.settings.default_radius_km)]
    if private and page.lacks_place:
        await state.ask(session, volunteer.id, state.AWAITING_SEARCH_PLACE, search_id=page.search.id)
        # "nicht in Kassel" named a place, only not where to look: the answer said so; a town written next narrows
        question = "search.ask_place_instead" if page.outcome.understood.ruled_out_places else "search.ask_place"
        views.append(View(t(lang, question), keyboards.main_keyboard(lang)))
    elif private and page.outcome.unknown_place:  # the answer asked "Wo soll ich suchen?" itself: a town
        # written next answers it, so the search keeps what else was asked ("Tierheim 00000", then "Kassel")
        await state.ask(session, volunteer.id, state.AWAITING_SEARCH_PLACE, search_id=page.search.id)
    return views
