"""/einstellungen: language, how alerts arrive, announcements, the stored place."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation.language import speak
from bot.store.models import Volunteer
from bot.telegram import keyboards
from bot.telegram.settings import keyboards as settings_keyboards
from bot.telegram.alerts.render import settings_text
from bot.telegram.callbacks import Setting, SettingButton
from bot.telegram.context import Turn
from bot.telegram.sending import View
from bot.texts import LANGUAGES, t
from bot.volunteers import forget_home, home_place, set_alert_mode, set_announcements, set_language


async def settings_command(turn: Turn[None]) -> None:
    """Shows the settings with buttons to change them."""
    turn.reply(settings_view(turn.volunteer, turn.lang))


async def language_command(turn: Turn[None]) -> None:
    """Says which language is set and offers the other one (pressed, it shows all settings in the new language)."""
    setting = turn.volunteer.language
    language = t(turn.lang, f"settings.language_{setting}")
    turn.reply(View(t(turn.lang, "settings.language", language=language), settings_keyboards.language_choice(setting)))


async def change_setting(turn: Turn[SettingButton]) -> None:
    """Changes the setting a button names and shows the settings again, in the (maybe new) language."""
    before = turn.lang
    if not await _apply(turn.session, turn.volunteer, turn.button):
        turn.refuse_stale()
        return
    # A language chosen is the conversation's from now on; another setting keeps the conversation's.
    lang = turn.volunteer.language if turn.button.setting == Setting.LANGUAGE else turn.lang
    turn.answer(t(lang, "settings.toast_saved"))
    turn.edit(settings_view(turn.volunteer, lang))
    if lang != before and turn.private:  # the keyboard below the input field changes only with a new message
        turn.reply(View(t(lang, "settings.keyboard_language"), keyboards.main_keyboard(lang)))


def settings_view(volunteer: Volunteer, lang: str) -> View:
    """Returns the settings message for a person, in `lang`."""
    markup = settings_keyboards.settings(lang, setting=volunteer.language, alert_mode=volunteer.alert_mode,
                                         announcements=volunteer.announcements,
                                         has_home=home_place(volunteer) is not None)
    return View(settings_text(volunteer, lang), markup)


async def _apply(session: AsyncSession, volunteer: Volunteer, pressed: SettingButton) -> bool:
    """Applies one settings button; False for values no button offers."""
    setting, value = pressed.setting, pressed.value
    if setting == Setting.LANGUAGE and value < len(LANGUAGES):
        await set_language(session, volunteer, LANGUAGES[value])
        await speak(session, volunteer, LANGUAGES[value])  # the conversation goes on in the language chosen
    elif setting == Setting.ALERT_MODE and value < len(keyboards.ALERT_MODES):
        await set_alert_mode(session, volunteer, keyboards.ALERT_MODES[value])
    elif setting == Setting.ANNOUNCEMENTS and value in (0, 1):
        await set_announcements(session, volunteer, bool(value))
    elif setting == Setting.FORGET_HOME and value == 0:
        await forget_home(session, volunteer)
    else:
        return False
    return True
