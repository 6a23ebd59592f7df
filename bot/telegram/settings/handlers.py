"""/einstellungen: language, how alerts arrive, announcements, the stored place."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.ext import ContextTypes

from bot.store.models import Volunteer
from bot.telegram import keyboards
from bot.telegram.callbacks import Callback, Setting
from bot.telegram.sending import (
    edit, pressed, pressed_in_own_chat, refuse_foreign, refuse_stale, send, volunteer_of,
)
from bot.telegram.alerts.render import settings_text
from bot.telegram.services import services
from bot.telegram.search.views import View
from bot.texts import LANGUAGES, t
from bot.volunteers import forget_home, home_place, set_alert_mode, set_announcements, set_language


async def settings_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Shows the settings with buttons to change them."""
    async with services(context).unit_of_work() as session:
        view = settings_view(await volunteer_of(session, update))
    await send(update, view.text, view.markup)


async def change_setting(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Changes the setting a button names and shows the settings again, in the (maybe new) language."""
    query, callback = pressed(update)
    async with services(context).unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        own = pressed_in_own_chat(query)
        changed = own and callback is not None and await _apply(session, volunteer, callback)
        view = settings_view(volunteer)
    if not changed:
        await (refuse_foreign if callback is not None and not own else refuse_stale)(query, volunteer.language)
        return
    await query.answer(t(volunteer.language, "settings.toast_saved"))
    await edit(query, view.text, view.markup)  # type: ignore[arg-type]


def settings_view(volunteer: Volunteer) -> View:
    """Returns the settings message for a person."""
    markup = keyboards.settings(volunteer.language, alert_mode=volunteer.alert_mode,
                                announcements=volunteer.announcements, has_home=home_place(volunteer) is not None)
    return View(settings_text(volunteer), markup)


async def _apply(session: AsyncSession, volunteer: Volunteer, callback: Callback) -> bool:
    """Applies one settings button; False for values no button offers."""
    setting, value = callback.args
    if setting == Setting.LANGUAGE and value < len(LANGUAGES):
        await set_language(session, volunteer, LANGUAGES[value])
    elif setting == Setting.ALERT_MODE and value < len(keyboards.ALERT_MODES):
        await set_alert_mode(session, volunteer, keyboards.ALERT_MODES[value])
    elif setting == Setting.ANNOUNCEMENTS and value in (0, 1):
        await set_announcements(session, volunteer, bool(value))
    elif setting == Setting.FORGET_HOME and value == 0:
        await forget_home(session, volunteer)
    else:
        return False
    return True
