"""/start (with or without a deep link), /hilfe and /abbrechen."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.ext import ContextTypes

from bot.admins import admin_scope
from bot.links import ListingLink, SearchLink, resolve_start_payload
from bot.store.models import Volunteer
from bot.telegram import keyboards, state
from bot.telegram.callbacks import Origin
from bot.telegram.handlers.common import send, volunteer_of
from bot.telegram.handlers.listings import details_view
from bot.telegram.handlers.search import page_messages
from bot.telegram.render.text import line
from bot.telegram.services import Services, services
from bot.telegram.views import View
from bot.texts import t


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greets the person with the main keyboard, then opens the listing or search a deep link carries."""
    services_ = services(context)
    payload = context.args[0] if context.args else None
    user = update.effective_user
    async with services_.unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        lang = volunteer.language
        linked = await _deep_link(session, volunteer, payload, services_) if payload and payload != "group" else []
    name = line(user.first_name, 40) if user and user.first_name else t(lang, "start.friend")
    await send(update, t(lang, "start.welcome", name=name), keyboards.main_keyboard(lang))
    for view in linked:
        await send(update, view.text, view.markup)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explains what to write and lists the commands."""
    async with services(context).unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        scope = await admin_scope(session, volunteer.telegram_id, admin_ids=services(context).settings.admin_ids)
    lang = volunteer.language
    text = t(lang, "help.text") + ("\n\n" + t(lang, "help.admin") if scope is not None else "")
    await send(update, text, keyboards.main_keyboard(lang))


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Forgets the open question, if any, and says so."""
    async with services(context).unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        lang = volunteer.language
        had_question = await state.settle(session, volunteer.id)
    await send(update, t(lang, "cancel.done" if had_question else "cancel.nothing"), keyboards.main_keyboard(lang))


async def _deep_link(session: AsyncSession, volunteer: Volunteer, payload: str, services_: Services) -> list[View]:
    """Returns the messages a deep link opens: a listing's details or a prepared search's results."""
    lang = volunteer.language
    link = await resolve_start_payload(session, payload)
    if isinstance(link, ListingLink):
        view = await details_view(session, volunteer, link.opportunity_id, Origin.NONE, 0)
        return [view] if view is not None else [View(t(lang, "problem.stale_message"))]
    if isinstance(link, SearchLink):
        page = await services_.searches.start(session, volunteer, text=link.text, refinement=link.refinement)
        return await page_messages(session, volunteer, page, services_, private=True)
    return [View(t(lang, "problem.stale_message"))]

