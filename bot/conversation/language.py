"""The language a conversation goes on in: a person whose Telegram says German but who writes English is answered
in English, and then not only the search but every reply (/abbrechen, /hilfe, "thanks", a listing's details)
stays English while the conversation lasts.

The language is kept with the person (Volunteer.conversation_lang, and conversation_at: when they last wrote or
pressed a button in it), so the row every update loads already says it: no statement of its own. A search
answered in their own chat sets it to the search's language. It lasts while the person goes on: each update in
their own chat renews it, and an hour after their last one their setting speaks again. Choosing a language in
/einstellungen ends the question: the conversation and the person's searches in their own chat take it.

Out of a conversation (a saved search's alert or digest, hours later), the bot writes in the language the person
last spoke in their own chat or chose (the conversation's, however old), else their setting: someone whose Telegram
says German but who searched and saved the search in English gets the alert and its stop button in English.

Why renewed by every update and not only by searches: a person who searched in English, then asked /standort
and answers "Fulda" a while later is still in the same conversation, and the bot asked them in English; the
hour counted from the search alone switched the answer to German in mid-dialogue.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, update
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import ChatSearch, Volunteer
from bot.store.types import utcnow
from bot.texts import LANGUAGES

# How long a conversation outlasts the person's last update (as a follow-up goes on from the last search,
# bot.conversation.followups.FOLLOW_UP_WINDOW).
CONVERSATION_WINDOW = timedelta(hours=1)
# Its time is written at most this often (as last_seen_at), not on every update; it lasts this much longer, so
# the language holds at least CONVERSATION_WINDOW after the last update.
RENEWED_EVERY = timedelta(minutes=5)


def conversation_language(volunteer: Volunteer, *, now: datetime | None = None) -> str:
    """Returns the language to answer the person in: their conversation's while it goes on, else their
    setting."""
    if _going_on(volunteer, now or utcnow()):
        return str(volunteer.conversation_lang)
    return volunteer.language


def kept_language() -> ColumnElement[str]:
    """Returns the SQL value of the language to write to a person outside a conversation (alerts, digests): the
    one they last spoke in their own chat or chose, else their setting."""
    return func.coalesce(Volunteer.conversation_lang, Volunteer.language).label("language")


def answering(volunteer: Volunteer, *, now: datetime | None = None) -> str:
    """Returns the conversation's language for an update in the person's own chat, and renews the conversation:
    it goes on for another hour (written with the unit of work, at most every RENEWED_EVERY)."""
    now = now or utcnow()
    if not _going_on(volunteer, now):
        return volunteer.language
    if volunteer.conversation_at is None or now - volunteer.conversation_at >= RENEWED_EVERY:
        volunteer.conversation_at = now
    return str(volunteer.conversation_lang)


def goes_on_in(volunteer: Volunteer, lang: str, *, now: datetime | None = None) -> None:
    """Notes that the person's conversation goes on in this language (a search in their own chat was answered
    in it); written with the unit of work, only when the language changes or a new conversation begins."""
    now = now or utcnow()
    if volunteer.conversation_lang != lang or not _going_on(volunteer, now):
        volunteer.conversation_lang, volunteer.conversation_at = lang, now


async def speak(session: AsyncSession, volunteer: Volunteer, lang: str) -> None:
    """Goes on in the language the person chose: their conversation and their searches in their own chat (and
    those result messages' buttons) take it. A group's result messages keep the language the group read them in."""
    goes_on_in(volunteer, lang)
    await session.execute(
        update(ChatSearch).where(ChatSearch.volunteer_id == volunteer.id, ChatSearch.private.is_(True))
        .values(lang=lang)
        .execution_options(synchronize_session=False)
    )


def going_on(volunteer: Volunteer, *, now: datetime | None = None) -> bool:
    """Tells whether the person is in a conversation now (its language answers them, not their setting)."""
    return _going_on(volunteer, now or utcnow())


def _going_on(volunteer: Volunteer, now: datetime) -> bool:
    """Tells whether the person's conversation has a language and their last update in it was recent."""
    since = volunteer.conversation_at
    return (volunteer.conversation_lang in LANGUAGES and since is not None
            and now - since <= CONVERSATION_WINDOW + RENEWED_EVERY)
