"""Saved searches (Suchaufträge): save one from the results, list them, stop one from anywhere."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup, Message

from bot.alerts import (
    AmbiguousPlace, EmptySearch, SavedSearchLimit, criteria_of, list_saved_searches, save_search, stop_saved_search,
)
from bot.conversation import state
from bot.domain import AlertMode
from bot.store.models import ChatSearch, Volunteer
from bot.telegram.alerts import keyboards as alerts_keyboards
from bot.telegram.alerts.render import saved_search_summary, saved_searches_text
from bot.telegram.callbacks import SaveButton, StopAlertButton, Where
from bot.telegram.context import Turn
from bot.telegram.sending import View
from bot.texts import t


async def save_alert(turn: Turn[SaveButton]) -> None:
    """Saves the search of the result message as a Suchauftrag and confirms it with a stop button."""
    stored = await turn.session.get(ChatSearch, turn.button.search_id)
    if stored is None:
        turn.refuse_stale()
    elif stored.volunteer_id != turn.volunteer.id:
        turn.refuse_foreign()
    else:
        lang = stored.lang or turn.lang  # the result message's language, as its confirmation's
        view = await _save(turn.session, turn.volunteer, stored, turn.services.settings.default_radius_km, lang)
        turn.answer(t(lang, "settings.toast_saved"))
        turn.reply(view)


async def alerts_command(turn: Turn[None]) -> None:
    """Lists the person's Suchaufträge with a stop button each."""
    turn.reply(await _list_view(turn.session, turn.volunteer, turn.lang))


async def stop_alert(turn: Turn[StopAlertButton]) -> None:
    """Stops a Suchauftrag and takes its stop button away (or refreshes the list)."""
    if not await stop_saved_search(turn.session, turn.volunteer, turn.button.saved_search_id):
        turn.refuse_stale()
        return
    turn.answer(t(turn.lang, "alerts.toast_stopped"))
    query = turn.query
    if turn.button.where == Where.LIST:
        turn.edit(await _list_view(turn.session, turn.volunteer, turn.lang))
    elif isinstance(query.message, Message):
        turn.edit_buttons(without_button(query.message.reply_markup, query.data or ""))


async def _save(session: AsyncSession, volunteer: Volunteer, stored: ChatSearch, radius: float, lang: str) -> View:
    """Saves the stored search for alerts; returns the confirmation (or the limit message) in `lang`."""
    mode = AlertMode.IMMEDIATE if volunteer.alert_mode == AlertMode.OFF.value else AlertMode(volunteer.alert_mode)
    refinement = state.refinement_of(stored)
    shown = state.shown_radius_km(stored)
    if shown is not None:  # what the person saw: "Kassel + 50 km" after widening is saved so, not as 15 km
        refinement = replace(refinement, radius_km=shown)
    try:
        saved = await save_search(session, volunteer, text=stored.query_text, refinement=refinement,
                                  mode=mode, default_radius_km=radius)
    except SavedSearchLimit:
        return View(t(lang, "alerts.limit"))
    except (EmptySearch, AmbiguousPlace):
        return View(t(lang, "alerts.cannot_save"))
    summary = saved_search_summary(saved, criteria_of(saved), lang)
    when = t(lang, f"alerts.saved_{saved.mode}")
    return View(t(lang, "alerts.saved", summary=summary, when=when), alerts_keyboards.stop_alert(saved.id, lang))


async def _list_view(session: AsyncSession, volunteer: Volunteer, lang: str) -> View:
    """Returns the list of active Suchaufträge with their stop buttons, in `lang`."""
    saved = await list_saved_searches(session, volunteer)
    summaries = [(saved_search_summary(item, criteria_of(item), lang), item.mode) for item in saved]
    markup = alerts_keyboards.saved_searches([item.id for item in saved], lang) if saved else None
    return View(saved_searches_text(summaries, lang), markup)


def without_button(markup: InlineKeyboardMarkup | None, data: str) -> InlineKeyboardMarkup | None:
    """Returns the keyboard without the button that carries this data (and without rows left empty)."""
    if markup is None:
        return None
    rows = [[button for button in row if button.callback_data != data] for row in markup.inline_keyboard]
    rows = [row for row in rows if row]
    return InlineKeyboardMarkup(rows) if rows else None
