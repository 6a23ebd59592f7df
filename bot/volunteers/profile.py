"""A volunteer's profile: who they are to the bot, their language and what they want to receive."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import literal, select, true, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from bot.categories import is_category
from bot.conversation.language import kept_language
from bot.domain import AlertMode
from bot.store.models import OrganisationMember, SavedSearch, Volunteer
from bot.store.types import Json, UTCDateTime, utcnow
from bot.store.dialect import dialect_insert, insert_for
from bot.texts.catalogue import DEFAULT_LANGUAGE

LANGUAGES = ("de", "en")
# Interests feed broadcast targeting only; a handful of recent ones says enough and keeps the row small.
MAX_INTERESTS = 8
# Writing last_seen_at on every message would turn each read-only search into a write; minutes are precise enough.
LAST_SEEN_GRANULARITY = timedelta(minutes=5)


def language_for(language_code: str | None) -> str:
    """Returns the bot language for a Telegram language code: English for en*, German otherwise."""
    return "en" if language_code and language_code.lower().startswith("en") else "de"


async def find_volunteer(session: AsyncSession, telegram_id: int) -> Volunteer | None:
    """Returns the volunteer with this Telegram id, or None."""
    return (await session.execute(select(Volunteer).where(Volunteer.telegram_id == telegram_id))).scalar_one_or_none()


async def get_or_create_volunteer(
    session: AsyncSession, telegram_id: int, *, language_code: str | None, now: datetime | None = None
) -> Volunteer:
    """Returns the person's volunteer row, creating it on first contact, and notes that they were here."""
    volunteer, _ = await meet_volunteer(session, telegram_id, language_code=language_code, now=now)
    return volunteer


async def meet_volunteer(
    session: AsyncSession, telegram_id: int, *, language_code: str | None, now: datetime | None = None
) -> tuple[Volunteer, bool]:
    """Returns the person's volunteer row (created on first contact, noting that they were here) and whether this
    is their first contact: no row yet, or one holding only a blocked flag (an organisation's contact)."""
    now = now or utcnow()
    volunteer = await find_volunteer(session, telegram_id)
    first = volunteer is None or volunteer.last_seen_at is None
    if volunteer is None:
        # Two bot processes may see the same person's first two messages at once: the unique key decides.
        statement = dialect_insert(session, Volunteer.__table__).values(
            telegram_id=telegram_id, language=language_for(language_code), last_seen_at=now,
            created_at=now, updated_at=now,
        )
        await session.execute(statement.on_conflict_do_nothing(index_elements=["telegram_id"]))
        volunteer = await find_volunteer(session, telegram_id)
        if volunteer is None:
            raise RuntimeError(f"volunteer {telegram_id} vanished while being created")
    if volunteer.last_seen_at is None:
        # First contact; the row may already exist holding only a blocked flag (an organisation's contact).
        volunteer.language = language_for(language_code)
    if volunteer.last_seen_at is None or now - volunteer.last_seen_at >= LAST_SEEN_GRANULARITY:
        volunteer.last_seen_at = now
    if volunteer.blocked:
        volunteer.blocked = False  # they write to us again, so they unblocked the bot
    return volunteer, first


async def set_language(session: AsyncSession, volunteer: Volunteer, lang: str) -> None:
    """Switches the language the bot speaks with this person."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; one of {', '.join(LANGUAGES)}")
    volunteer.language = lang
    await session.flush()


async def set_alert_mode(session: AsyncSession, volunteer: Volunteer, mode: AlertMode | str) -> None:
    """Sets how alerts arrive; immediate/daily also applies to every saved search, off pauses them all."""
    mode = AlertMode(mode)
    volunteer.alert_mode = mode.value
    if mode is not AlertMode.OFF:
        # Off is a pause switch; the per-search choice survives it, so turning alerts on again restores them.
        await session.execute(
            update(SavedSearch).where(SavedSearch.volunteer_id == volunteer.id)
            .values(mode=mode.value, updated_at=utcnow())
        )
    await session.flush()


async def set_announcements(session: AsyncSession, volunteer: Volunteer, on: bool) -> None:
    """Turns admin announcements (broadcasts) on or off for this person."""
    volunteer.announcements = bool(on)
    await session.flush()


async def note_interests(session: AsyncSession, volunteer: Volunteer, categories: Iterable[str]) -> None:
    """Remembers the categories the person searched for, newest first, at most MAX_INTERESTS."""
    fresh = [key for key in dict.fromkeys(categories) if is_category(key)]
    if not fresh:
        return
    kept = [key for key in volunteer.interests or [] if key not in fresh and is_category(key)]
    combined = (fresh + kept)[:MAX_INTERESTS]
    if combined != list(volunteer.interests or []):
        volunteer.interests = combined  # a new list, so the JSON column is seen as changed
        await session.flush()


async def mark_blocked(session: AsyncSession, telegram_id: int) -> bool:
    """Records that the person blocked the bot (Telegram answered 403); returns whether they were a volunteer."""
    return bool(await remember_blocked(session, session.get_bind().dialect.name, [telegram_id], now=utcnow()))


async def remember_blocked(executor: AsyncSession | AsyncConnection, dialect: str, telegram_ids: Iterable[int], *,
                           now: datetime) -> int:
    """Flags people who blocked the bot; returns how many volunteers were flagged.

    An organisation's contact may never have searched and so have no volunteer row: one is written holding
    nothing but the flag, so the next announcement leaves them out too (writing to the bot again clears it).
    Nobody else gets a new row: someone who deleted their data (/loeschen) is not recorded again.
    """
    ids = sorted(set(telegram_ids))
    flagged = await executor.execute(
        update(Volunteer).where(Volunteer.telegram_id.in_(ids)).values(blocked=True, updated_at=now)
    )
    contacts = select(
        OrganisationMember.telegram_id, literal("de"), literal([], Json), literal(AlertMode.IMMEDIATE.value),
        true(), true(), literal(now, UTCDateTime()), literal(now, UTCDateTime()),
    ).where(OrganisationMember.telegram_id.in_(ids)).distinct()
    columns = ["telegram_id", "language", "interests", "alert_mode", "announcements", "blocked", "created_at",
               "updated_at"]
    await executor.execute(insert_for(dialect, Volunteer.__table__).from_select(columns, contacts)
                           .on_conflict_do_nothing(index_elements=["telegram_id"]))
    return int(flagged.rowcount or 0)  # type: ignore[attr-defined]


async def languages_of(session: AsyncSession, telegram_ids: Iterable[int]) -> dict[int, str]:
    """Returns the language to write each person in outside a conversation (notices to clubs and admins): the one
    they last spoke in their own chat or chose, else their setting, as alerts and digests do (German for people
    the bot has not met)."""
    ids = list(telegram_ids)
    rows = await session.execute(select(Volunteer.telegram_id, kept_language())
                                 .where(Volunteer.telegram_id.in_(ids)))
    known = {telegram_id: language for telegram_id, language in rows}
    return {id_: known.get(id_) or DEFAULT_LANGUAGE for id_ in ids}
