"""Places: /standort, a shared location, and remembering the home place only after the person agreed."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.ext import ContextTypes

from bot.search.model import PlaceRef, Refinement
from bot.store.models import Volunteer
from bot.conversation import state
from bot.telegram import keyboards
from bot.telegram.sending import (
    edit, pressed, pressed_in_own_chat, refuse_foreign, refuse_stale, send, volunteer_of,
)
from bot.telegram.search.handlers import page_messages, place_for_search
from bot.conversation.places import shared_location
from bot.telegram.formatting import line
from bot.telegram.services import Services, services
from bot.telegram.search.views import View
from bot.texts import t
from bot.volunteers import home_place, remember_home


async def location_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Shows the stored place (with a button to forget it) and asks for a new one."""
    async with services(context).unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        lang = volunteer.language
        home = home_place(volunteer)
        await state.ask(session, volunteer.id, state.AWAITING_HOME)
    if home is not None:
        await send(update, t(lang, "location.current", place=line(home.name, 60)), keyboards.forget_home(lang))
    else:
        await send(update, t(lang, "location.none"))
    await send(update, t(lang, "location.ask"), keyboards.main_keyboard(lang))


async def location_shared(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Takes a shared location as the place asked for, or searches around it (asking what to do)."""
    location = update.effective_message.location  # type: ignore[union-attr]
    services_ = services(context)
    async with services_.unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        place = shared_location(location.latitude, location.longitude)  # type: ignore[union-attr]
        views = await _place_given(session, volunteer, place, services_)
    for view in views:
        await send(update, view.text, view.markup)


async def answer_home_question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Remembers the search's place as home after the person said yes; forgets the question after no."""
    query, callback = pressed(update)
    async with services(context).unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        lang = volunteer.language
        own = pressed_in_own_chat(query)
        stored = await state.own_search(session, callback.arg(0), volunteer.id) if callback and own else None
        place = state.refinement_of(stored).place if stored is not None else None
        agreed = callback is not None and callback.arg(1) == 1
        if place is not None and agreed:
            await remember_home(session, volunteer, place)
    if place is None:
        await (refuse_foreign if callback is not None and not own else refuse_stale)(query, lang)
        return
    await query.answer()
    text = t(lang, "location.saved", place=line(place.name, 60)) if agreed else t(lang, "location.not_saved")
    await edit(query, text)


async def _place_given(
    session: AsyncSession, volunteer: Volunteer, place: PlaceRef | None, services_: Services
) -> list[View]:
    """Uses a shared place for the open question, or starts a search around it."""
    lang = volunteer.language
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
        if stored is not None:
            return await place_for_search(session, volunteer, stored, [place], services_)
    page = await services_.searches.start(session, volunteer, text="", refinement=Refinement(place=place))
    views = await page_messages(session, volunteer, page, services_, private=True)
    if home_place(volunteer) is None:
        views.append(View(t(lang, "location.remember", place=line(place.name, 60)),
                          keyboards.remember_home(page.search.id, lang)))
    return views
