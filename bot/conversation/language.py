"""The language a conversation goes on in: a person whose Telegram says German but who writes English is answered
in English, and then not only the search but every reply (/abbrechen, /hilfe, "thanks", a listing's details)
stays English while the conversation lasts.

The language is kept with the person (Volunteer.conversation_lang, and conversation_at: since when), so the
row every update loads already says it: no statement of its own. A search answered in their own chat sets it
to the search's language, for an hour; older, or none: the person's setting. Choosing a language in
/einstellungen ends the question: the conversation and the person's searches in their own chat take it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import ChatSearch, Volunteer
from bot.store.types import utcnow
from bot.texts import LANGUAGES

# As long as a follow-up goes on from the last search (bot.conversation.followups.FOLLOW_UP_WINDOW).
CONVERSATION_WINDOW = timedelta(hours=1)


def conversation_language(volunteer: Volunteer, *, now: datetime | None = None) -> str:
    """Returns the language to answer the person in: their conversation's while it is recent, else their
    setting."""
    spoken, since = volunteer.conversation_lang, volunteer.conversation_at
    if spoken not in LANGUAGES or since is None or (now or utcnow()) - since > CONVERSATION_WINDOW:
        return volunteer.language
    return str(spoken)


def goes_on_in(volunteer: Volunteer, lang: str, *, now: datetime | None = None) -> None:
    """Notes that the person's conversation goes on in this language now (a search in their own chat was
    answered in it); written with the unit of work."""
    if volunteer.conversation_lang != lang:
        volunteer.conversation_lang = lang
    volunteer.conversation_at = now or utcnow()


async def speak(session: AsyncSession, volunteer: Volunteer, lang: str) -> None:
    """Goes on in the language the person chose: their conversation and their searches in their own chat (and
    those result messages' buttons) take it. A group's result messages keep the language the group read them in."""
    goes_on_in(volunteer, lang)
    await session.execute(
        update(ChatSearch).where(ChatSearch.volunteer_id == volunteer.id, ChatSearch.private.is_(True))
        .values(lang=lang)
        .execution_options(synchronize_session=False)
    )
