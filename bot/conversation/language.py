"""The language a conversation goes on in: a person whose Telegram says German but who writes English is answered
in English, and then not only the search but every reply (/abbrechen, /hilfe, "thanks", a listing's details)
stays English while the conversation lasts.

The language a search was answered in is stored with it (ChatSearch.lang); the newest search in the person's own
chat, made within the last hour, says the conversation's language. Older, or none: the person's setting.
Choosing a language in /einstellungen ends the question: the person's searches take the language chosen.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import ChatSearch, Volunteer
from bot.store.types import utcnow
from bot.texts import LANGUAGES

# As long as a follow-up goes on from the last search (bot.conversation.followups.FOLLOW_UP_WINDOW).
CONVERSATION_WINDOW = timedelta(hours=1)


async def conversation_language(session: AsyncSession, volunteer: Volunteer, *, now: datetime | None = None) -> str:
    """Returns the language to answer the person in: that of their newest search in their own chat while it is
    recent, else their setting."""
    newest = (await session.execute(
        select(ChatSearch.lang, ChatSearch.created_at)
        .where(ChatSearch.volunteer_id == volunteer.id, ChatSearch.private.is_(True))
        .order_by(ChatSearch.id.desc()).limit(1)
    )).first()
    if newest is None or newest.lang not in LANGUAGES or (now or utcnow()) - newest.created_at > CONVERSATION_WINDOW:
        return volunteer.language
    return str(newest.lang)


async def speak(session: AsyncSession, volunteer_id: int, lang: str) -> None:
    """Goes on in the language the person chose: their searches in their own chat (and those result messages'
    buttons) take it. A group's result messages keep the language the group read them in."""
    await session.execute(
        update(ChatSearch).where(ChatSearch.volunteer_id == volunteer_id, ChatSearch.private.is_(True))
        .values(lang=lang)
        .execution_options(synchronize_session=False)
    )
