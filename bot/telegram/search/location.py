"""Places: /standort, a shared location, and remembering the home place only after the person agreed."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation import state
from bot.conversation.followups import around_shared_location
from bot.conversation.places import shared_location
from bot.search.model import PlaceRef, Refinement
from bot.store.models import Volunteer
from bot.store.types import utcnow
from bot.telegram import keyboards
from bot.telegram.search import keyboards as search_keyboards
from bot.telegram.callbacks import HomeButton
from bot.telegram.context import Turn
from bot.telegram.formatting import line
from bot.telegram.search.pages import page_messages, place_for_search
from bot.telegram.sending import View
from bot.telegram.services import Services
from bot.texts import t
from bot.volunteers import home_place, remember_home


async def location_command(turn: Turn[None]) -> None:
    """Shows the stored place (with a button to forget it) and asks for a new one."""
    lang, home = turn.lang, home_place(turn.volunteer)
    await state.ask(turn.session, turn.volunteer.id, state.AWAITING_HOME)
    if home is not None:
        turn.reply(View(t(lang, "location.current", place=line(home.name, 60)), search_keyboards.forget_home(lang)))
    else:
        turn.reply(View(t(lang, "location.none")))
    turn.reply(View(t(lang, "location.ask"), keyboards.main_keyboard(lang)))


async def location_shared(turn: Turn[None]) -> None:
    """Takes a shared location as the place asked for, or searches around it (asking what to do)."""
    location = turn.message.location
    assert location is not None  # the registry routes only messages with a location here
    place = shared_location(location.latitude, location.longitude)
    turn.reply_all(await _place_given(turn.session, turn.volunteer, place, turn.services, lang=turn.lang))


async def answer_home_question(turn: Turn[HomeButton]) -> None:
    """Remembers the search's place as home after the person said yes; forgets the question after no."""
    stored = await state.own_search(turn.session, turn.button.search_id, turn.volunteer.id)
    place = state.refinement_of(stored).place if stored is not None else None
    agreed = turn.button.remember == 1
    if place is None:
        turn.refuse_stale()
        return
    if agreed:
        await remember_home(turn.session, turn.volunteer, place)
    turn.answer()
    lang = (stored.lang if stored is not None else None) or turn.lang  # the question's language: its search's
    turn.edit(View(t(lang, "location.saved", place=line(place.name, 60)) if agreed else t(lang, "location.not_saved")))


async def _place_given(
    session: AsyncSession, volunteer: Volunteer, place: PlaceRef | None, services_: Services, *, lang: str
) -> list[View]:
    """Uses a shared place for the open question, or starts a search around it (answered in `lang`)."""
    if place is None:
        return [View(t(lang, "location.outside"))]
    question = await state.pending_question(session, volunteer.id)
    if question is not None:
        awaiting, search_id = question.awaiting, question.search_id
        state.close(question)
        if awaiting == state.AWAITING_HOME:
            await remember_home(session, volunteer, place)
            return [View(t(lang, "location.saved", place=line(place.name, 60)), keyboards.main_keyboard(lang))]
        stored = await state.own_search(session, search_id or 0, volunteer.id)
        # Only the search's own question takes the place (another flow's, e.g. /ichbiete's, does not).
        if stored is not None and awaiting == state.AWAITING_SEARCH_PLACE:
            return await place_for_search(session, volunteer, stored, [place], services_, lang=stored.lang or lang)
    # Right after a result, the location is where to look for the same ("Tierheim in Kassel", then 📍), as a town
    # written would be; else a search of its own around it, asking what to help with.
    previous = await state.last_search(session, volunteer.id, private=True, understood=True)
    goes_on = previous is not None and not await state.concluded(session, volunteer.id, previous.id)
    following = around_shared_location(previous, place, now=utcnow()) if goes_on else None
    if following is None:
        page = await services_.searches.start(session, volunteer, text="", refinement=Refinement(place=place),
                                              lang=lang)
    else:
        page = await services_.searches.start(session, volunteer, text=following.text,
                                              refinement=following.refinement, lang=lang)
        page = replace(page, kept_interest=True)
        state.keep_followed(page.search, state.Followed(kept_interest=True))
    views = await page_messages(session, volunteer, page, services_, private=True, lang=lang)
    if home_place(volunteer) is None:
        views.append(View(t(lang, "location.remember", place=line(place.name, 60)),
                          search_keyboards.remember_home(page.search.id, lang)))
    return views
