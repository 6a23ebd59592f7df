"""Saved searches (Suchaufträge): save one from the results, list them, stop one from anywhere."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup, Message, Update
from telegram.ext import ContextTypes

from bot.alerts import (
    AmbiguousPlace, EmptySearch, SavedSearchLimit, criteria_of, list_saved_searches, save_search, stop_saved_search,
)
from bot.domain import AlertMode
from bot.store.models import ChatSearch, Volunteer
from bot.conversation import state
from bot.telegram import keyboards
from bot.telegram.callbacks import Where
from bot.telegram.sending import (
    edit, edit_buttons, pressed, refuse_foreign, refuse_stale, send, volunteer_of,
)
from bot.telegram.alerts.render import saved_search_summary, saved_searches_text
from bot.telegram.services import services
from bot.telegram.search.views import View
from bot.texts import t


async def save_alert(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Saves the search of the result message as a Suchauftrag and confirms it with a stop button."""
    query, callback = pressed(update)
    services_ = services(context)
    async with services_.unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        lang = volunteer.language
        stored = await session.get(ChatSearch, callback.arg(0)) if callback else None
        owned = stored is not None and stored.volunteer_id == volunteer.id
        view = await _save(session, volunteer, stored, services_.settings.default_radius_km) if owned else None
    if stored is None or not owned:
        await (refuse_foreign if stored is not None else refuse_stale)(query, lang)
        return
    await query.answer(t(lang, "settings.toast_saved"))
    await send(update, view.text, view.markup)  # type: ignore[union-attr]


async def alerts_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Lists the person's Suchaufträge with a stop button each."""
    async with services(context).unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        view = await _list_view(session, volunteer)
    await send(update, view.text, view.markup)


async def stop_alert(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stops a Suchauftrag and takes its stop button away (or refreshes the list)."""
    query, callback = pressed(update)
    async with services(context).unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        lang = volunteer.language
        stopped = callback is not None and await stop_saved_search(session, volunteer, callback.arg(0))
        in_list = stopped and callback is not None and callback.arg(1) == Where.LIST
        refreshed = await _list_view(session, volunteer) if in_list else None
    if not stopped:
        await refuse_stale(query, lang)
        return
    await query.answer(t(lang, "alerts.toast_stopped"))
    if refreshed is not None:
        await edit(query, refreshed.text, refreshed.markup)  # type: ignore[arg-type]
    elif isinstance(query.message, Message):
        await edit_buttons(query, without_button(query.message.reply_markup, query.data or ""))


async def _save(session: AsyncSession, volunteer: Volunteer, stored: ChatSearch | None, radius: float) -> View | None:
    """Saves the stored search for alerts; returns the confirmation (or the limit message)."""
    assert stored is not None
    lang = volunteer.language
    mode = AlertMode.IMMEDIATE if volunteer.alert_mode == AlertMode.OFF.value else AlertMode(volunteer.alert_mode)
    try:
        saved = await save_search(session, volunteer, text=stored.query_text, refinement=state.refinement_of(stored),
                                  mode=mode, default_radius_km=radius)
    except SavedSearchLimit:
        return View(t(lang, "alerts.limit"))
    except (EmptySearch, AmbiguousPlace):
        return View(t(lang, "alerts.cannot_save"))
    summary = saved_search_summary(saved, criteria_of(saved), lang)
    when = t(lang, f"alerts.saved_{saved.mode}")
    return View(t(lang, "alerts.saved", summary=summary, when=when), keyboards.stop_alert(saved.id, lang))


async def _list_view(session: AsyncSession, volunteer: Volunteer) -> View:
    """Returns the list of active Suchaufträge with their stop buttons."""
    lang = volunteer.language
    saved = await list_saved_searches(session, volunteer)
    summaries = [(saved_search_summary(item, criteria_of(item), lang), item.mode) for item in saved]
    markup = keyboards.saved_searches([item.id for item in saved], lang) if saved else None
    return View(saved_searches_text(summaries, lang), markup)


def without_button(markup: InlineKeyboardMarkup | None, data: str) -> InlineKeyboardMarkup | None:
    """Returns the keyboard without the button that carries this data (and without rows left empty)."""
    if markup is None:
        return None
    rows = [[button for button in row if button.callback_data != data] for row in markup.inline_keyboard]
    rows = [row for row in rows if row]
    return InlineKeyboardMarkup(rows) if rows else None
